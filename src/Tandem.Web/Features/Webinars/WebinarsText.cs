namespace Tandem.Web.Features.Webinars;

/// <summary>Marker for the Webinars pages' strings: Resources/Features/Webinars/WebinarsText.zh-Hans.resx.</summary>
public sealed class WebinarsText;
