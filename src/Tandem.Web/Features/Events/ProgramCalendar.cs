using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

public sealed record CalendarEntry(string Type, int Id, string Title, string KindName, DateTime StartsAt, DateTime EndsAt, string? Location, bool Cancelled, string? Mine);

/// <summary>The program calendar: group events and webinars the person may join, upcoming or past.</summary>
public sealed class ProgramCalendar(TandemDb db, EventBook events, WebinarBook webinars, IStringLocalizer<EventsText> t, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<PageResponse<CalendarEntry>> PageAsync(string userId, bool coordinator, bool past, int? page, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = (await events.VisibleAsync(userId, coordinator, ct)).Where(e => past ? e.EndsAt < now : e.EndsAt >= now);
        var web = webinars.Visible(userId, coordinator).Where(w => past ? w.EndsAt < now : w.EndsAt >= now);
        var total = await ev.CountAsync(ct) + await web.CountAsync(ct);
        var current = Paging.Clamp(page, total, PageSize);
        // The page's entries are among the first current·PageSize of each kind: read those, merge, cut.
        var take = current * PageSize;
        var evRows = await (past ? ev.OrderByDescending(e => e.StartsAt) : ev.OrderBy(e => e.StartsAt)).Take(take)
            .Select(e => new { e.Id, e.Title, e.TitleZh, e.Kind, e.StartsAt, e.EndsAt, e.Location, e.Cancelled,
                Mine = db.EventRsvps.Where(r => r.EventId == e.Id && r.UserId == userId && r.Status != RsvpStatus.Cancelled).Select(r => (RsvpStatus?)r.Status).FirstOrDefault() })
            .ToListAsync(ct);
        var webRows = await (past ? web.OrderByDescending(w => w.StartsAt) : web.OrderBy(w => w.StartsAt)).Take(take)
            .Select(w => new { w.Id, w.Title, w.TitleZh, w.StartsAt, w.EndsAt, w.Link,
                Mine = db.WebinarRegistrations.Any(r => r.WebinarId == w.Id && r.UserId == userId && r.Status == RegistrationStatus.Registered) })
            .ToListAsync(ct);
        var all = evRows.Select(e => new CalendarEntry("event", e.Id, Localized.Pick(e.Title, e.TitleZh), events.KindName(e.Kind), e.StartsAt, e.EndsAt, e.Location, e.Cancelled,
                e.Mine switch { RsvpStatus.Going => t["Going"].Value, RsvpStatus.Waitlisted => t["On the waitlist"].Value, _ => null }))
            .Concat(webRows.Select(w => new CalendarEntry("webinar", w.Id, Localized.Pick(w.Title, w.TitleZh), t["Webinar"], w.StartsAt, w.EndsAt, w.Link, false, w.Mine ? t["Registered"].Value : null)));
        var ordered = past ? all.OrderByDescending(e => e.StartsAt) : all.OrderBy(e => e.StartsAt);
        return new PageResponse<CalendarEntry>(ordered.Skip((current - 1) * PageSize).Take(PageSize).ToList(), current, PageSize, total);
    }
}
