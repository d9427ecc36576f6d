using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <summary>Two-factor sign-in: turn it on with an authenticator app, get new recovery codes, turn it off.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, Authenticator authenticator, TandemDb db,
    IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public bool Enabled { get; private set; }
    public bool RequiredForMe { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public Authenticator.Setup? Setup { get; private set; }
    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await authenticator.EnableAsync(user, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), t["That code does not match. Enter the 6-digit code your app shows now."]);
            return await ShowAsync(ct);
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = codes;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return await ShowAsync(ct);
        RecoveryCodes = await authenticator.NewRecoveryCodesAsync(user);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await RequiredForAsync(ct))
            ModelState.AddModelError("", t["The program requires coordinators to use two-factor sign-in, so it cannot be turned off."]);
        else if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
            ModelState.AddModelError(nameof(Password), t["Please enter your current password to turn two-factor sign-in off."]);
        if (!ModelState.IsValid) return await ShowAsync(ct);
        await authenticator.DisableAsync(user);
        this.Flash(t["Two-factor sign-in is off. You sign in with your password alone."]);
        return RedirectToPage();
    }

    private async Task<bool> RequiredForAsync(CancellationToken ct) =>
        User.IsInRole(Roles.Coordinator) && await db.Programs.AsNoTracking().AnyAsync(p => p.RequireTwoFactorForCoordinators, ct);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Enabled = user.TwoFactorEnabled;
        RequiredForMe = await RequiredForAsync(ct);
        if (Enabled) RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        else
        {
            var stamp = user.SecurityStamp;
            Setup = await authenticator.SetupAsync(user);
            // Making the first key changes the security stamp; without a fresh cookie the next stamp check signs this person out.
            if (user.SecurityStamp != stamp)
            {
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.RefreshSignInAsync(user);
            }
        }
        return Page();
    }
}
