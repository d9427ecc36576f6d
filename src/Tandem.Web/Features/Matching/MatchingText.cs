namespace Tandem.Web.Features.Matching;

/// <summary>Marker for the matching pages' strings: Resources/Features/Matching/MatchingText.zh-Hans.resx.</summary>
public sealed class MatchingText;
