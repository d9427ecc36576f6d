using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(TandemDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>From the query string: "page" is also Razor Pages' own route value.</summary>
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PageResponse<MembershipResponse> List { get; private set; } = null!;
    public MembershipSummaryResponse Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await MembershipQueries.ListAsync(db, Q, Year, PageNumber, ct);
        Summary = await MembershipQueries.SummaryAsync(db, ct);
    }

    public string PageLink(int page) => $"/Memberships?q={Uri.EscapeDataString(Q ?? "")}&year={Year}&page={page}";
}
