using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Events;

public sealed record EventRequest(EventKind? Kind, string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt,
    string? Location, int? Capacity, int? CohortId, Audience? Audience, string? TitleZh = null, string? DescriptionZh = null) : ISessionRequest;

public sealed record EventResponse(int Id, EventKind Kind, string Title, string Description, DateTime StartsAt, DateTime EndsAt,
    string? Location, int? Capacity, int? CohortId, Audience Audience, bool Cancelled, int Going, int Waitlisted,
    RsvpStatus? MyRsvp, int? MyWaitlistPosition, string? TitleZh = null, string? DescriptionZh = null)
{
    /// <summary>The title and text in the reader's language (the Chinese ones on the Chinese UI, when written).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string ShownTitle => Localized.Pick(Title, TitleZh);
    [System.Text.Json.Serialization.JsonIgnore] public string ShownDescription => Localized.Pick(Description, DescriptionZh);
}

public sealed record AttendeeResponse(string UserId, string Name, string Email, RsvpStatus Status, bool Attended);

public sealed record AttendanceRequest(IReadOnlyList<string>? AttendedUserIds);

/// <summary>Group events: the coordinator's writes, RSVPs with a waitlist, attendance. Shared by pages and API.</summary>
public sealed class EventBook(TandemDb db, TimeProvider clock, Notices notices, IStringLocalizer<EventsText> t, IStringLocalizer<SharedText> s)
{
    public const int PageSize = 20;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Events the person may see: audience and (when set) cohort membership; coordinators see all.</summary>
    public async Task<IQueryable<GroupEvent>> VisibleAsync(string userId, bool coordinator, CancellationToken ct)
    {
        if (coordinator) return db.Events.AsNoTracking();
        var accepted = await db.Applications.AsNoTracking().Where(a => a.UserId == userId && a.Status == ApplicationStatus.Accepted)
            .Select(a => new { a.CohortId, a.Role }).ToListAsync(ct);
        bool mentee = accepted.Any(a => a.Role == ApplicationRole.Mentee), mentor = accepted.Any(a => a.Role == ApplicationRole.Mentor);
        var cohorts = accepted.Select(a => a.CohortId).Distinct().ToList();
        return db.Events.AsNoTracking().Where(e =>
            (e.Audience == Audience.All || (mentee && e.Audience == Audience.Mentees) || (mentor && e.Audience == Audience.Mentors))
            && (e.CohortId == null || db.Applications.Any(a => a.CohortId == e.CohortId && a.UserId == userId && a.Status == ApplicationStatus.Accepted)));
    }

