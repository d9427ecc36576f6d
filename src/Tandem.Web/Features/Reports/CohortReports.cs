using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Reports;

/// <summary>
/// A cohort's outcome in aggregates only. Figures drawn from pairs (outcomes, meetings held, ratings) are null when
/// fewer than <see cref="CohortReports.MinimumPairs"/> pairs stand behind them (<paramref name="Suppressed"/>), so no
/// one pair can be recognised; no text a person wrote appears.
/// </summary>
/// <param name="MeetingsHeld">How many pairs held 0, 1, … meetings; the last bucket counts that many or more (the minimum + 1).</param>
public sealed record CohortReport(
    int CohortId, string CohortName, [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CohortStatus>))] CohortStatus Status,
    DateOnly StartsOn, DateOnly EndsOn,
    int MenteeApplications, int MentorApplications, int Accepted, double? AcceptanceRate,
    int AcceptedMentees, int MatchedMentees, double? MatchingRate, double? AverageMatchScore,
    int Pairs, bool Suppressed, int? ActivePairs, int? CompletedPairs, int? BelowMinimumPairs, int? ClosedEarlyPairs, double? CompletionRate,
    int MinimumMeetings, double? AverageMeetingsHeld, IReadOnlyList<int>? MeetingsHeld,
    double? CheckInProgress, double? CheckInRelationship, double? FeedbackRating,
    int Webinars, int WebinarRegistrations, int Events, int EventRsvps, int LibraryReads, int WorkbookAnswers, int MembershipsUsed, int? ReversePairs = null);

/// <summary>One cohort's report (<c>GET /api/v1/cohorts/{id}/report</c>, the report page, its CSV and printable page) and the comparison of all cohorts.</summary>
public sealed class CohortReports(TandemDb db, PairFacts facts)
{
    /// <summary>Below this many pairs, pair-derived figures are suppressed.</summary>
    public const int MinimumPairs = 3;

