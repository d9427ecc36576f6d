using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Applications;

/// <summary>The coordinator's filtered list as a CSV download (same filters as the list page).</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ExportModel(ApplicationSearch search) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? cohortId, string? status, string? role, int? trackId, string? seniority, string? industry, string? q, string? sort, CancellationToken ct) =>
        File(await search.CsvAsync(ApplicationFilter.From(cohortId, status, role, trackId, seniority, industry, q, sort), ct), "text/csv; charset=utf-8", "applications.csv");
}
