using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Memberships;

[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(MembershipBook book, TandemDb db, IStringLocalizer<MembershipsText> t) : PageModel
{
    [BindProperty] public MembershipInput Input { get; set; } = new();
    public bool SeatUsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var m = await MembershipQueries.OneAsync(db, id, ct);
        if (m is null) return NotFound();
        SeatUsed = m.SeatUsed;
        Input = new MembershipInput { Email = m.Email, StartsOn = m.StartsOn, EndsOn = m.EndsOn, Fee = m.Fee, Currency = m.Currency, PaidOn = m.PaidOn, Note = m.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (await book.UpdateAsync(id, Input.ToRequest(), ct) is not { } outcome) return NotFound();
        if (!outcome.Ok)
        {
            outcome.Refusal!.AddTo(ModelState);
            SeatUsed = await book.SeatUsedAsync(id, ct);
            return Page();
        }
        TempData["Flash"] = t["The membership is saved."].Value;
        return RedirectToPage("/Memberships/Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var (result, refusal) = await book.DeleteAsync(id, ct);
        if (result == BookResult.NotFound) return NotFound();
        if (refusal is not null)
        {
            refusal.AddTo(ModelState);
            SeatUsed = true;
            return Page();
        }
        TempData["Flash"] = t["The membership is deleted."].Value;
        return RedirectToPage("/Memberships/Index");
    }
}
