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
public sealed record DashboardAlert(string Kind, int Count, int? CohortId, string? CohortName, string Link);

/// <summary>Fees paid in one currency in one year, in major units.</summary>
public sealed record YearTotal(int Year, string Currency, decimal Total, int Memberships);

public sealed record DashboardResponse(IReadOnlyList<CohortReport> Cohorts, IReadOnlyList<YearTotal> FeesByYear, IReadOnlyList<DashboardAlert> Alerts);

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
        return new DashboardResponse(cohorts, fees, await AlertsAsync(ct));
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
