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
public sealed class EditModel(CohortEditor editor, TandemDb db, IStringLocalizer<CohortsText> t) : PageModel
{
    [BindProperty] public CohortInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.Cohorts.AsNoTracking().Where(c => c.Id == id).Project().SingleOrDefaultAsync(ct);
        if (c is null) return NotFound();
        Input = new CohortInput { Name = c.Name, NameZh = c.NameZh, ApplicationsOpenOn = c.ApplicationsOpenOn, ApplicationsCloseOn = c.ApplicationsCloseOn, StartsOn = c.StartsOn, EndsOn = c.EndsOn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await editor.UpdateAsync(id, Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["The cohort is saved."], _ => Redirect($"/Cohorts/{id}"));
    }
}
