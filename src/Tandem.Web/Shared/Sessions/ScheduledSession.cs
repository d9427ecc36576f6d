using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Shared.Sessions;

/// <summary>
/// What group events and webinars share: a titled session with a time, seats and an audience. Each feature's
/// entity derives from it (the base class is not an entity of its own: every property is a column of the
/// derived table) and adds its place (an event's location, a webinar's link) and its own facts.
/// </summary>
public abstract class ScheduledSession
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Optional Chinese title and text; the Chinese UI falls back to the English ones.</summary>
    public string? TitleZh { get; set; }
    public string? DescriptionZh { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }
    /// <summary>Seats; null means no limit.</summary>
    public int? Capacity { get; set; }
    public Audience Audience { get; set; }
    /// <summary>RFC 5545 SEQUENCE: bumped whenever the time or place changes, so calendar apps replace their copy.</summary>
    public int Sequence { get; set; }
    /// <summary>Bumped whenever a seat is taken: a concurrency token, so two people can never take the last seat at once.</summary>
    public int SeatVersion { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Where it happens (a place or a link); the derived entity keeps it in its own column.</summary>
    protected abstract string? Place { get; set; }

    /// <summary>
    /// Copies a request that <see cref="ScheduledSessions.Check"/> accepted. Moving a saved session (time or place)
    /// bumps <see cref="Sequence"/>; a new one (not saved yet, Id 0) starts at 0.
    /// </summary>
    public void Schedule(ISessionRequest r, string? place)
    {
        var starts = ScheduledSessions.Utc(r.StartsAt!.Value);
        var ends = ScheduledSessions.Utc(r.EndsAt!.Value);
        place = ScheduledSessions.Clean(place);
        var moved = Id != 0 && (StartsAt != starts || EndsAt != ends || Place != place);
        Title = r.Title!.Trim();
        Description = r.Description?.Trim() ?? "";
        TitleZh = Localized.Clean(r.TitleZh);
        DescriptionZh = Localized.Clean(r.DescriptionZh);
        StartsAt = starts;
        EndsAt = ends;
        Place = place;
        Capacity = r.Capacity;
        Audience = r.Audience!.Value;
        if (moved) Sequence++;
    }

    /// <summary>Call in the same save that takes a seat (see <see cref="ScheduledSessions.TakeSeatAsync"/>).</summary>
    public void TakeSeat() => SeatVersion++;

    /// <summary>The column limits and the seat token, for each derived entity's configuration.</summary>
    public static void Configure<TSession>(EntityTypeBuilder<TSession> b) where TSession : ScheduledSession
    {
        b.Property(s => s.Title).HasMaxLength(ScheduledSessions.TitleLength);
        b.Property(s => s.Description).HasMaxLength(TextLength.Long);
        b.Property(s => s.TitleZh).HasMaxLength(ScheduledSessions.TitleLength);
        b.Property(s => s.DescriptionZh).HasMaxLength(TextLength.Long);
        b.Property(s => s.SeatVersion).IsConcurrencyToken();
        b.HasIndex(s => s.StartsAt);
    }
}

/// <summary>The fields a coordinator sends to schedule any session (an event's or a webinar's request adds its own).</summary>
public interface ISessionRequest
{
    string? Title { get; }
    string? Description { get; }
    DateTime? StartsAt { get; }
    DateTime? EndsAt { get; }
    int? Capacity { get; }
    Audience? Audience { get; }
    /// <summary>Optional Chinese title and text; empty means the Chinese UI shows the English ones.</summary>
    string? TitleZh { get; }
    string? DescriptionZh { get; }
}

/// <summary>A person's seat at a session (an RSVP, a registration), as attendance sees it.</summary>
public interface ISeat
{
    string UserId { get; }
    bool Attended { get; set; }
}
