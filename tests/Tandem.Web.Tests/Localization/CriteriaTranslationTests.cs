using System.Xml.Linq;
using Tandem.Matching.Cohorts;

namespace Tandem.Web.Tests.Localization;

/// <summary>
/// The matching pages show each criterion's label and description from the engine's table through the
/// Matching localizer. Those keys are data, not literals the source scan of <see cref="TranslationCoverageTests"/>
/// can see, so this checks them: a new criterion without its Chinese text fails here.
/// </summary>
public sealed class CriteriaTranslationTests
{
    private static readonly string Resx = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory,
        "../../../../../src/Tandem.Web/Resources/Features/Matching/MatchingText.zh-Hans.resx"));

    [Fact]
    public void EveryCriterionLabelAndDescriptionHasASimplifiedChineseTranslation()
    {
        var keys = XDocument.Load(Resx).Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace((string?)d.Element("value")))
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var texts = Criteria.All.SelectMany(c => new[] { c.Label, c.Description }).ToList();
        texts.Count.ShouldBe(2 * Criteria.Count);
        texts.Where(text => !keys.Contains(text)).ShouldBeEmpty();
    }
}
