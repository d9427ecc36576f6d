using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Pace;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Feedback;

/// <summary>End-of-pair feedback and feedforward for the two; ratings and program comments for a coordinator.</summary>
[Authorize]
public sealed class IndexModel(FeedbackBook book, FeedforwardThemes themes, IStringLocalizer<FeedbackText> t) : PageModel
{
    public sealed class InputModel
    {
        [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5.")] public int Rating { get; set; }
        public string? WentWell { get; set; }
        public string? CouldBeBetter { get; set; }
        public string? Feedforward { get; set; }
        public string? ProgramComment { get; set; }
        public List<string> Themes { get; set; } = [];
    }

    /// <summary>The program's themes a writer may tag the feedforward with.</summary>
    public IReadOnlyList<ThemeOption> ThemeOptions { get; private set; } = [];

    [BindProperty] public InputModel Input { get; set; } = new();
    public PairFeedbackView View { get; private set; } = new(0, PairRole.None, false, false, null, null, []);

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct) || View.Role == PairRole.None) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await book.SubmitAsync(pairId, User.Id(), new(Input.Rating, Input.WentWell, Input.CouldBeBetter, Input.Feedforward, Input.ProgramComment, Input.Themes), ct);
        return await this.AnswerAsync(outcome, _ => t["Thank you: your feedback is saved."], _ => RedirectToPage(new { pairId }));
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await book.ReadAsync(pairId, User.Id(), User.IsCoordinator(), ct) is not { } view) return false;
        View = view;
        ThemeOptions = await themes.OptionsAsync(ct);
        return true;
    }
}
