using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

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
        var outcome = await book.UpdateAsync(id, Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["The membership is saved."], _ => RedirectToPage("/Memberships/Index"), async () =>
        {
            SeatUsed = await book.SeatUsedAsync(id, ct);
            return true;
        });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await book.DeleteAsync(id, ct);
        return await this.AnswerAsync(outcome, _ => t["The membership is deleted."], _ => RedirectToPage("/Memberships/Index"), () =>
        {
            SeatUsed = true;
            return Task.FromResult(true);
        });
    }
}
