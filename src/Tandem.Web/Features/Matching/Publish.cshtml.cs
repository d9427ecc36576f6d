using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>The confirmation step of publishing a matching: who is told what, the warnings, then "Publish" or "Cancel".</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class PublishModel(MatchPublisher publisher, IStringLocalizer<MatchingText> t) : PageModel
{
    public PublishPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        var preview = await publisher.PreviewAsync(cohortId, ct);
        if (preview.IsNotFound) return NotFound();
        // Nothing to publish (no run, or the cohort moved on): the matching page says why.
        if (preview.Refusal is { } refusal)
        {
            this.Flash(refusal.Messages.First());
            return Redirect($"/Matching/{cohortId}");
        }
        Preview = preview.Value!;
        return Page();
    }

    /// <summary>Publishes as seen at <paramref name="version"/>: a stale page gets the reason and the fresh preview.</summary>
    public async Task<IActionResult> OnPostAsync(int cohortId, int version, CancellationToken ct)
    {
        var outcome = await publisher.PublishAsync(cohortId, version, ct);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            var again = await publisher.PreviewAsync(cohortId, ct);
            if (again.Refusal is not null)
            {
                this.Flash(refusal.Messages.First());
                return Redirect($"/Matching/{cohortId}");
            }
            this.Refuse(refusal, "");
            Preview = again.Value!;
            return Page();
        }
        this.Flash(t["Published {0} pairs; everyone concerned has been told. The cohort is now Active.", outcome.Value!.Pairs]);
        return Redirect($"/Matching/{cohortId}");
    }
}
