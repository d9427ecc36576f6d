namespace Tandem.Web.Shared;

/// <summary>Marker for the strings shared by every page (layout, buttons, validation messages):
/// Resources/Shared/SharedText.zh-Hans.resx. English text is the key.</summary>
public sealed class SharedText;
