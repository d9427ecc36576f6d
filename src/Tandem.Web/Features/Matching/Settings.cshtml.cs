using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Matching.Cohorts;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>The program's matching weights and rules.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class SettingsModel(MatchSettingsEditor editor, IStringLocalizer<MatchingText> t) : PageModel
{
    /// <summary>The form: a field per criterion (a weight the form leaves out counts 0) and the rules.</summary>
    public sealed record InputModel : MatchWeights
    {
        public InputModel() : base(None)
        {
        }

        public InputModel(MatchSettingsRequest settings) : base(settings) =>
            (MinSharedSlots, SameEmployerAllowed, InternalProgram) = (settings.MinSharedSlots, settings.SameEmployerAllowed, settings.InternalProgram);

        [Range(0, 21, ErrorMessage = "Shared slots must be between 0 and 21.")] public int MinSharedSlots { get; set; }
        public bool SameEmployerAllowed { get; set; }
        public bool InternalProgram { get; set; }

        public MatchSettingsRequest ToRequest() =>
            new(this) { MinSharedSlots = MinSharedSlots, SameEmployerAllowed = SameEmployerAllowed, InternalProgram = InternalProgram };
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = new InputModel(MatchSettingsRequest.From(await editor.LoadAsync(ct)));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await editor.UpdateAsync(Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["Matching settings saved."], _ => RedirectToPage());
    }
}
