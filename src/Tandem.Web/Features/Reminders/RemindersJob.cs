using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Reminders;

/// <summary>
/// One pass over the active pairs: pace nudges (mentee when behind, both when at risk, once per expected-meetings
/// step), meeting reminders 24 hours ahead, due check-ins and end-of-cohort feedback. Each reminder is claimed by
/// inserting its <see cref="ReminderSent"/> row (unique per pair, kind and occasion) together with its
/// notices (in-app, and emails queued for <see cref="EmailQueue"/>): a second pass, or another instance on the same
/// database, fails the insert and adds nothing. Closed pairs get nothing (checked again just before claiming).
/// </summary>
public sealed class RemindersJob(TandemDb db, PairFacts facts, Notices notices, TimeProvider clock)
{
    public static readonly TimeSpan MeetingLead = TimeSpan.FromHours(24);

    /// <summary>Runs one pass; returns how many reminders this instance sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var settings = await facts.SettingsAsync(ct);
        var pairs = await facts.Query(db.Pairs.AsNoTracking().Where(p => p.Status == PairStatus.Active)).ToListAsync(ct);
        var pairIds = pairs.Select(p => p.Id).ToList();
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => pairIds.Contains(c.PairId))
            .Select(c => new { c.PairId, c.UserId, c.Month }).ToListAsync(ct);
        var feedback = await db.PairFeedback.AsNoTracking().Where(f => pairIds.Contains(f.PairId))
            .Select(f => new { f.PairId, f.AuthorId }).ToListAsync(ct);
        var sent = 0;

        foreach (var pair in pairs)
        {
            var pace = PaceRules.Evaluate(pair.Facts, settings.MinimumMeetings, now);
            if (pace.Status == PaceStatus.AtRisk)
                sent += await SendAsync(pair, ReminderKind.AtRisk, $"expected-{pace.Expected}", null, [pair.MenteeId, pair.MentorId], $"/Pairs/{pair.Id}",
                    id => [NoticeArg.Name(NameOfOther(pair, id)), NoticeArg.Number(settings.MinimumMeetings)], ct);
            else if (pace.Status == PaceStatus.Behind)
                sent += await SendAsync(pair, ReminderKind.Behind, $"expected-{pace.Expected}", null, [pair.MenteeId], $"/Pairs/{pair.Id}",
                    _ => [NoticeArg.Number(pace.Held), NoticeArg.Number(pace.Expected), NoticeArg.Name(pair.MentorName)], ct);

            foreach (var month in CheckInBook.DuePoints(pair.PeriodStart, settings.CheckInMonths, today))
            {
                var missing = new[] { pair.MenteeId, pair.MentorId }
                    .Where(u => !checkIns.Any(c => c.PairId == pair.Id && c.UserId == u && c.Month == month)).ToList();
                if (missing.Count > 0)
                    sent += await SendAsync(pair, ReminderKind.CheckInDue, $"month-{month}", null, missing, $"/CheckIns/{pair.Id}",
                        id => [NoticeArg.Number(month), NoticeArg.Name(NameOfOther(pair, id))], ct);
            }

            if (pair.CohortStatus == CohortStatus.Closing || today > pair.EndsOn)
            {
                var missing = new[] { pair.MenteeId, pair.MentorId }.Where(u => !feedback.Any(f => f.PairId == pair.Id && f.AuthorId == u)).ToList();
                if (missing.Count > 0)
                    sent += await SendAsync(pair, ReminderKind.FeedbackDue, "end", null, missing, $"/Feedback/{pair.Id}",
                        id => [NoticeArg.Text(pair.CohortName), NoticeArg.Name(NameOfOther(pair, id))], ct);
            }
        }

        var soon = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Accepted && m.StartsAt > now && m.StartsAt <= now + MeetingLead && pairIds.Contains(m.PairId))
            .Select(m => new { m.Id, m.PairId, m.StartsAt, m.Sequence }).ToListAsync(ct);
        foreach (var m in soon)
        {
            var pair = pairs.Single(p => p.Id == m.PairId);
            sent += await SendAsync(pair, ReminderKind.MeetingSoon, $"meeting-{m.Id}-{m.Sequence}", m.Id, [pair.MenteeId, pair.MentorId], $"/Pairs/{pair.Id}",
                id => [NoticeArg.Name(NameOfOther(pair, id)), NoticeArg.Time(m.StartsAt)], ct);
        }
        Shared.Observability.TandemMetrics.RemindersSent.Add(sent);
        return sent;
    }

    private static string NameOfOther(PairRow pair, string userId) => userId == pair.MenteeId ? pair.MentorName : pair.MenteeName;

    private static NoticeKind KindOf(ReminderKind kind) => kind switch
    {
        ReminderKind.Behind => NoticeKinds.ReminderBehind,
        ReminderKind.AtRisk => NoticeKinds.ReminderAtRisk,
        ReminderKind.MeetingSoon => NoticeKinds.ReminderMeetingSoon,
        ReminderKind.CheckInDue => NoticeKinds.ReminderCheckInDue,
        _ => NoticeKinds.ReminderFeedbackDue,
    };

    /// <summary>Claims the reminder and adds its notices in one save; 1 when this instance claimed it, 0 otherwise.</summary>
    private async Task<int> SendAsync(PairRow pair, ReminderKind kind, string key, int? meetingId, IReadOnlyList<string> recipients, string link,
        Func<string, NoticeArg[]> args, CancellationToken ct)
    {
        if (await db.RemindersSent.AnyAsync(r => r.PairId == pair.Id && r.Kind == kind && r.Key == key, ct)) return 0;
        if (!await db.Pairs.AnyAsync(p => p.Id == pair.Id && p.Status == PairStatus.Active, ct)) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        db.RemindersSent.Add(new ReminderSent { PairId = pair.Id, MeetingId = meetingId, Kind = kind, Key = key, SentAt = now });
        await notices.AddAsync(KindOf(kind), recipients.Select(userId => new Notice(userId, link, args(userId))).ToList(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another pass or instance claimed it first (the unique key); anything else is a real error.
            db.ChangeTracker.Clear();
            if (await db.RemindersSent.AnyAsync(r => r.PairId == pair.Id && r.Kind == kind && r.Key == key, ct)) return 0;
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return 1;
    }
}
