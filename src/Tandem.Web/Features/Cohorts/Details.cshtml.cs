using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <summary>The cohort hub: where a coordinator starts. The phase, the next step, and a checklist whose numbers link to the lists behind them.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class DetailsModel(CohortHub hub, ViewerTime time) : PageModel
{
    public CohortHubResponse Hub { get; private set; } = null!;

    public IReadOnlyList<(HubSession Session, string Title, string When)> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await hub.ReadAsync(id, ct) is not { } h) return NotFound();
        Hub = h;
        var zone = await time.ZoneAsync(User.Id(), ct);
        Sessions = h.Sessions.Select(s => (s, s.Title, ViewerTime.Local(s.StartsAt, zone).ToString("g", CultureInfo.CurrentCulture))).ToList();
        return Page();
    }
}
