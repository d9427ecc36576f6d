using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tandem.Web.Tests.Localization;

/// <summary>
/// Every English string a page or rule passes through a localizer (and every validation message on
/// an input model) must have a Simplified Chinese entry in its feature's resource, so no page is
/// half-translated. Reads the source tree; fails with the list of what is missing.
/// </summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly string Web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Tandem.Web"));

    [Fact]
    public void EveryLocalizedStringHasASimplifiedChineseTranslation()
    {
        var missing = new List<string>();
        var files = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
        var checkedKeys = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal)) localizers["S"] = "SharedText";
            foreach (Match m in DeclarationRegex().Matches(text))
                localizers[m.Groups["name"].Value] = m.Groups["type"].Value.Split('.').Last();
            foreach (var (name, type) in localizers)
            {
                foreach (Match use in UsageRegex(name).Matches(text))
                {
                    checkedKeys++;
                    var key = Regex.Unescape(use.Groups[1].Value);
                    if (!Keys(type).Contains(key)) missing.Add($"{Rel(file)}: {type} lacks \"{key}\"");
                }
            }
            if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                var type = FeatureTextFor(file);
                foreach (Match m in ErrorMessageRegex().Matches(text))
                {
                    checkedKeys++;
                    var key = Regex.Unescape(m.Groups[1].Value);
                    if (!Keys(type).Contains(key)) missing.Add($"{Rel(file)}: {type} lacks validation message \"{key}\"");
                }
            }
        }
        checkedKeys.ShouldBeGreaterThan(20);
        missing.ShouldBeEmpty();
    }

    private static string FeatureTextFor(string file)
    {
        var rel = Rel(file).Split('/');
        if (rel.Length > 2 && rel[0] == "Features" && File.Exists(Path.Combine(Web, "Features", rel[1], rel[1] + "Text.cs")))
            return rel[1] + "Text";
        return "SharedText";
    }

    private static readonly Dictionary<string, HashSet<string>> Cache = [];

    private static HashSet<string> Keys(string type)
    {
        if (Cache.TryGetValue(type, out var keys)) return keys;
        var resx = Directory.EnumerateFiles(Path.Combine(Web, "Resources"), type + ".zh-Hans.resx", SearchOption.AllDirectories).SingleOrDefault();
        keys = resx is null ? [] : XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        Cache[type] = keys;
        return keys;
    }

    private static string Rel(string file) => Path.GetRelativePath(Web, file).Replace('\\', '/');

    private static Regex UsageRegex(string name) => new(@"(?<![\w.])" + Regex.Escape(name) + @"\[\s*""((?:[^""\\]|\\.)*)""");

    [GeneratedRegex(@"IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex DeclarationRegex();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessageRegex();
}
