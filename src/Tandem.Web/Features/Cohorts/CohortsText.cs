namespace Tandem.Web.Features.Cohorts;

/// <summary>Marker for the Cohorts pages' strings: Resources/Features/Cohorts/CohortsText.zh-Hans.resx.</summary>
public sealed class CohortsText;
