namespace Tandem.Web.Features.Memberships;

/// <summary>Marker for the Memberships pages' strings: Resources/Features/Memberships/MembershipsText.zh-Hans.resx.</summary>
public sealed class MembershipsText;
