namespace Tandem.Web.Features.Imports;

/// <summary>Marker for the Imports pages' strings: Resources/Features/Imports/ImportsText.zh-Hans.resx.</summary>
public sealed class ImportsText;
