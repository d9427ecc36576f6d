using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Tandem.Web.Shared;

/// <summary>
/// The one mapping from a rule's <see cref="Outcome{T}"/> to a page, and the one flash message.
/// <code>
/// var outcome = await book.UpdateAsync(id, Input.ToRequest(), ct);
/// return await this.AnswerAsync(outcome, _ => t["The membership is saved."], _ => RedirectToPage("/Memberships/Index"));
/// </code>
/// or, when the page does more than that, its parts: <see cref="Outcome{T}.IsNotFound"/>, <see cref="Refused"/>, <see cref="Flash"/>.
/// </summary>
public static class OutcomePages
{
    /// <summary>
    /// The usual answer to a form: not found → 404; forbidden → 403; refused → the reasons as form errors and the page again
    /// (after <paramref name="showAgain"/> reloads what it shows; false when the page's subject is gone);
    /// done → the flash message on the page <paramref name="next"/> leads to.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync<T>(this PageModel page, Outcome<T> outcome, Func<T, string> flash, Func<T, IActionResult> next,
        Func<Task<bool>>? showAgain = null, string prefix = "Input.")
    {
        if (outcome.IsNotFound) return page.NotFound();
        if (outcome.Refusal?.Kind == RefusalKind.Forbidden) return page.Forbid();
        if (page.Refused(outcome, prefix)) return showAgain is null || await showAgain() ? page.Page() : page.NotFound();
        page.Flash(flash(outcome.Value!));
        return next(outcome.Value!);
    }

    /// <summary>
    /// True when the rule refused. Its field errors are added to ModelState under <paramref name="prefix"/>
    /// ("Input." for a page's input model), so each shows under its field and in the summary; errors for the
    /// whole form and conflicts go to the summary. Check <see cref="Outcome{T}.IsNotFound"/> first.
    /// </summary>
    public static bool Refused<T>(this PageModel page, Outcome<T> outcome, string prefix = "Input.")
    {
        if (outcome.Refusal is not { } refusal) return false;
        page.Refuse(refusal, prefix);
        return true;
    }

    public static void Refuse(this PageModel page, Refusal refusal, string prefix = "Input.") => page.Refuse(refusal.Errors, prefix);

    public static void Refuse(this PageModel page, Errors errors, string prefix = "Input.")
    {
        foreach (var (field, message) in errors.Each)
            page.ModelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
    }

    /// <summary>A confirmation shown once, on the next page the person sees (the layout shows it).</summary>
    public static void Flash(this PageModel page, string message) => page.TempData[FlashKey] = message;

    /// <summary>The pending confirmation, read (and so removed) by the layout.</summary>
    public static string? TakeFlash(this ITempDataDictionary tempData) => tempData[FlashKey] as string;

    private const string FlashKey = "Flash";
}
