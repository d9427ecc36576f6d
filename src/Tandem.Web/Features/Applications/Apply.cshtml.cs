using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

[Authorize]
public sealed class ApplyModel(ApplicationRules rules, ApplicationCommands commands, TandemDb db, IStringLocalizer<ApplicationsText> t) : PageModel, IApplicationForm
{
    [BindProperty(SupportsGet = true)] public int CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationRole Role { get; set; }
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public CohortFacts? Cohort { get; private set; }
    public IReadOnlyList<TrackOption> Tracks { get; private set; } = [];
    /// <summary>The applicant cannot apply at all (window, duplicate, profile, seat): the form is not shown.</summary>
    public bool Blocked { get; private set; }
    public bool ProfileProblem { get; private set; }
    /// <summary>Refused for want of a membership: the page says how to get one, and whom to write to.</summary>
    public bool MembershipProblem { get; private set; }
    public string? ProgramContact { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var refusal = await rules.CheckApplicantAsync(User.Id(), Cohort, Role, ct);
        if (refusal.Any) Show(refusal, blocked: true);
        var profile = await db.Profiles.AsNoTracking().Where(p => p.UserId == User.Id()).Select(p => new { p.Languages, p.Expertise }).SingleOrDefaultAsync(ct);
        Input.Languages = TagList.ToInput(profile?.Languages);
        if (Role == ApplicationRole.Mentor) Input.Expertise = TagList.ToInput(profile?.Expertise);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.SubmitAsync(User.Id(), CohortId, Role, Input.ToFields(), ct);
        if (outcome.Refusal is { } refusal)
        {
            Show(refusal.Errors, blocked: Cohort is null);
            return Page();
        }
        this.Flash(t["Thank you! Your application to {0} is submitted. You can edit it until applications close.", Cohort!.Name]);
        return RedirectToPage("/Applications/Mine");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cohort = await rules.CohortAsync(CohortId, ct);
        if (Cohort is not null)
        {
            Tracks = await ApplicationInput.TracksAsync(db, Cohort.ProgramId, ct);
            ProgramContact = await db.Programs.AsNoTracking().Where(p => p.Id == Cohort.ProgramId).Select(p => p.ContactEmail).FirstOrDefaultAsync(ct);
        }
    }

    private void Show(Errors errors, bool blocked)
    {
        this.Refuse(errors);
        Blocked = blocked;
        var fields = errors.Fields.ToList();
        ProfileProblem = fields.Contains("Profile") || fields.Contains("TrackId") || fields.Contains("TracksServed");
        MembershipProblem = fields.Contains("Membership");
    }
}
