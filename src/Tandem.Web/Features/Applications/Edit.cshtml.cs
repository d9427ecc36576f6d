using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

[Authorize]
public sealed class EditModel(ApplicationRules rules, ApplicationCommands commands, TandemDb db, IStringLocalizer<ApplicationsText> t) : PageModel, IApplicationForm
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    public ApplicationRole Role { get; private set; }
    public CohortFacts Cohort { get; private set; } = null!;
    public IReadOnlyList<TrackOption> Tracks { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        if (application is null) return NotFound();
        Input = ApplicationInput.From(application);
        Refusal = rules.EditRefusal(application.Status, Cohort);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        if (application is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.UpdateAsync(id, User.Id(), Input.ToFields(), ct);
        return await this.AnswerAsync(outcome, _ => t["Your application to {0} is updated.", Cohort.Name], _ => RedirectToPage("/Applications/Mine"));
    }

    private async Task<Application?> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == User.Id(), ct);
        if (application is null) return null;
        Role = application.Role;
        Cohort = (await rules.CohortAsync(application.CohortId, ct))!;
        Tracks = await ApplicationInput.TracksAsync(db, Cohort.ProgramId, ct);
        return application;
    }
}
