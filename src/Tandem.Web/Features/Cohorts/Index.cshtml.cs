using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Cohorts;

[Authorize]
public sealed class IndexModel(TandemDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public CohortStatus? Status { get; set; }
    /// <summary>From the query string: "page" is also Razor Pages' own route value.</summary>
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public IReadOnlyList<CohortResponse> Cohorts { get; private set; } = [];
    public int Total { get; private set; }
    public int Current { get; private set; }
    public int Pages => Math.Max(1, (Total + CohortsApi.PageSize - 1) / CohortsApi.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Cohorts.AsNoTracking().VisibleTo(User);
        if (Status is { } s) query = query.Where(c => c.Status == s);
        Total = await query.CountAsync(ct);
        Current = Math.Max(1, PageNumber ?? 1);
        Cohorts = await query.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Skip((Current - 1) * CohortsApi.PageSize).Take(CohortsApi.PageSize).Project().ToListAsync(ct);
    }

    public string PageLink(int page) => $"/Cohorts?status={Status}&page={page}";
}
