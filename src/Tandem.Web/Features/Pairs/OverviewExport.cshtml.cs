using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pace;

namespace Tandem.Web.Features.Pairs;

/// <summary>The overview's filtered pairs as CSV (the same facts as the page; no private content).</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class OverviewExportModel(PaceBoard board) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cohortId, string? pace, string? status, string? q, CancellationToken ct) =>
        await board.CsvAsync(cohortId, new OverviewFilter(pace, status, q), ct) is { } csv ? File(csv, "text/csv; charset=utf-8", "pairs.csv") : NotFound();
}
