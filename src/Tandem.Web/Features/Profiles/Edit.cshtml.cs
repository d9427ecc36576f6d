using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

[Authorize]
public sealed class EditModel(TandemDb db, ProfileEditor editor, UserLanguage userLanguage, TimeProvider clock, IStringLocalizer<ProfilesText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>What matching still needs for the role this person applies in (a mentor's list adds expertise).</summary>
    public IReadOnlyList<ProfileGap> Missing { get; private set; } = [];
    public bool AsMentor { get; private set; }
    public BigFive? Personality { get; private set; }
    public string Language { get; private set; } = Culture.English;

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string? Gender { get; set; }
        public string? Pronouns { get; set; }
        public List<string> Languages { get; set; } = [];
        public string? City { get; set; }
        public string? TimeZone { get; set; }
        public string? Employer { get; set; }
        public string? JobTitle { get; set; }
        public Seniority? Seniority { get; set; }
        public string? Industry { get; set; }
        public string? Expertise { get; set; }
        public string? Interests { get; set; }
        public string? Bio { get; set; }
        public string? Links { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == User.Id(), ct)
                      ?? new Profile { UserId = User.Id(), DisplayName = "" };
        var languages = TagList.Parse(profile.Languages);
        Input = new InputModel
        {
            DisplayName = profile.DisplayName, Gender = profile.Gender, Pronouns = profile.Pronouns,
            Languages = languages.ToList(),
            City = profile.City, TimeZone = profile.TimeZone, Employer = profile.Employer, JobTitle = profile.JobTitle,
            Seniority = profile.Seniority, Industry = profile.Industry, Expertise = TagList.ToInput(profile.Expertise),
            Interests = TagList.ToInput(profile.Interests), Bio = profile.Bio, Links = profile.Links,
        };
        await DescribeAsync(profile, ct);
        Language = await userLanguage.GetAsync(User.Id(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new ProfileRequest(
            Input.DisplayName, Input.Gender, Input.Pronouns, Input.Languages,
            Input.City, Input.TimeZone, Input.Employer, Input.JobTitle, Input.Seniority, Input.Industry,
            TagList.FromInput(Input.Expertise), TagList.FromInput(Input.Interests), Input.Bio,
            (Input.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var outcome = await editor.SaveAsync(User.Id(), request, ct);
        return await this.AnswerAsync(outcome, _ => t["Your profile is saved."], _ => RedirectToPage(), async () =>
        {
            var current = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == User.Id(), ct);
            await DescribeAsync(current ?? new Profile { UserId = User.Id(), DisplayName = "" }, ct);
            return true;
        });
    }

    /// <summary>The language of the app, the notices and the emails; the page answers in it at once.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(string? language, CancellationToken ct)
    {
        var outcome = await userLanguage.SetAsync(User.Id(), language, ct);
        if (outcome.Ok) Culture.Remember(Response, outcome.Value!, clock);
        return await this.AnswerAsync(outcome, chosen => Culture.In(Culture.Of(chosen), () => t["Your language is saved."].Value), _ => RedirectToPage(),
            async () => { await OnGetAsync(ct); return true; }, prefix: "");
    }

    private async Task DescribeAsync(Profile profile, CancellationToken ct)
    {
        // A mentee is not asked for a mentor's expertise: only someone who applies to mentor is.
        AsMentor = await db.Applications.AnyAsync(a => a.UserId == User.Id() && a.Role == ApplicationRole.Mentor, ct);
        Missing = ProfileCompleteness.Missing(profile, forMentor: AsMentor);
        Personality = Tipi.Of(profile);
    }
}
