using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Reports;

/// <summary>Cohort-over-cohort comparison of the report's measures, with its CSV.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(CohortReports reports) : PageModel
{
    public IReadOnlyList<CohortReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = await reports.CompareAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(CohortReports.CompareCsv(await reports.CompareAsync(ct)), "text/csv; charset=utf-8", "cohorts-compared.csv");
}
