namespace Tandem.Web.Features.Guidance;

/// <summary>Marker for the Guidance pages' strings: Resources/Features/Guidance/GuidanceText.zh-Hans.resx.</summary>
public sealed class GuidanceText;