    public async Task<PageResponse<EventResponse>> PageAsync(string userId, bool coordinator, bool past, int? page, CancellationToken ct)
    {
        var now = Now();
        var q = await VisibleAsync(userId, coordinator, ct);
        q = past ? q.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt) : q.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt);
        return await q.ToPageAsync(page, PageSize, rows => Project(rows, userId, ct), ct);
    }

    public async Task<EventResponse?> GetAsync(int id, string userId, bool coordinator, CancellationToken ct) =>
        (await Project((await VisibleAsync(userId, coordinator, ct)).Where(e => e.Id == id), userId, ct)).FirstOrDefault();

    private async Task<List<EventResponse>> Project(IQueryable<GroupEvent> q, string userId, CancellationToken ct)
    {
        var rows = await q.Select(e => new
        {
            Event = e,
            Going = db.EventRsvps.Count(r => r.EventId == e.Id && r.Status == RsvpStatus.Going),
            Waitlisted = db.EventRsvps.Count(r => r.EventId == e.Id && r.Status == RsvpStatus.Waitlisted),
            Mine = db.EventRsvps.Where(r => r.EventId == e.Id && r.UserId == userId).Select(r => new { r.Status, r.RespondedAt, r.Id }).FirstOrDefault(),
        }).ToListAsync(ct);
        var result = new List<EventResponse>();
        foreach (var r in rows)
        {
            int? position = null;
            if (r.Mine?.Status == RsvpStatus.Waitlisted)
                position = 1 + await db.EventRsvps.CountAsync(x => x.EventId == r.Event.Id && x.Status == RsvpStatus.Waitlisted
                    && (x.RespondedAt < r.Mine.RespondedAt || (x.RespondedAt == r.Mine.RespondedAt && x.Id < r.Mine.Id)), ct);
            var e = r.Event;
            result.Add(new EventResponse(e.Id, e.Kind, e.Title, e.Description, e.StartsAt, e.EndsAt, e.Location, e.Capacity, e.CohortId, e.Audience,
                e.Cancelled, r.Going, r.Waitlisted, r.Mine?.Status, position, e.TitleZh, e.DescriptionZh));
        }
        return result;
    }

    public async Task<Errors> ValidateAsync(EventRequest r, CancellationToken ct)
    {
        var errors = ScheduledSessions.Check(r, s, t["Choose who the event is for."]);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add("Kind", t["Choose what kind of event this is."]);
        if (r.Location?.Trim().Length > 500) errors.Add("Location", t["The place or link can be at most {0} characters.", 500]);
        if (r.CohortId is int c && !await db.Cohorts.AnyAsync(x => x.Id == c, ct)) errors.Add("CohortId", t["There is no such cohort."]);
        return errors;
    }

    public async Task<Outcome<int>> CreateAsync(EventRequest r, CancellationToken ct)
    {
        var errors = await ValidateAsync(r, ct);
        if (errors.Any) return errors;
        var e = new GroupEvent { Title = "", CreatedAt = Now() };
        Apply(e, r);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e.Id;
    }

    public async Task<Outcome<int>> UpdateAsync(int id, EventRequest r, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Refusal.NotFound;
        var errors = await ValidateAsync(r, ct);
        if (errors.Any) return errors;
        Apply(e, r);
        await db.SaveChangesAsync(ct);
        await PromoteAsync(e, ct);
        return e.Id;
    }

    /// <summary>RSVP: a seat while there is one, else the waitlist. Idempotent for someone already going or waiting.</summary>
    public async Task<Outcome<RsvpStatus>> RsvpAsync(int id, string userId, CancellationToken ct)
    {
        var e = await (await VisibleAsync(userId, false, ct)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Refusal.NotFound;
        if (e.Cancelled) return Errors.One("", t["This event was cancelled."]);
        if (e.EndsAt < Now()) return Errors.One("", t["This event is over."]);
        return await ScheduledSessions.TakeSeatAsync<RsvpStatus>(db, async () =>
        {
            var rsvp = await db.EventRsvps.FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId, ct);
            if (rsvp is { Status: RsvpStatus.Going or RsvpStatus.Waitlisted }) return rsvp.Status;
            var tracked = await db.Events.FirstAsync(x => x.Id == id, ct);
            var going = await db.EventRsvps.CountAsync(r => r.EventId == id && r.Status == RsvpStatus.Going, ct);
            var waiting = await db.EventRsvps.AnyAsync(r => r.EventId == id && r.Status == RsvpStatus.Waitlisted, ct);
            var status = tracked.Capacity is int cap && (going >= cap || waiting) ? RsvpStatus.Waitlisted : RsvpStatus.Going;
            if (rsvp is null) db.EventRsvps.Add(rsvp = new EventRsvp { EventId = id, UserId = userId });
            rsvp.Status = status;
            rsvp.RespondedAt = Now();
            if (status == RsvpStatus.Going) tracked.TakeSeat();
            return status;
        }, ct);
    }

    /// <summary>Cancels the person's RSVP; a freed seat goes to the first person on the waitlist, who is emailed.</summary>
    public async Task<bool> CancelRsvpAsync(int id, string userId, CancellationToken ct)
    {
        var rsvp = await db.EventRsvps.FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId && r.Status != RsvpStatus.Cancelled, ct);
        if (rsvp is null) return false;
        rsvp.Status = RsvpStatus.Cancelled;
        rsvp.RespondedAt = Now();
        await db.SaveChangesAsync(ct);
        var e = await db.Events.FirstAsync(x => x.Id == id, ct);
        await PromoteAsync(e, ct);
        return true;
    }

    private async Task PromoteAsync(GroupEvent e, CancellationToken ct)
    {
        if (e.Cancelled || e.EndsAt < Now()) return;
        while (true)
        {
            var going = await db.EventRsvps.CountAsync(r => r.EventId == e.Id && r.Status == RsvpStatus.Going, ct);
            if (e.Capacity is int cap && going >= cap) return;
            var next = await db.EventRsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Waitlisted)
                .OrderBy(r => r.RespondedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (next is null) return;
            next.Status = RsvpStatus.Going;
            e.TakeSeat();
            // Told in their own language and time zone, whoever freed the seat.
            await notices.AddAsync(NoticeKinds.EventSeatOpened, new Notice(next.UserId, $"/Events/{e.Id}", [NoticeArg.Text(e.Title), NoticeArg.Time(e.StartsAt)]), ct);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<IReadOnlyList<AttendeeResponse>?> AttendeesAsync(int id, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, ct)) return null;
        return await (from r in db.EventRsvps.AsNoTracking()
                      join u in db.Users on r.UserId equals u.Id
                      join p in db.Profiles on r.UserId equals p.UserId into ps
                      from p in ps.DefaultIfEmpty()
                      where r.EventId == id && r.Status != RsvpStatus.Cancelled
                      orderby r.Status, r.RespondedAt, r.Id
                      select new AttendeeResponse(r.UserId, p != null ? p.DisplayName : u.Email!, u.Email!, r.Status, r.Attended)).ToListAsync(ct);
    }

    /// <summary>Records who came: exactly the given people among those who RSVPed.</summary>
    public async Task<Outcome<int>> SetAttendanceAsync(int id, IReadOnlyList<string> attended, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Refusal.NotFound;
        var rsvps = await db.EventRsvps.Where(r => r.EventId == id && r.Status != RsvpStatus.Cancelled).ToListAsync(ct);
        var outcome = ScheduledSessions.RecordAttendance(e, rsvps, attended, Now(),
            t["Attendance can be taken once the event has started."], t["Only people who signed up can be marked as attended."]);
        if (outcome.Ok) await db.SaveChangesAsync(ct);
        return outcome;
    }

    public async Task<bool> CancelEventAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        e.Cancelled = true;
        e.Sequence++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Apply(GroupEvent e, EventRequest r)
    {
        e.Schedule(r, r.Location);
        e.Kind = r.Kind!.Value;
        e.CohortId = r.CohortId;
    }

    public string KindName(EventKind k) => k switch
    {
        EventKind.MorningCoffee => t["Morning coffee"],
        EventKind.Lunch => t["Lunch"],
        EventKind.NetworkingCall => t["Networking call"],
        _ => t["Workshop"],
    };

    public string AudienceName(Audience a) => a switch
    {
        Audience.Mentees => t["Mentees"],
        Audience.Mentors => t["Mentors"],
        _ => t["Everyone"],
    };
}
