using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Meetings;

/// <summary>A time the assistant suggests, with each person's wall clock at that moment.</summary>
public sealed record SuggestedTime(DateTime StartsAt, int DurationMinutes, DateTime MenteeLocal, string MenteeZone, DateTime MentorLocal, string MentorZone);

/// <summary>
/// Suggests meeting times that suit both people of a pair: inside the weekly availability each ticked on their
/// application (morning, afternoon, evening of each weekday, read in their own time zone), clear of the program's
/// events and the cohort's webinars, and of the meetings either person already has (in any pair).
/// </summary>
public sealed class SchedulingAssistant(TandemDb db, TimeProvider clock)
{
    public const int Suggestions = 3;
    /// <summary>How far ahead the assistant looks.</summary>
    public const int Days = 21;

    /// <summary>The hours (local, start inclusive, end exclusive) a morning, an afternoon and an evening slot cover.</summary>
    private static readonly (int From, int To)[] Parts = [(8, 12), (12, 17), (17, 21)];

    public async Task<IReadOnlyList<SuggestedTime>?> SuggestAsync(int pairId, string me, int durationMinutes, CancellationToken ct)
    {
        var pair = await db.Pairs.AsNoTracking().OfMember(me).Where(p => p.Id == pairId)
            .Select(p => new
            {
                p.CohortId, p.MenteeId, p.MentorId,
                Mentee = db.Applications.Where(a => a.Id == p.MenteeApplicationId).Select(a => a.Availability).FirstOrDefault(),
                Mentor = db.Applications.Where(a => a.Id == p.MentorApplicationId).Select(a => a.Availability).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (pair is null) return null;
        var menteeZone = await UserClock.ZoneAsync(db, pair.MenteeId, ct);
        var mentorZone = await UserClock.ZoneAsync(db, pair.MentorId, ct);

        // From the next full hour at least a day ahead, so the other person has time to answer.
        var now = clock.GetUtcNow().UtcDateTime;
        var from = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(25);
        var until = from.AddDays(Days);
        var busy = await BusyAsync(pair.CohortId, pair.MenteeId, pair.MentorId, from, until.AddMinutes(durationMinutes), ct);

        var fits = new List<DateTime>();
        for (var start = from; start < until; start = start.AddMinutes(30))
        {
            var end = start.AddMinutes(durationMinutes);
            if (!Free(pair.Mentee, menteeZone, start, end) || !Free(pair.Mentor, mentorZone, start, end)) continue;
            if (busy.Any(b => b.Start < end && start < b.End)) continue;
            fits.Add(start);
        }
        // Three different days where possible, so a busy week still leaves a choice; then the earliest remaining.
        var chosen = fits.GroupBy(f => f.Date).Select(g => g.First()).Take(Suggestions).ToList();
        chosen.AddRange(fits.Except(chosen).Take(Suggestions - chosen.Count));
        return chosen.Order()
            .Select(s => new SuggestedTime(s, durationMinutes, UserClock.ToLocal(s, menteeZone), menteeZone.Id, UserClock.ToLocal(s, mentorZone), mentorZone.Id))
            .ToList();
    }

    /// <summary>Whether [start, end) lies inside one slot the person ticked, read in their zone. No ticks: any slot.</summary>
    private static bool Free(int availability, TimeZoneInfo zone, DateTime start, DateTime end)
    {
        var local = UserClock.ToLocal(start, zone);
        var localEnd = UserClock.ToLocal(end, zone);
        if (localEnd.Date != local.Date && localEnd.TimeOfDay != TimeSpan.Zero) return false;
        var day = ((int)local.DayOfWeek + 6) % 7; // the application's grid starts on Monday
        for (var part = 0; part < Parts.Length; part++)
        {
            var (fromHour, toHour) = Parts[part];
            var slotStart = local.Date.AddHours(fromHour);
            var slotEnd = local.Date.AddHours(toHour);
            if (local < slotStart || localEnd > slotEnd) continue;
            var slot = day * 3 + part;
            if (availability == 0 || (availability & (1 << slot)) != 0) return true;
        }
        return false;
    }

    private async Task<List<(DateTime Start, DateTime End)>> BusyAsync(int cohortId, string menteeId, string mentorId, DateTime from, DateTime until, CancellationToken ct)
    {
        var busy = new List<(DateTime Start, DateTime End)>();
        busy.AddRange((await db.Events.AsNoTracking().Where(e => (e.CohortId == null || e.CohortId == cohortId) && e.StartsAt < until && e.EndsAt > from)
            .Select(e => new { e.StartsAt, e.EndsAt }).ToListAsync(ct)).Select(e => (e.StartsAt, e.EndsAt)));
        busy.AddRange((await db.Webinars.AsNoTracking().Where(w => w.CohortId == cohortId && w.StartsAt < until && w.EndsAt > from)
            .Select(w => new { w.StartsAt, w.EndsAt }).ToListAsync(ct)).Select(w => (w.StartsAt, w.EndsAt)));
        // Either person's meetings in any of their pairs (a mentor may have two mentees), agreed or still proposed.
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => (m.Status == MeetingStatus.Accepted || m.Status == MeetingStatus.Proposed) && m.StartsAt < until && m.StartsAt > from.AddDays(-1)
                        && db.Pairs.Any(p => p.Id == m.PairId && (p.MenteeId == menteeId || p.MentorId == menteeId || p.MenteeId == mentorId || p.MentorId == mentorId)))
            .Select(m => new { m.StartsAt, m.DurationMinutes }).ToListAsync(ct);
        busy.AddRange(meetings.Select(m => (m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes))));
        return busy;
    }
}
