using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <summary>Deleting one's own account: what it does, then the password and a confirm button.</summary>
[Authorize]
public sealed class DeleteModel(AccountDeletion deletion, SignInManager<User> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty] public string? Password { get; set; }

    public StepPreview Preview { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct) => Preview = await deletion.PreviewAsync(User.Id(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await deletion.DeleteAsync(User.Id(), Password, confirm: true, ct);
        if (this.Refused(outcome, prefix: ""))
        {
            Preview = await deletion.PreviewAsync(User.Id(), ct);
            return Page();
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync();
        this.Flash(t["Your account is deleted. Thank you for taking part in Tandem."]);
        return Redirect("/");
    }
}
