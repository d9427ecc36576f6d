using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>The program's matching weights and rules.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class SettingsModel(MatchSettingsEditor editor, IStringLocalizer<MatchingText> t) : PageModel
{
    public sealed class InputModel
    {
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double Interests { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double Goals { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double Industry { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double Personality { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double Availability { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double SeniorityGap { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double ReverseFit { get; set; }
        [Range(0, 10, ErrorMessage = "Each weight must be between 0 and 10.")] public double MenteeRanking { get; set; }
        [Range(0, 21, ErrorMessage = "Shared slots must be between 0 and 21.")] public int MinSharedSlots { get; set; }
        public bool SameEmployerAllowed { get; set; }
        public bool InternalProgram { get; set; }

        public static InputModel From(MatchSettings s) => new()
        {
            Interests = s.Interests, Goals = s.Goals, Industry = s.Industry, Personality = s.Personality, Availability = s.Availability,
            SeniorityGap = s.SeniorityGap, ReverseFit = s.ReverseFit, MenteeRanking = s.MenteeRanking,
            MinSharedSlots = s.MinSharedSlots, SameEmployerAllowed = s.SameEmployerAllowed, InternalProgram = s.InternalProgram,
        };

        public MatchSettingsRequest ToRequest() => new(Interests, Goals, Industry, Personality, Availability, SeniorityGap, ReverseFit, MenteeRanking,
            MinSharedSlots, SameEmployerAllowed, InternalProgram);
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = InputModel.From(await editor.LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await editor.UpdateAsync(Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["Matching settings saved."], _ => RedirectToPage());
    }
}
