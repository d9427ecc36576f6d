using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Closure;

/// <summary>One pair's closure for a member: close early with a reason; once closed, closing words and the other's gratitude.</summary>
[Authorize]
public sealed class PairModel(ClosureBook book, IStringLocalizer<ClosureText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Reflection { get; set; }
        public string? Gratitude { get; set; }
        public string? TransitionPlan { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public EarlyReason? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    public ClosureView View { get; private set; } = null!;
    /// <summary>Set when the person chose a reason but has not confirmed yet: what closing will do.</summary>
    public IReadOnlyList<string>? Consequences { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var outcome = await book.CloseEarlyAsync(pairId, User.Id(), false, Reason, Confirm, ct);
        if (outcome.Refusal is { } refusal && refusal.Errors.Fields.All(f => f == "Confirm") && refusal.Errors.Any)
        {
            // The confirmation step: the same form again, now showing what closing does and asking to confirm.
            Consequences = refusal.Errors.Messages.ToList();
            return Page();
        }
        return await this.AnswerAsync(outcome, _ => t["The pair is closed. Thank you for the time you gave each other."], _ => RedirectToPage(new { pairId }), prefix: "");
    }

    public async Task<IActionResult> OnPostReflectAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var outcome = await book.ReflectAsync(pairId, User.Id(), new(Input.Reflection, Input.Gratitude, Input.TransitionPlan), ct);
        return await this.AnswerAsync(outcome, _ => t["Your closing words are saved; your gratitude note is on its way."], _ => RedirectToPage(new { pairId }));
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await book.ReadAsync(pairId, User.Id(), ct) is not { } view) return false;
        View = view;
        return true;
    }
}
