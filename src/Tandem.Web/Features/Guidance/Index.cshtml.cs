using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Guidance;

/// <summary>Guidance for mentors of a cohort that has not closed (and coordinators): encouraged, not required.</summary>
[Authorize]
public sealed class IndexModel(MentorGuidance guidance) : PageModel
{
    public GuidanceResponse Guidance { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await guidance.MayReadAsync(User.Id(), User.IsCoordinator(), ct)) return Forbid();
        Guidance = await guidance.ForAsync(User.Id(), ct);
        return Page();
    }
}
