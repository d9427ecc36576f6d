using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Members;

[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(MemberDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public PageResponse<MemberRow> Result { get; private set; } = PageResponse<MemberRow>.Empty(MemberDirectory.PageSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await directory.SearchAsync(Q, Paging.Parse(Request.Query["page"]), ct);
}
