namespace Tandem.Web.Features.Workbooks;

/// <summary>Marker for the Workbooks pages' strings: Resources/Features/Workbooks/WorkbooksText.zh-Hans.resx.</summary>
public sealed class WorkbooksText;
