namespace Tandem.Web.Features.Members;

/// <summary>Marker for the Members pages' strings: Resources/Features/Members/MembersText.zh-Hans.resx.</summary>
public sealed class MembersText;