    public async Task<CohortReport?> ReadAsync(int cohortId, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.Status, c.StartsOn, c.EndsOn }).SingleOrDefaultAsync(ct);
        if (cohort is null) return null;
        var minimum = (await facts.SettingsAsync(ct)).MinimumMeetings;

        var apps = await db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId)
            .GroupBy(a => new { a.Role, a.Status }).Select(g => new { g.Key.Role, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Apps(ApplicationRole role) => apps.Where(a => a.Role == role).Sum(a => a.Count);
        var decided = apps.Where(a => a.Status is ApplicationStatus.Accepted or ApplicationStatus.Waitlisted or ApplicationStatus.Declined).Sum(a => a.Count);
        var accepted = apps.Where(a => a.Status == ApplicationStatus.Accepted).Sum(a => a.Count);
        var acceptedMentees = apps.Where(a => a.Status == ApplicationStatus.Accepted && a.Role == ApplicationRole.Mentee).Sum(a => a.Count);

        var pairs = await db.Pairs.AsNoTracking().Where(p => p.CohortId == cohortId)
            .Select(p => new
            {
                p.Id, p.Status, p.Score, p.MenteeId, p.MeetingsHeldAtClose, p.Reverse,
                Held = db.Meetings.Count(m => m.PairId == p.Id && m.Status == MeetingStatus.Held),
            })
            .ToListAsync(ct);
        var matchedMentees = pairs.Select(p => p.MenteeId).Distinct().Count();
        var scores = pairs.Where(p => p.Score is not null).Select(p => p.Score!.Value).ToList();
        var pairIds = pairs.Select(p => p.Id).ToList();
        var suppressed = pairs.Count < MinimumPairs;

        int? ByOutcome(PairStatus s) => suppressed ? null : pairs.Count(p => p.Status == s);
        var held = pairs.Select(p => p.MeetingsHeldAtClose ?? p.Held).ToList();
        IReadOnlyList<int>? distribution = suppressed ? null
            : Enumerable.Range(0, minimum + 2).Select(n => n <= minimum ? held.Count(h => h == n) : held.Count(h => h > minimum)).ToList();
        var ended = pairs.Count(p => p.Status != PairStatus.Active);

        var checkIns = await db.CheckIns.AsNoTracking().Where(c => pairIds.Contains(c.PairId))
            .GroupBy(c => c.PairId).Select(g => new { Progress = g.Average(c => (double)c.Progress), Relationship = g.Average(c => (double)c.Relationship) }).ToListAsync(ct);
        var feedback = await db.PairFeedback.AsNoTracking().Where(f => pairIds.Contains(f.PairId))
            .GroupBy(f => f.PairId).Select(g => g.Average(f => (double)f.Rating)).ToListAsync(ct);

        var members = await db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Accepted).Select(a => a.UserId).Distinct().ToListAsync(ct);
        var webinarIds = await db.Webinars.AsNoTracking().Where(w => w.CohortId == cohortId).Select(w => w.Id).ToListAsync(ct);
        var eventIds = await db.Events.AsNoTracking().Where(e => e.CohortId == cohortId && !e.Cancelled).Select(e => e.Id).ToListAsync(ct);

        return new CohortReport(cohort.Id, cohort.Name, cohort.Status, cohort.StartsOn, cohort.EndsOn,
            Apps(ApplicationRole.Mentee), Apps(ApplicationRole.Mentor), accepted, Rate(accepted, decided),
            acceptedMentees, matchedMentees, Rate(Math.Min(matchedMentees, acceptedMentees), acceptedMentees), scores.Count >= MinimumPairs ? Math.Round(scores.Average(), 2) : null,
            pairs.Count, suppressed, ByOutcome(PairStatus.Active), ByOutcome(PairStatus.Completed), ByOutcome(PairStatus.BelowMinimum), ByOutcome(PairStatus.ClosedEarly),
            suppressed || ended == 0 ? null : Rate(pairs.Count(p => p.Status == PairStatus.Completed), ended),
            minimum, suppressed ? null : Math.Round(held.Average(), 1), distribution,
            checkIns.Count >= MinimumPairs ? Math.Round(checkIns.Average(c => c.Progress), 1) : null,
            checkIns.Count >= MinimumPairs ? Math.Round(checkIns.Average(c => c.Relationship), 1) : null,
            feedback.Count >= MinimumPairs ? Math.Round(feedback.Average(), 1) : null,
            webinarIds.Count, await db.WebinarRegistrations.CountAsync(r => webinarIds.Contains(r.WebinarId), ct),
            eventIds.Count, await db.EventRsvps.CountAsync(r => eventIds.Contains(r.EventId), ct),
            await db.LibraryReads.CountAsync(r => members.Contains(r.UserId), ct),
            await db.WorkbookAnswers.CountAsync(a => members.Contains(a.UserId), ct),
            await db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && a.MembershipId != null).Select(a => a.MembershipId).Distinct().CountAsync(ct),
            suppressed ? null : pairs.Count(p => p.Reverse));
    }

    /// <summary>Every cohort past its draft, oldest first: the same measures side by side.</summary>
    public async Task<IReadOnlyList<CohortReport>> CompareAsync(CancellationToken ct)
    {
        var ids = await db.Cohorts.AsNoTracking().Where(c => c.Status != CohortStatus.Draft).OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var reports = new List<CohortReport>(ids.Count);
        foreach (var id in ids)
            if (await ReadAsync(id, ct) is { } r) reports.Add(r);
        return reports;
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>The measures as rows (key, English label, invariant value): the page, the comparison and both CSVs read these.</summary>
    public static IReadOnlyList<Measure> Measures { get; } =
    [
        new("menteeApplications", "Mentee applications", r => N(r.MenteeApplications)),
        new("mentorApplications", "Mentor applications", r => N(r.MentorApplications)),
        new("accepted", "Accepted", r => N(r.Accepted)),
        new("acceptanceRate", "Acceptance rate (%)", r => D(r.AcceptanceRate)),
        new("acceptedMentees", "Accepted mentees", r => N(r.AcceptedMentees)),
        new("matchedMentees", "Matched mentees", r => N(r.MatchedMentees)),
        new("matchingRate", "Matching rate (%)", r => D(r.MatchingRate)),
        new("averageMatchScore", "Average match score", r => D(r.AverageMatchScore)),
        new("pairs", "Pairs", r => N(r.Pairs)),
        new("activePairs", "Active", r => N(r.ActivePairs)),
        new("completedPairs", "Completed", r => N(r.CompletedPairs)),
        new("belowMinimumPairs", "Ended below the minimum", r => N(r.BelowMinimumPairs)),
        new("closedEarlyPairs", "Closed early", r => N(r.ClosedEarlyPairs)),
        new("reversePairs", "Reverse mentoring pairs", r => N(r.ReversePairs)),
        new("completionRate", "Completion rate of ended pairs (%)", r => D(r.CompletionRate)),
        new("averageMeetingsHeld", "Average meetings held per pair", r => D(r.AverageMeetingsHeld)),
        new("checkInProgress", "Check-in rating: progress (1–5)", r => D(r.CheckInProgress)),
        new("checkInRelationship", "Check-in rating: relationship (1–5)", r => D(r.CheckInRelationship)),
        new("feedbackRating", "Feedback rating (1–5)", r => D(r.FeedbackRating)),
        new("webinars", "Webinars", r => N(r.Webinars)),
        new("webinarRegistrations", "Webinar registrations", r => N(r.WebinarRegistrations)),
        new("events", "Events", r => N(r.Events)),
        new("eventRsvps", "Event replies", r => N(r.EventRsvps)),
        new("libraryReads", "Library reads by the cohort's members", r => N(r.LibraryReads)),
        new("workbookAnswers", "Workbook answers by the cohort's members", r => N(r.WorkbookAnswers)),
        new("membershipsUsed", "Memberships used to apply", r => N(r.MembershipsUsed)),
    ];

    public static byte[] Csv(CohortReport r) =>
        Tandem.Web.Shared.Csv.Write(["Measure", "Value"], Measures, m => [m.Key, m.Value(r)]);

    public static byte[] CompareCsv(IReadOnlyList<CohortReport> reports) =>
        Tandem.Web.Shared.Csv.Write(["Cohort", "Status", "StartsOn", .. Measures.Select(m => m.Key)], reports,
            r => [r.CohortName, r.Status.ToString(), r.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. Measures.Select(m => m.Value(r))]);

    private static string? N(int? n) => n?.ToString(CultureInfo.InvariantCulture);
    private static string? D(double? d) => d?.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <param name="Value">Invariant text, or null when the figure is suppressed or has nothing to stand on.</param>
public sealed record Measure(string Key, string Label, Func<CohortReport, string?> Value);
