using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Profiles;

[Authorize(Policy = Roles.Coordinator)]
public sealed class ViewProfileModel(TandemDb db) : PageModel
{
    public ProfileResponse Profile { get; private set; } = null!;
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        var found = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (found is null) return NotFound();
        Profile = ProfileResponse.From(found);
        Email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return Page();
    }
}
