namespace Tandem.Web.Features.Meetings;

/// <summary>A time as the viewer reads it (their zone) and, when it differs, as the other person of the pair lives it.</summary>
public sealed record MeetingTime(DateTime Utc, TimeZoneInfo Zone, TimeZoneInfo? Other = null, string? OtherName = null)
{
    public DateTime Local => UserClock.ToLocal(Utc, Zone);

    /// <summary>The other person's wall clock, or null when they share the viewer's offset at that moment.</summary>
    public DateTime? OtherLocal => Other is null || Other.GetUtcOffset(Utc) == Zone.GetUtcOffset(Utc) ? null : UserClock.ToLocal(Utc, Other);
}
