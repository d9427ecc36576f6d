namespace Tandem.Web.Features.Applications;

/// <summary>Marker for the Applications strings: Resources/Features/Applications/ApplicationsText.zh-Hans.resx.</summary>
public sealed class ApplicationsText;
