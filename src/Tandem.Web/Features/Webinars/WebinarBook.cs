using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Webinars;

public sealed record WebinarRequest(int? CohortId, string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, string? Link, int? Capacity, Audience? Audience,
    string? TitleZh = null, string? DescriptionZh = null) : ISessionRequest;

/// <summary>A webinar with its seats and the caller's place. <c>CanPost</c>: the caller may bring dilemmas (an accepted mentee of the cohort).</summary>
public sealed record WebinarResponse(int Id, int CohortId, string CohortName, string Title, string Description, DateTime StartsAt, DateTime EndsAt,
    string? Link, int? Capacity, Audience Audience, int Registered, bool IRegistered, bool CanPost,
    string? TitleZh = null, string? DescriptionZh = null, string? CohortNameZh = null)
{
    /// <summary>The title, text and cohort name in the reader's language (the Chinese ones on the Chinese UI, when written).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string ShownTitle => Localized.Pick(Title, TitleZh);
    [System.Text.Json.Serialization.JsonIgnore] public string ShownDescription => Localized.Pick(Description, DescriptionZh);
    [System.Text.Json.Serialization.JsonIgnore] public string ShownCohortName => Localized.Pick(CohortName, CohortNameZh);
}

public sealed record RegistrationResponse(string UserId, string Name, string Email, bool Attended);

/// <summary>Webinars: scheduling (coordinators), registration within capacity, attendance. Reminders read <see cref="Registered"/>.</summary>
public sealed class WebinarBook(TandemDb db, TimeProvider clock, IStringLocalizer<WebinarsText> t, IStringLocalizer<SharedText> s)
{
    public const int PageSize = 20;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Webinars of cohorts the person was accepted into, for their role; coordinators see all.</summary>
    public IQueryable<Webinar> Visible(string userId, bool coordinator) =>
        coordinator ? db.Webinars.AsNoTracking()
            : db.Webinars.AsNoTracking().Where(w => db.Applications.Any(a => a.CohortId == w.CohortId && a.UserId == userId && a.Status == ApplicationStatus.Accepted
                && (w.Audience == Audience.All || (w.Audience == Audience.Mentees && a.Role == ApplicationRole.Mentee) || (w.Audience == Audience.Mentors && a.Role == ApplicationRole.Mentor))));

    /// <summary>Who may bring dilemmas and suggest solutions: accepted mentees of the webinar's cohort.</summary>
    public Task<bool> IsParticipantAsync(int webinarId, string userId, CancellationToken ct) =>
        db.Webinars.AnyAsync(w => w.Id == webinarId && db.Applications.Any(a => a.CohortId == w.CohortId && a.UserId == userId
            && a.Status == ApplicationStatus.Accepted && a.Role == ApplicationRole.Mentee), ct);

    /// <summary>People registered for a webinar (for reminders and attendance).</summary>
    public IQueryable<WebinarRegistration> Registered(int webinarId) =>
        db.WebinarRegistrations.AsNoTracking().Where(r => r.WebinarId == webinarId && r.Status == RegistrationStatus.Registered);

    public Task<PageResponse<WebinarResponse>> PageAsync(string userId, bool coordinator, bool past, int? page, CancellationToken ct)
    {
        var now = Now();
        var q = Visible(userId, coordinator).Where(w => past ? w.EndsAt < now : w.EndsAt >= now);
        q = past ? q.OrderByDescending(w => w.StartsAt) : q.OrderBy(w => w.StartsAt);
        return q.ToPageAsync(page, PageSize, rows => Project(rows, userId, ct), ct);
    }

    public async Task<WebinarResponse?> GetAsync(int id, string userId, bool coordinator, CancellationToken ct) =>
        (await Project(Visible(userId, coordinator).Where(w => w.Id == id), userId, ct)).FirstOrDefault();

    private Task<List<WebinarResponse>> Project(IQueryable<Webinar> q, string userId, CancellationToken ct) =>
        q.Select(w => new WebinarResponse(w.Id, w.CohortId, db.Cohorts.Where(c => c.Id == w.CohortId).Select(c => c.Name).First(), w.Title, w.Description,
            w.StartsAt, w.EndsAt, w.Link, w.Capacity, w.Audience,
            db.WebinarRegistrations.Count(r => r.WebinarId == w.Id && r.Status == RegistrationStatus.Registered),
            db.WebinarRegistrations.Any(r => r.WebinarId == w.Id && r.UserId == userId && r.Status == RegistrationStatus.Registered),
            db.Applications.Any(a => a.CohortId == w.CohortId && a.UserId == userId && a.Status == ApplicationStatus.Accepted && a.Role == ApplicationRole.Mentee),
            w.TitleZh, w.DescriptionZh, db.Cohorts.Where(c => c.Id == w.CohortId).Select(c => c.NameZh).First()))
        .ToListAsync(ct);

