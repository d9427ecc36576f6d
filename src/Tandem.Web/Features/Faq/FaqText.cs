namespace Tandem.Web.Features.Faq;

/// <summary>Marker for the FAQ pages' strings: Resources/Features/Faq/FaqText.zh-Hans.resx.</summary>
public sealed class FaqText;
