using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.CheckIns;

/// <summary>A pair's check-ins: each member answers due points; a coordinator sees ratings and notes.</summary>
[Authorize]
public sealed class IndexModel(CheckInBook book, IStringLocalizer<CheckInsText> t) : PageModel
{
    public sealed class InputModel
    {
        public int Month { get; set; }
        [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5.")] public int Progress { get; set; }
        [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5.")] public int Relationship { get; set; }
        [StringLength(CheckInBook.MaxNote, ErrorMessage = "The note is too long.")] public string? NoteToCoordinator { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public PairCheckIns View { get; private set; } = new(0, Pace.PairRole.None, false, [], []);
    public bool IsMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct) || !IsMember) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await book.SubmitAsync(pairId, User.Id(), new(Input.Month, Input.Progress, Input.Relationship, Input.NoteToCoordinator), ct);
        return await this.AnswerAsync(outcome, _ => t["Thank you: your month-{0} check-in is saved.", Input.Month], _ => RedirectToPage(new { pairId }));
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await book.ReadAsync(pairId, User.Id(), User.IsCoordinator(), ct) is not { } view) return false;
        View = view;
        IsMember = view.Role != Pace.PairRole.None;
        return true;
    }
}