    public async Task<Errors> ValidateAsync(WebinarRequest r, CancellationToken ct)
    {
        var errors = ScheduledSessions.Check(r, s, t["Choose who the webinar is for."]);
        if (r.CohortId is not int c || !await db.Cohorts.AnyAsync(x => x.Id == c && x.Status != CohortStatus.Closed, ct))
            errors.Add("CohortId", t["Choose a cohort that is not closed."]);
        if (!string.IsNullOrWhiteSpace(r.Link) && (!SafeMarkdown.IsHttpUrl(r.Link) || r.Link.Trim().Length > 1000))
            errors.Add("Link", t["The link must be a web address starting with http:// or https://."]);
        return errors;
    }

    public async Task<Outcome<int>> CreateAsync(WebinarRequest r, CancellationToken ct)
    {
        var errors = await ValidateAsync(r, ct);
        if (errors.Any) return errors;
        var w = new Webinar { Title = "", CreatedAt = Now() };
        Apply(w, r);
        db.Webinars.Add(w);
        await db.SaveChangesAsync(ct);
        return w.Id;
    }

    public async Task<Outcome<int>> UpdateAsync(int id, WebinarRequest r, CancellationToken ct)
    {
        var w = await db.Webinars.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Refusal.NotFound;
        var errors = await ValidateAsync(r, ct);
        if (errors.Any) return errors;
        Apply(w, r);
        await db.SaveChangesAsync(ct);
        return w.Id;
    }

    public async Task<Outcome<bool>> RegisterAsync(int id, string userId, CancellationToken ct)
    {
        var w = await Visible(userId, false).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Refusal.NotFound;
        if (w.EndsAt < Now()) return Errors.One("", t["This webinar is over."]);
        return await ScheduledSessions.TakeSeatAsync<bool>(db, async () =>
        {
            var reg = await db.WebinarRegistrations.FirstOrDefaultAsync(r => r.WebinarId == id && r.UserId == userId, ct);
            if (reg?.Status == RegistrationStatus.Registered) return true;
            var tracked = await db.Webinars.FirstAsync(x => x.Id == id, ct);
            var taken = await Registered(id).CountAsync(ct);
            if (tracked.Capacity is int cap && taken >= cap) return Errors.One("", t["This webinar is full."]);
            if (reg is null) db.WebinarRegistrations.Add(reg = new WebinarRegistration { WebinarId = id, UserId = userId });
            reg.Status = RegistrationStatus.Registered;
            reg.RegisteredAt = Now();
            tracked.TakeSeat();
            return true;
        }, ct);
    }

    public async Task<bool> CancelRegistrationAsync(int id, string userId, CancellationToken ct)
    {
        var reg = await db.WebinarRegistrations.FirstOrDefaultAsync(r => r.WebinarId == id && r.UserId == userId && r.Status == RegistrationStatus.Registered, ct);
        if (reg is null) return false;
        reg.Status = RegistrationStatus.Cancelled;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<RegistrationResponse>?> RegistrationsAsync(int id, CancellationToken ct)
    {
        if (!await db.Webinars.AnyAsync(w => w.Id == id, ct)) return null;
        return await (from r in Registered(id)
                      join u in db.Users on r.UserId equals u.Id
                      join p in db.Profiles on r.UserId equals p.UserId into ps
                      from p in ps.DefaultIfEmpty()
                      orderby r.RegisteredAt, r.Id
                      select new RegistrationResponse(r.UserId, p != null ? p.DisplayName : u.Email!, u.Email!, r.Attended)).ToListAsync(ct);
    }

    public async Task<Outcome<int>> SetAttendanceAsync(int id, IReadOnlyList<string> attended, CancellationToken ct)
    {
        var w = await db.Webinars.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Refusal.NotFound;
        var regs = await db.WebinarRegistrations.Where(r => r.WebinarId == id && r.Status == RegistrationStatus.Registered).ToListAsync(ct);
        var outcome = ScheduledSessions.RecordAttendance(w, regs, attended, Now(),
            t["Attendance can be taken once the webinar has started."], t["Only registered people can be marked as attended."]);
        if (outcome.Ok) await db.SaveChangesAsync(ct);
        return outcome;
    }

    private static void Apply(Webinar w, WebinarRequest r)
    {
        w.Schedule(r, r.Link);
        w.CohortId = r.CohortId!.Value;
    }
}
