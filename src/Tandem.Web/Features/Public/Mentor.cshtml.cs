using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.Public;

[AllowAnonymous]
[OutputCache(PolicyName = Tandem.Web.Features.Public.PublicCache.PolicyName)]
public sealed class MentorModel(MentorDirectory directory) : PageModel
{
    public MentorCard Mentor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int applicationId, CancellationToken ct)
    {
        if (await directory.FindAsync(applicationId, ct) is not { } mentor) return NotFound();
        Mentor = mentor;
        return Page();
    }
}
