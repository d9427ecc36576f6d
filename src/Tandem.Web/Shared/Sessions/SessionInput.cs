namespace Tandem.Web.Shared.Sessions;

/// <summary>
/// The part of a session's edit form that events and webinars share (rendered by <c>_SessionFields.cshtml</c>).
/// Times are the coordinator's wall-clock times in their own zone.
/// </summary>
public abstract class SessionInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? TitleZh { get; set; }
    public string? DescriptionZh { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public int? Capacity { get; set; }
    public Audience? Audience { get; set; }

    /// <summary>Fills the form from a saved session.</summary>
    public void Show(string title, string description, DateTime startsAtUtc, DateTime endsAtUtc, int? capacity, Audience audience, TimeZoneInfo zone,
        string? titleZh = null, string? descriptionZh = null)
    {
        (Title, Description, Capacity, Audience, TitleZh, DescriptionZh) = (title, description, capacity, audience, titleZh, descriptionZh);
        StartsAt = TimeZones.ToLocal(startsAtUtc, zone);
        EndsAt = TimeZones.ToLocal(endsAtUtc, zone);
    }

    protected DateTime? StartsAtUtc(TimeZoneInfo zone) => TimeZones.ToUtc(StartsAt, zone);

    protected DateTime? EndsAtUtc(TimeZoneInfo zone) => TimeZones.ToUtc(EndsAt, zone);
}

/// <summary>What <c>_SessionFields.cshtml</c> shows: the form's values and the zone they are in.</summary>
public sealed record SessionFields(SessionInput Input, TimeZoneInfo Zone);
