namespace Tandem.Web.Features.Profiles;

/// <summary>Marker for the Profiles pages' strings: Resources/Features/Profiles/ProfilesText.zh-Hans.resx.</summary>
public sealed class ProfilesText;
