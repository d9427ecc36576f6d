using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Reports;

/// <summary>
/// A cohort's outcome in aggregates only. Figures drawn from pairs (outcomes, meetings held, ratings) are null when
/// fewer than <see cref="CohortReports.MinimumPairs"/> pairs stand behind them (<paramref name="Suppressed"/>), so no
/// one pair can be recognised; no text a person wrote appears.
/// </summary>
/// <param name="MeetingsHeld">How many pairs held 0, 1, … meetings; the last bucket counts that many or more (the minimum + 1).</param>
/// <param name="MatchScores">How many pairs' match scores fall in each of <see cref="CohortReports.ScoreBuckets"/>; null under 3 scored pairs.</param>
/// <param name="Themes">Feedforward themes by how often writers tagged them; themes from fewer than 3 pairs are left out.</param>
/// <param name="Donations">The membership fees (donated to the charity) of the memberships used to apply to this cohort, per currency.</param>
public sealed record CohortReport(
    int CohortId, string CohortName, [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CohortStatus>))] CohortStatus Status,
    DateOnly StartsOn, DateOnly EndsOn,
    int MenteeApplications, int MentorApplications, int Accepted, double? AcceptanceRate,
    int AcceptedMentees, int MatchedMentees, double? MatchingRate, double? AverageMatchScore,
    int Pairs, bool Suppressed, int? ActivePairs, int? CompletedPairs, int? BelowMinimumPairs, int? ClosedEarlyPairs, double? CompletionRate,
    int MinimumMeetings, double? AverageMeetingsHeld, IReadOnlyList<int>? MeetingsHeld,
    double? CheckInProgress, double? CheckInRelationship, double? FeedbackRating,
    int Webinars, int WebinarRegistrations, int Events, int EventRsvps, int LibraryReads, int WorkbookAnswers, int MembershipsUsed, int? ReversePairs,
    string? CohortNameZh, IReadOnlyList<int>? MatchScores, int WebinarAttendances, int EventAttendances, int LibraryReaders, int WorkbookUsers,
    IReadOnlyList<Feedback.ThemeCount> Themes, IReadOnlyList<DonationSum> Donations)
{
    /// <summary>The cohort's name in the reader's language.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string Name => Localized.Pick(CohortName, CohortNameZh);
}

/// <summary>Fees in one currency, in minor units (exact) and major units (for reading).</summary>
public sealed record DonationSum(string Currency, long AmountMinor, decimal Amount);

/// <summary>One cohort's report (<c>GET /api/v1/cohorts/{id}/report</c>, the report page, its CSV and printable page) and the comparison of all cohorts.</summary>
public sealed class CohortReports(TandemDb db, PairFacts facts, Feedback.FeedforwardThemes themes)
{
    /// <summary>Below this many pairs, pair-derived figures are suppressed.</summary>
    public const int MinimumPairs = 3;

    /// <summary>The lower bounds of the match-score buckets (scores run from 0 to 1): under 0.5, 0.5–0.6, … 0.9 and above.</summary>
    public static IReadOnlyList<double> ScoreBuckets { get; } = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static int ScoreBucket(double score)
    {
        var i = ScoreBuckets.Count - 1;
        while (i > 0 && score < ScoreBuckets[i]) i--;
        return i;
    }

