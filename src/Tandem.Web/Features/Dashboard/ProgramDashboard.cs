using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Reports;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Dashboard;

/// <summary>One thing a coordinator should look at, with the list behind it.</summary>
/// <param name="Kind">atRisk, noContact, closedEarly, unmatched or librarySuggestions.</param>
public sealed record DashboardAlert(string Kind, int Count, int? CohortId, string? CohortName, string Link)
{
    /// <summary>The alert as a sentence, for the dashboard and the weekly alerts email.</summary>
    public string Describe(Microsoft.Extensions.Localization.IStringLocalizer<DashboardText> t) => Kind switch
    {
        "atRisk" => t["{0}: {1} pairs at risk", CohortName ?? "", Count],
        "noContact" => t["{0}: {1} pairs with no contact for {2} days", CohortName ?? "", Count, ProgramDashboard.NoContactDays],
        "closedEarly" => t["{0}: {1} pairs closed early in the last 30 days", CohortName ?? "", Count],
        "unmatched" => t["{0}: {1} accepted mentees left unmatched", CohortName ?? "", Count],
        _ => t["{0} library suggestions to review", Count],
    };
}

/// <summary>Fees paid in one currency in one year, in major units.</summary>
public sealed record YearTotal(int Year, string Currency, decimal Total, int Memberships);

/// <summary>One week of a running cohort: its pairs then, by whether they had met in the four weeks before.</summary>
/// <param name="MetRecently">Held a meeting in the four weeks up to the week's end.</param>
/// <param name="Silent">Had met before, but not in those four weeks.</param>
/// <param name="NotMetYet">Had not met at all yet.</param>
public sealed record PaceWeek(int Week, DateOnly EndsOn, int Pairs, int MetRecently, int Silent, int NotMetYet);

/// <summary>The running cohort's pace week by week; null weeks when fewer than 3 pairs (nothing to show without recognising a pair).</summary>
public sealed record WeeklyPace(int CohortId, string CohortName, IReadOnlyList<PaceWeek> Weeks);

public sealed record DashboardResponse(IReadOnlyList<CohortReport> Cohorts, IReadOnlyList<YearTotal> FeesByYear, IReadOnlyList<DashboardAlert> Alerts, WeeklyPace? Pace);

/// <summary>The program dashboard: every cohort's report side by side, fees per year, and the alerts inbox.</summary>
public sealed class ProgramDashboard(TandemDb db, CohortReports reports, PaceBoard board, TimeProvider clock)
{
    /// <summary>A pair without a meeting or contact for this many days is an alert.</summary>
    public const int NoContactDays = 28;

    public async Task<DashboardResponse> ReadAsync(CancellationToken ct)
    {
        var cohorts = await reports.CompareAsync(ct);
        var fees = (await db.Memberships.AsNoTracking().Select(m => new { m.PaidOn, m.Currency, m.FeeMinor }).ToListAsync(ct))
            .GroupBy(m => (m.PaidOn.Year, m.Currency))
            .Select(g => new YearTotal(g.Key.Year, g.Key.Currency, g.Sum(m => m.FeeMinor) / 100m, g.Count()))
            .OrderBy(y => y.Year).ThenBy(y => y.Currency).ToList();
        return new DashboardResponse(cohorts, fees, await AlertsAsync(ct), await WeeklyPaceAsync(ct));
    }

