namespace Tandem.Web.Shared;

/// <summary>
/// Each feature keeps its strings in one resource, named by a marker class in its folder:
/// Features/Applications/ApplicationsText.cs ↔ Resources/Features/Applications/ApplicationsText.zh-Hans.resx.
/// Validation messages on a feature's input models are looked up there too; elsewhere in SharedText.
/// </summary>
public static class FeatureText
{
    public static Type For(Type modelType)
    {
        var ns = modelType.Namespace ?? "";
        var last = ns[(ns.LastIndexOf('.') + 1)..];
        return modelType.Assembly.GetType($"{ns}.{last}Text") ?? typeof(SharedText);
    }
}
