using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

[Authorize]
public sealed class WithdrawModel(ApplicationRules rules, ApplicationCommands commands, TandemDb db, IStringLocalizer<ApplicationsText> t) : PageModel
{
    public string CohortName { get; private set; } = "";
    public ApplicationRole Role { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await commands.WithdrawAsync(id, User.Id(), ct);
        return await this.AnswerAsync(outcome, _ => t["Your application to {0} is withdrawn.", CohortName], _ => RedirectToPage("/Applications/Mine"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == id && a.UserId == User.Id())
            .Select(a => new { a.CohortId, a.Role, a.Status }).SingleOrDefaultAsync(ct);
        if (application is null) return false;
        var cohort = (await rules.CohortAsync(application.CohortId, ct))!;
        CohortName = cohort.Name;
        Role = application.Role;
        Refusal = rules.WithdrawRefusal(application.Status, cohort);
        return true;
    }
}
