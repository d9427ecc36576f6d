using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginWith2faModel(SignInManager<User> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect("/")
        : await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        var code = Authenticator.Digits(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), t["Please enter the code from your authenticator app, or a recovery code."]);
            return Page();
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        // Six digits come from the app; anything else is a recovery code (letters, with a dash that is part of it).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync((Code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (SignInGuard.RefusedWait(HttpContext) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(Shared.RateLimits.SetRetryAfter(HttpContext, wait) / 60.0));
            ModelState.AddModelError("", t["Too many failed sign-ins from here. Please try again in {0} minutes.", minutes]);
        }
        else if (result.IsLockedOut)
            ModelState.AddModelError("", t["This account is locked after too many failed sign-ins. Try again in 15 minutes or reset your password."]);
        else
            ModelState.AddModelError(nameof(Code), t["That code is not right. Codes change every 30 seconds: enter the one shown now."]);
        return Page();
    }
}
