using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Public;

namespace Tandem.Web.Features;

/// <summary>The program overview: what it is, how it works, who it is for and how to join.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Tandem.Web.Features.Public.PublicCache.PolicyName)]
public sealed class IndexModel(ProgramOverview overview) : PageModel
{
    public OverviewResponse? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Overview = await overview.LoadAsync(ct);
}
