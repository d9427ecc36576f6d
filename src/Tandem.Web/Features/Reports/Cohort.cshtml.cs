using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Reports;

/// <summary>A cohort's outcome report; <c>?print=true</c> gives the printable page (no navigation).</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class CohortModel(CohortReports reports) : PageModel
{
    public CohortReport Report { get; private set; } = null!;

    /// <summary>Earlier cohorts' reports, for the comparison columns.</summary>
    public IReadOnlyList<CohortReport> Earlier { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public bool Print { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.ReadAsync(id, ct) is not { } r) return NotFound();
        Report = r;
        Earlier = (await reports.CompareAsync(ct)).Where(x => x.StartsOn < r.StartsOn).TakeLast(2).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct) =>
        await reports.ReadAsync(id, ct) is { } r ? File(CohortReports.Csv(r), "text/csv; charset=utf-8", $"cohort-{id}-report.csv") : NotFound();
}
