using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

[Authorize(Policy = Roles.Coordinator)]
public sealed class DetailsModel(TandemDb db, CohortTransitions transitions, IStringLocalizer<CohortsText> t) : PageModel
{
    public CohortResponse Cohort { get; private set; } = null!;
    public IReadOnlyList<ApplicationCount> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Moves to <paramref name="to"/>, as seen at <paramref name="version"/>: a stale page gets a conflict message.</summary>
    public async Task<IActionResult> OnPostTransitionAsync(int id, CohortStatus to, int version, CancellationToken ct)
    {
        var outcome = await transitions.MoveAsync(id, to, version, ct);
        return await this.AnswerAsync(outcome, c => t["The cohort is now {0}.", CohortLabels.Status(c.Status, t)], _ => RedirectToPage(new { id }),
            () => LoadAsync(id, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == id).Project().SingleOrDefaultAsync(ct);
        if (cohort is null) return false;
        Cohort = cohort;
        Counts = await CohortsApi.CountApplicationsAsync(db, id, ct);
        return true;
    }
}
