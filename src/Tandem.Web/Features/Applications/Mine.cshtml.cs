using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

[Authorize]
public sealed class MineModel(ApplicationSearch search) : PageModel
{
    public IReadOnlyList<MyApplicationResponse> Applications { get; private set; } = [];
    public IReadOnlyList<OpenCohort> OpenCohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Applications = await search.MineAsync(User.Id(), ct);
        OpenCohorts = await search.OpenCohortsAsync(ct);
    }
}