    public async Task<CohortReport?> ReadAsync(int cohortId, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.NameZh, c.Status, c.StartsOn, c.EndsOn }).SingleOrDefaultAsync(ct);
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

        IReadOnlyList<int>? scoreBuckets = scores.Count < MinimumPairs ? null
            : ScoreBuckets.Select((_, i) => scores.Count(s => ScoreBucket(s) == i)).ToList();
        var membershipIds = await db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && a.MembershipId != null).Select(a => a.MembershipId!.Value).Distinct().ToListAsync(ct);
        var donations = (await db.Memberships.AsNoTracking().Where(m => membershipIds.Contains(m.Id))
                .GroupBy(m => m.Currency).Select(g => new { Currency = g.Key, Total = g.Sum(m => m.FeeMinor) }).ToListAsync(ct))
            .OrderBy(d => d.Currency, StringComparer.Ordinal).Select(d => new DonationSum(d.Currency, d.Total, d.Total / 100m)).ToList();

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
            membershipIds.Count, suppressed ? null : pairs.Count(p => p.Reverse),
            cohort.NameZh, scoreBuckets,
            await db.WebinarRegistrations.CountAsync(r => webinarIds.Contains(r.WebinarId) && r.Attended, ct),
            await db.EventRsvps.CountAsync(r => eventIds.Contains(r.EventId) && r.Attended, ct),
            await db.LibraryReads.Where(r => members.Contains(r.UserId)).Select(r => r.UserId).Distinct().CountAsync(ct),
            await db.WorkbookAnswers.Where(a => members.Contains(a.UserId)).Select(a => a.UserId).Distinct().CountAsync(ct),
            (await themes.ForCohortAsync(cohortId, ct)).Themes, donations);
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

    /// <summary>
    /// The measures as rows (key, English label, invariant value) for these reports: the fixed ones, then one row per
    /// match-score bucket and meetings-held bucket, per feedforward theme and per donation currency found in any of them.
    /// The page, the comparison and both CSVs read these.
    /// </summary>
    public static IReadOnlyList<Measure> MeasuresFor(IReadOnlyList<CohortReport> reports)
    {
        var list = new List<Measure>(Measures);
        var at = list.FindIndex(m => m.Key == "pairs");
        list.InsertRange(at, ScoreBuckets.Select((b, i) => new Measure(
            FormattableString.Invariant($"matchScore.{b:0.0}"),
            i == 0 ? "Pairs with a match score under {0}" : i == ScoreBuckets.Count - 1 ? "Pairs with a match score of {0} or more" : "Pairs with a match score from {0} to {1}",
            r => N(r.MatchScores?[i]), [ScoreLabel(i == 0 ? ScoreBuckets[1] : b), i + 1 < ScoreBuckets.Count ? ScoreLabel(ScoreBuckets[i + 1]) : ""])));
        var minimum = reports.Count > 0 ? reports.Max(r => r.MinimumMeetings) : 0;
        at = list.FindIndex(m => m.Key == "averageMeetingsHeld") + 1;
        list.InsertRange(at, Enumerable.Range(0, minimum + 2).Select(n => new Measure(
            FormattableString.Invariant($"meetingsHeld.{n}"), n <= minimum ? "Pairs that held {0} meetings" : "Pairs that held {0} or more meetings",
            r => r.MeetingsHeld is { } h && r.MinimumMeetings == minimum && n < h.Count ? N(h[n]) : null, [n.ToString(CultureInfo.InvariantCulture)])));
        at = list.FindIndex(m => m.Key == "feedbackRating") + 1;
        var themes = reports.SelectMany(r => r.Themes).GroupBy(t => t.Code).Select(g => g.First()).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        list.InsertRange(at, themes.Select(t => new Measure("theme." + t.Code, "Feedforward theme: {0}",
            r => N(r.Themes.FirstOrDefault(x => x.Code == t.Code)?.Count), [t.Name])));
        var currencies = reports.SelectMany(r => r.Donations).Select(d => d.Currency).Distinct().Order(StringComparer.Ordinal).ToList();
        list.AddRange(currencies.Select(c => new Measure("donations." + c, "Fees donated ({0})",
            r => r.Donations.FirstOrDefault(d => d.Currency == c) is { } d ? d.Amount.ToString("0.00", CultureInfo.InvariantCulture) : "0.00", [c])));
        return list;
    }

    private static string ScoreLabel(double b) => b.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The fixed measures; <see cref="MeasuresFor"/> adds the distributions, themes and donations.</summary>
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
        new("webinarAttendances", "Webinar attendances", r => N(r.WebinarAttendances)),
        new("events", "Events", r => N(r.Events)),
        new("eventRsvps", "Event replies", r => N(r.EventRsvps)),
        new("eventAttendances", "Event attendances", r => N(r.EventAttendances)),
        new("libraryReads", "Library reads by the cohort's members", r => N(r.LibraryReads)),
        new("libraryReaders", "Members who read in the library", r => N(r.LibraryReaders)),
        new("workbookAnswers", "Workbook answers by the cohort's members", r => N(r.WorkbookAnswers)),
        new("workbookUsers", "Members who worked in a workbook", r => N(r.WorkbookUsers)),
        new("membershipsUsed", "Memberships used to apply", r => N(r.MembershipsUsed)),
    ];

    public static byte[] Csv(CohortReport r) =>
        Tandem.Web.Shared.Csv.Write(["Measure", "Value"], MeasuresFor([r]), m => [m.Key, m.Value(r)]);

    public static byte[] CompareCsv(IReadOnlyList<CohortReport> reports)
    {
        var measures = MeasuresFor(reports);
        return Tandem.Web.Shared.Csv.Write(["Cohort", "Status", "StartsOn", .. measures.Select(m => m.Key)], reports,
            r => [r.CohortName, r.Status.ToString(), r.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. measures.Select(m => m.Value(r))]);
    }

    private static string? N(int? n) => n?.ToString(CultureInfo.InvariantCulture);
    private static string? D(double? d) => d?.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <param name="Value">Invariant text, or null when the figure is suppressed or has nothing to stand on.</param>
/// <param name="LabelArgs">Values for the label's placeholders (a theme's name, a currency).</param>
public sealed record Measure(string Key, string Label, Func<CohortReport, string?> Value, string[]? LabelArgs = null)
{
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer t) => t[Label, LabelArgs ?? []];
}
