using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

[Authorize]
public sealed class IndexModel(TandemDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public CohortStatus? Status { get; set; }
    /// <summary>From the query string: "page" is also Razor Pages' own route value.</summary>
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PageResponse<CohortResponse> Result { get; private set; } = PageResponse<CohortResponse>.Empty(CohortsApi.PageSize);
    public IReadOnlyList<CohortResponse> Cohorts => Result.Items;
    public int Current => Result.Page;
    public int Pages => Result.TotalPages;

    public async Task OnGetAsync(CancellationToken ct) => Result = await CohortsApi.PageAsync(db, User, Status, PageNumber, ct);

    public string PageLink(int page) => $"/Cohorts?status={Status}&page={page}";
}
