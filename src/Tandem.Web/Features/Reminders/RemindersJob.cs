using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Reminders;

/// <summary>The reminder texts: keys of NotificationsText, {0}-style arguments.</summary>
public static class ReminderTexts
{
    public const string Behind = "You have held {0} of the {1} meetings expected by now with {2}. Propose your next meeting.";
    public const string AtRisk = "Your pair with {0} is at risk of not reaching {1} meetings before the cohort ends. Please get in touch this week.";
    public const string MeetingSoon = "Reminder: your meeting with {0} starts at {1} UTC.";
    public const string CheckInDue = "Your month-{0} check-in for your pair with {1} is due.";
    public const string FeedbackDue = "The cohort {0} is ending: please give your feedback and feedforward for {1}.";

    public static readonly IReadOnlyDictionary<ReminderKind, string> Subjects = new Dictionary<ReminderKind, string>
    {
        [ReminderKind.Behind] = "Time for your next meeting",
        [ReminderKind.AtRisk] = "Your pair needs attention",
        [ReminderKind.MeetingSoon] = "Your meeting is coming up",
        [ReminderKind.CheckInDue] = "Your check-in is due",
        [ReminderKind.FeedbackDue] = "Your feedback is due",
    };

    public static IEnumerable<string> All => [Behind, AtRisk, MeetingSoon, CheckInDue, FeedbackDue, .. Subjects.Values];
}

/// <summary>
/// One pass over the active pairs: pace nudges (mentee when behind, both when at risk, once per expected-meetings
/// step), meeting reminders 24 hours ahead, due check-ins and end-of-cohort feedback. Each reminder is claimed by
/// inserting its <see cref="ReminderSent"/> row (unique per pair, kind and occasion) together with its in-app
/// notifications, before the email goes out: a second pass, or another instance on the same database, fails the
/// insert and sends nothing. Closed pairs get nothing (checked again just before claiming).
/// </summary>
public sealed class RemindersJob(TandemDb db, PairFacts facts, Notifier notifier, IEmailSender email, TimeProvider clock, ILogger<RemindersJob> logger)
{
    public static readonly TimeSpan MeetingLead = TimeSpan.FromHours(24);
    private static readonly CultureInfo English = new("en"), Chinese = new("zh-Hans");

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
                    id => [NameOfOther(pair, id), settings.MinimumMeetings.ToString(CultureInfo.InvariantCulture)], ct);
            else if (pace.Status == PaceStatus.Behind)
                sent += await SendAsync(pair, ReminderKind.Behind, $"expected-{pace.Expected}", null, [pair.MenteeId], $"/Pairs/{pair.Id}",
                    _ => [pace.Held.ToString(CultureInfo.InvariantCulture), pace.Expected.ToString(CultureInfo.InvariantCulture), pair.MentorName], ct);

            foreach (var month in CheckInBook.DuePoints(pair.PeriodStart, settings.CheckInMonths, today))
            {
                var missing = new[] { pair.MenteeId, pair.MentorId }
                    .Where(u => !checkIns.Any(c => c.PairId == pair.Id && c.UserId == u && c.Month == month)).ToList();
                if (missing.Count > 0)
                    sent += await SendAsync(pair, ReminderKind.CheckInDue, $"month-{month}", null, missing, $"/CheckIns/{pair.Id}",
                        id => [month.ToString(CultureInfo.InvariantCulture), NameOfOther(pair, id)], ct);
            }

            if (pair.CohortStatus == CohortStatus.Closing || today > pair.EndsOn)
            {
                var missing = new[] { pair.MenteeId, pair.MentorId }.Where(u => !feedback.Any(f => f.PairId == pair.Id && f.AuthorId == u)).ToList();
                if (missing.Count > 0)
                    sent += await SendAsync(pair, ReminderKind.FeedbackDue, "end", null, missing, $"/Feedback/{pair.Id}",
                        id => [pair.CohortName, NameOfOther(pair, id)], ct);
            }
        }

        var soon = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Accepted && m.StartsAt > now && m.StartsAt <= now + MeetingLead && pairIds.Contains(m.PairId))
            .Select(m => new { m.Id, m.PairId, m.StartsAt, m.Sequence }).ToListAsync(ct);
        foreach (var m in soon)
        {
            var pair = pairs.Single(p => p.Id == m.PairId);
            sent += await SendAsync(pair, ReminderKind.MeetingSoon, $"meeting-{m.Id}-{m.Sequence}", m.Id, [pair.MenteeId, pair.MentorId], $"/Pairs/{pair.Id}",
                id => [NameOfOther(pair, id), m.StartsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], ct);
        }
        Shared.Observability.TandemMetrics.RemindersSent.Add(sent);
        return sent;
    }

    private static string NameOfOther(PairRow pair, string userId) => userId == pair.MenteeId ? pair.MentorName : pair.MenteeName;

    private static string TextOf(ReminderKind kind) => kind switch
    {
        ReminderKind.Behind => ReminderTexts.Behind,
        ReminderKind.AtRisk => ReminderTexts.AtRisk,
        ReminderKind.MeetingSoon => ReminderTexts.MeetingSoon,
        ReminderKind.CheckInDue => ReminderTexts.CheckInDue,
        _ => ReminderTexts.FeedbackDue,
    };

    /// <summary>Claims the reminder, then emails the recipients; 1 when this instance sent it, 0 otherwise.</summary>
    private async Task<int> SendAsync(PairRow pair, ReminderKind kind, string key, int? meetingId, IReadOnlyList<string> recipients, string link,
        Func<string, string[]> args, CancellationToken ct)
    {
        if (await db.RemindersSent.AnyAsync(r => r.PairId == pair.Id && r.Kind == kind && r.Key == key, ct)) return 0;
        if (!await db.Pairs.AnyAsync(p => p.Id == pair.Id && p.Status == PairStatus.Active, ct)) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        db.RemindersSent.Add(new ReminderSent { PairId = pair.Id, MeetingId = meetingId, Kind = kind, Key = key, SentAt = now });
        foreach (var userId in recipients)
            Notifier.Add(db, userId, "reminder-" + kind.ToString().ToLowerInvariant(), TextOf(kind), args(userId), link, now);
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

        var emails = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var subject = ReminderTexts.Subjects[kind];
        foreach (var user in emails.Where(u => u.Email is not null))
        {
            var a = args(user.Id);
            var body = $"{notifier.Render(TextOf(kind), a, English)}\n\n{notifier.Render(TextOf(kind), a, Chinese)}\n\n{link}";
            try
            {
                await email.SendAsync(new EmailMessage(user.Email!, $"{notifier.Render(subject, [], English)} / {notifier.Render(subject, [], Chinese)}", body), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The in-app notification stands; the claim is not undone, so the email is never sent twice.
                logger.LogWarning(ex, "Reminder {Kind} {Key} for pair {Pair}: email to {User} failed", kind, key, pair.Id, user.Id);
            }
        }
        return 1;
    }
}
