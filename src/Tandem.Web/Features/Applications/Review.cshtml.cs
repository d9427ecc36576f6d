using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>One application with the applicant's profile; the coordinator accepts, waitlists or declines it.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ReviewModel(ApplicationCommands commands, ApplicationRules rules, TandemDb db, IStringLocalizer<ApplicationsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public ApplicationResponse Application { get; private set; } = null!;
    public Profile? Profile { get; private set; }
    public string? Email { get; private set; }
    public IReadOnlyList<string> TrackNames { get; private set; } = [];
    public string? TrackName { get; private set; }

    public sealed class InputModel
    {
        public Decision Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var outcome = await commands.DecideAsync(id, User.Id(), Input.Decision, Input.Reason, ct);
        if (outcome.IsNotFound) return NotFound();
        await LoadAsync(id, ct);
        if (this.Refused(outcome)) return Page();
        this.Flash(t["{0} is now {1}; we emailed the applicant.", Profile?.DisplayName ?? Email ?? "", rules.StatusName(Application.Status)]);
        return RedirectToPage("/Applications/Review", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var application = await ApplicationsApi.ReadAsync(db, id, User.Id(), coordinator: true, ct);
        if (application is null) return false;
        Application = application;
        var userId = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.UserId).SingleAsync(ct);
        Profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        Email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var ids = application.TracksServed.Append(application.TrackId ?? 0).ToList();
        var names = await db.Tracks.AsNoTracking().Where(tr => ids.Contains(tr.Id)).Select(tr => new { tr.Id, tr.Name }).ToListAsync(ct);
        TrackName = names.FirstOrDefault(n => n.Id == application.TrackId)?.Name;
        TrackNames = names.Where(n => application.TracksServed.Contains(n.Id)).Select(n => n.Name).ToList();
        return true;
    }
}
