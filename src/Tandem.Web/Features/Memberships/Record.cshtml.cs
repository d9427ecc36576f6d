using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

[Authorize(Policy = Roles.Coordinator)]
public sealed class RecordModel(MembershipBook book, TandemDb db, TimeProvider clock, IStringLocalizer<MembershipsText> t) : PageModel
{
    [BindProperty] public MembershipInput Input { get; set; } = new();

    public async Task OnGetAsync(string? email, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input = new MembershipInput
        {
            Email = email ?? "", StartsOn = today, EndsOn = today.AddYears(1).AddDays(-1), PaidOn = today,
            Currency = await db.Programs.OrderBy(p => p.Id).Select(p => p.DefaultCurrency).FirstAsync(ct),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await book.RecordAsync(Input.ToRequest(), User.Id(), ct);
        return await this.AnswerAsync(outcome, _ => t["The membership for {0} is recorded.", Input.Email.Trim()], _ => RedirectToPage("/Memberships/Index"));
    }
}

/// <summary>The membership form, shared by Record and Edit.</summary>
public sealed class MembershipInput
{
    public string Email { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public decimal? Fee { get; set; }
    public string? Currency { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? Note { get; set; }

    public MembershipRequest ToRequest() => new(Email, StartsOn, EndsOn, Fee, Currency, PaidOn, Note);
}
