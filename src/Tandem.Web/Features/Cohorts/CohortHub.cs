using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <summary>Where the application window stands today.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WindowState>))]
public enum WindowState
{
    NotOpenYet,
    Open,
    Closed,
}

public sealed record HubMatching(int? LatestRunId, DateTime? LatestRunAt, int? LatestRunMatched, bool Published, int PublishedPairs);

public sealed record HubPairs(int Total, IReadOnlyDictionary<PaceStatus, int> ByPace, int NotMetYet, int CheckInsDue, int CheckInsAnswered,
    int FeedbackGiven, int FeedbackExpected, int MinimumMeetings);

public sealed record HubSession(string Kind, int Id, string Title, DateTime StartsAt);

/// <summary>
/// The cohort hub's facts, each behind a link: applications by role and status, the matching (latest run, published
/// pairs), pairs by pace, check-ins due, feedback given, the cohort's webinars and events, and the next step.
/// Engagement facts only.
/// </summary>
public sealed record CohortHubResponse(
    CohortResponse Cohort, DateOnly Today, WindowState Window, int DaysLeft, IReadOnlyList<ApplicationCount> Applications, int AwaitingReview,
    HubMatching Matching, HubPairs Pairs, IReadOnlyList<HubSession> Sessions, string NextStep);

/// <summary>Reads a cohort's hub (the page and <c>GET /api/v1/cohorts/{id}/hub</c>).</summary>
public sealed class CohortHub(TandemDb db, PaceBoard board, PairFacts facts, CohortTransitions transitions)
{
    public async Task<CohortHubResponse?> ReadAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == id).Project().SingleOrDefaultAsync(ct);
        if (cohort is null) return null;
        var today = transitions.Today();
        var window = today < cohort.ApplicationsOpenOn ? WindowState.NotOpenYet : today <= cohort.ApplicationsCloseOn ? WindowState.Open : WindowState.Closed;
        var counts = await CohortsApi.CountApplicationsAsync(db, id, ct);
        var awaiting = counts.Where(c => c.Status == ApplicationStatus.Submitted).Sum(c => c.Count);

        var run = await db.MatchRuns.AsNoTracking().Where(r => r.CohortId == id).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.CreatedAt, r.Matched }).FirstOrDefaultAsync(ct);
        var items = await board.AllAsync(id, ct) ?? [];
        var published = items.Count(i => i.Origin == PairOrigin.Matched);
        var matching = new HubMatching(run?.Id, run?.CreatedAt, run?.Matched, published > 0, published);

        var settings = await facts.SettingsAsync(ct);
        var due = 0;
        var answered = 0;
        foreach (var pair in items.Where(i => i.Status == PairStatus.Active))
        {
            var start = DateOnly.FromDateTime(pair.PublishedAt) > cohort.StartsOn ? DateOnly.FromDateTime(pair.PublishedAt) : cohort.StartsOn;
            foreach (var month in CheckInBook.DuePoints(start, settings.CheckInMonths, today))
            {
                due += 2;
                answered += pair.CheckIns.Count(c => c.Month == month);
            }
        }
        var closedOrClosing = cohort.Status is CohortStatus.Closing or CohortStatus.Closed;
        var feedbackExpected = items.Count(i => i.Status != PairStatus.Active || closedOrClosing) * 2;
        var pairs = new HubPairs(items.Count, Enum.GetValues<PaceStatus>().ToDictionary(s => s, s => items.Count(i => i.Pace == s)),
            items.Count(i => i.NotMetYet), due, answered, items.Sum(i => i.FeedbackRatings.Count), feedbackExpected, settings.MinimumMeetings);

        var webinars = await db.Webinars.AsNoTracking().Where(w => w.CohortId == id)
            .Select(w => new HubSession("webinar", w.Id, Localized.Pick(w.Title, w.TitleZh), w.StartsAt)).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.CohortId == id && !e.Cancelled)
            .Select(e => new HubSession("event", e.Id, Localized.Pick(e.Title, e.TitleZh), e.StartsAt)).ToListAsync(ct);
        var sessions = webinars.Concat(events).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();

        var daysLeft = cohort.Status switch
        {
            CohortStatus.Draft or CohortStatus.Open => cohort.ApplicationsCloseOn.DayNumber - today.DayNumber,
            CohortStatus.Matching => cohort.StartsOn.DayNumber - today.DayNumber,
            _ => cohort.EndsOn.DayNumber - today.DayNumber,
        };
        return new CohortHubResponse(cohort, today, window, daysLeft, counts, awaiting, matching, pairs, sessions,
            NextStep(cohort.Status, window, awaiting, matching, pairs));
    }

    /// <summary>A stable name for what the coordinator should do next; the page words it.</summary>
    public static string NextStep(CohortStatus status, WindowState window, int awaiting, HubMatching matching, HubPairs pairs) => status switch
    {
        CohortStatus.Draft => "open",
        CohortStatus.Open when awaiting > 0 => "review",
        CohortStatus.Open when window != WindowState.Closed => "waitForWindow",
        CohortStatus.Open => "startMatching",
        CohortStatus.Matching when awaiting > 0 => "review",
        CohortStatus.Matching when matching.LatestRunId is null => "runMatching",
        CohortStatus.Matching => "publish",
        CohortStatus.Active when pairs.ByPace.GetValueOrDefault(PaceStatus.AtRisk) > 0 => "atRisk",
        CohortStatus.Active => "followPace",
        CohortStatus.Closing when pairs.FeedbackGiven < pairs.FeedbackExpected => "collectFeedback",
        CohortStatus.Closing => "close",
        _ => "report",
    };
}
