namespace Tandem.Web.Features.Public;

/// <summary>Marker for the public pages' strings (overview, mentor directory, contact):
/// Resources/Features/Public/PublicText.zh-Hans.resx.</summary>
public sealed class PublicText;