    /// <summary>
    /// The latest Active or Closing cohort, week by week from its start to today: how many of its pairs (published by then,
    /// not yet closed) had met in the four weeks before, had gone quiet, or had not met yet. Drawn from held meetings only.
    /// </summary>
    public async Task<WeeklyPace?> WeeklyPaceAsync(CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Status == CohortStatus.Active || c.Status == CohortStatus.Closing)
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name, c.NameZh, c.StartsOn, c.EndsOn }).FirstOrDefaultAsync(ct);
        if (cohort is null) return null;
        var pairs = await db.Pairs.AsNoTracking().Where(p => p.CohortId == cohort.Id).Select(p => new { p.Id, p.PublishedAt, p.ClosedAt }).ToListAsync(ct);
        if (pairs.Count < CohortReports.MinimumPairs) return new WeeklyPace(cohort.Id, Localized.Pick(cohort.Name, cohort.NameZh), []);
        var held = (await db.Meetings.AsNoTracking().Where(m => m.Status == Meetings.MeetingStatus.Held && db.Pairs.Any(p => p.Id == m.PairId && p.CohortId == cohort.Id))
                .Select(m => new { m.PairId, m.StartsAt }).ToListAsync(ct))
            .ToLookup(m => m.PairId, m => m.StartsAt);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = today < cohort.EndsOn ? today : cohort.EndsOn;
        var weeks = new List<PaceWeek>();
        for (var (week, ends) = (1, cohort.StartsOn.AddDays(6)); ends <= last.AddDays(6) && week <= 60; week++, ends = ends.AddDays(7))
        {
            var end = (ends < last ? ends : last).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var open = pairs.Where(p => p.PublishedAt < end && (p.ClosedAt is null || p.ClosedAt >= end)).ToList();
            var met = open.Count(p => held[p.Id].Any(at => at < end && at >= end.AddDays(-28)));
            var quiet = open.Count(p => held[p.Id].Any(at => at < end.AddDays(-28)) && !held[p.Id].Any(at => at < end && at >= end.AddDays(-28)));
            weeks.Add(new PaceWeek(week, ends < last ? ends : last, open.Count, met, quiet, open.Count - met - quiet));
        }
        return new WeeklyPace(cohort.Id, Localized.Pick(cohort.Name, cohort.NameZh), weeks);
    }

    public async Task<IReadOnlyList<DashboardAlert>> AlertsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alerts = new List<DashboardAlert>();
        var running = await db.Cohorts.AsNoTracking().Where(c => c.Status == CohortStatus.Active || c.Status == CohortStatus.Closing || c.Status == CohortStatus.Matching)
            .OrderBy(c => c.StartsOn).Select(c => new { c.Id, c.Name, c.NameZh, c.Status }).ToListAsync(ct);
        foreach (var c in running)
        {
            var name = Localized.Pick(c.Name, c.NameZh);
            var overview = $"/Pairs/Overview?cohortId={c.Id}";
            if (c.Status != CohortStatus.Matching)
            {
                var items = await board.AllAsync(c.Id, ct) ?? [];
                var active = items.Where(i => i.Status == PairStatus.Active).ToList();
                Add("atRisk", active.Count(i => i.Pace == PaceStatus.AtRisk), c.Id, name, overview + "&pace=atRisk");
                Add("noContact", active.Count(i => (i.LastMeetingAt ?? i.PublishedAt) < now.AddDays(-NoContactDays) && i.Contacts == 0), c.Id, name, overview + "&pace=notMetYet");
                Add("closedEarly", items.Count(i => i.Status == PairStatus.ClosedEarly && i.ClosedAt >= now.AddDays(-30)), c.Id, name, overview + "&status=ClosedEarly");
            }
            var paired = db.Pairs.Where(p => p.CohortId == c.Id).Select(p => p.MenteeApplicationId);
            var published = await db.Pairs.AnyAsync(p => p.CohortId == c.Id, ct);
            if (published)
                Add("unmatched", await db.Applications.CountAsync(a => a.CohortId == c.Id && a.Role == ApplicationRole.Mentee && a.Status == ApplicationStatus.Accepted && !paired.Contains(a.Id), ct),
                    c.Id, name, $"/Matching/{c.Id}");
        }
        Add("librarySuggestions", await db.LibraryItems.CountAsync(i => i.Status == LibraryStatus.Suggested, ct), null, null, "/Library/Manage?status=Suggested");
        return alerts;

        void Add(string kind, int count, int? cohortId, string? name, string link)
        {
            if (count > 0) alerts.Add(new DashboardAlert(kind, count, cohortId, name, link));
        }
    }
}
