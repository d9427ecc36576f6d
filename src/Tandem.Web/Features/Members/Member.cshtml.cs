using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Members;

/// <summary>One member across cohorts: memberships, applications and pairs, engagement facts only.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class MemberModel(MemberDirectory directory) : PageModel
{
    public MemberDetails Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        if (await directory.ReadAsync(userId, ct) is not { } m) return NotFound();
        Member = m;
        return Page();
    }
}
