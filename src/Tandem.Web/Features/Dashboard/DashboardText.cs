namespace Tandem.Web.Features.Dashboard;

/// <summary>Marker for the Dashboard's strings: Resources/Features/Dashboard/DashboardText.zh-Hans.resx.</summary>
public sealed class DashboardText;
