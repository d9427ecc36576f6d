namespace Tandem.Web.Features.Library;

/// <summary>Marker for the Library pages' strings: Resources/Features/Library/LibraryText.zh-Hans.resx.</summary>
public sealed class LibraryText;
