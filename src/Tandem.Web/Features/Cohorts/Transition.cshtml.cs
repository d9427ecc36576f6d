using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <summary>The confirmation step of a cohort transition: its consequences and warnings, then "Move" or "Cancel".</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class TransitionModel(CohortTransitions transitions, TandemDb db, IStringLocalizer<CohortsText> t) : PageModel
{
    public TransitionPreview Preview { get; private set; } = null!;
    public string CohortName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string to, CancellationToken ct)
    {
        if (!TryParse(to, out var status)) return NotFound();
        var preview = await transitions.PreviewAsync(id, status, ct);
        if (preview.IsNotFound) return NotFound();
        // A step that is not the next one (an old link): back to the hub, which offers the right one.
        if (preview.Refusal is { } refusal)
        {
            this.Flash(refusal.Messages.First());
            return Redirect($"/Cohorts/{id}");
        }
        await ShowAsync(preview.Value!, ct);
        return Page();
    }

    /// <summary>Takes the step as seen at <paramref name="version"/>: a stale page gets a conflict message and the fresh preview.</summary>
    public async Task<IActionResult> OnPostAsync(int id, string to, int version, CancellationToken ct)
    {
        if (!TryParse(to, out var status)) return NotFound();
        var outcome = await transitions.MoveAsync(id, status, version, ct);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            var again = await transitions.PreviewAsync(id, status, ct);
            if (again.Refusal is not null)
            {
                // The cohort has moved past this step meanwhile: the hub shows where it is now.
                this.Flash(refusal.Messages.First());
                return Redirect($"/Cohorts/{id}");
            }
            this.Refuse(refusal, "");
            await ShowAsync(again.Value!, ct);
            return Page();
        }
        this.Flash(t["The cohort is now {0}.", CohortLabels.Status(outcome.Value!.Status, t)]);
        return Redirect($"/Cohorts/{id}");
    }

    private async Task ShowAsync(TransitionPreview preview, CancellationToken ct)
    {
        Preview = preview;
        CohortName = await db.Cohorts.AsNoTracking().Where(c => c.Id == preview.CohortId).Select(c => c.Name).SingleAsync(ct);
    }

    private static bool TryParse(string to, out CohortStatus status) =>
        Enum.TryParse(to, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(to, out _);
}
