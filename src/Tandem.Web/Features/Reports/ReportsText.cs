namespace Tandem.Web.Features.Reports;

/// <summary>Marker for the Reports pages' strings: Resources/Features/Reports/ReportsText.zh-Hans.resx.</summary>
public sealed class ReportsText;
