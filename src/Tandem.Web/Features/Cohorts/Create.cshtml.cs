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
public sealed class CreateModel(CohortEditor editor, TandemDb db, TimeProvider clock, IStringLocalizer<CohortsText> t) : PageModel
{
    [BindProperty] public CohortInput Input { get; set; } = new();
    public int CohortLengthMonths { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CohortLengthMonths = await LengthAsync(ct);
        var suggested = CohortEditor.Suggest(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), CohortLengthMonths);
        Input = new CohortInput
        {
            ApplicationsOpenOn = suggested.ApplicationsOpenOn, ApplicationsCloseOn = suggested.ApplicationsCloseOn,
            StartsOn = suggested.StartsOn, EndsOn = suggested.EndsOn,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CohortLengthMonths = await LengthAsync(ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await editor.CreateAsync(Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, c => t["The cohort \"{0}\" is created as a draft.", c.Name], c => Redirect($"/Cohorts/{c.Id}"));
    }

    private Task<int> LengthAsync(CancellationToken ct) => db.Programs.OrderBy(p => p.Id).Select(p => p.CohortLengthMonths).FirstAsync(ct);
}

/// <summary>The cohort form, shared by Create and Edit.</summary>
public sealed class CohortInput
{
    public string Name { get; set; } = "";
    public string? NameZh { get; set; }
    public DateOnly? ApplicationsOpenOn { get; set; }
    public DateOnly? ApplicationsCloseOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public CohortRequest ToRequest() => new(Name, ApplicationsOpenOn, ApplicationsCloseOn, StartsOn, EndsOn, NameZh);
}
