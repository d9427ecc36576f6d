using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Account;

public sealed class LoginModel(SignInManager<User> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // The cookie scheme, not the API's bearer tokens: pages sign in with a cookie.
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (result.Succeeded) return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        if (SignInGuard.RefusedWait(HttpContext) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(Shared.RateLimits.SetRetryAfter(HttpContext, wait) / 60.0));
            ModelState.AddModelError("", t["Too many failed sign-ins from here. Please try again in {0} minutes.", minutes]);
            return Page();
        }
        var message = result switch
        {
            { IsLockedOut: true } => t["This account is locked after too many failed sign-ins. Try again in 15 minutes or reset your password."],
            { IsNotAllowed: true } => t["Please confirm your email address first; we can send the link again."],
            _ => t["That email and password do not match."],
        };
        ModelState.AddModelError("", message);
        return Page();
    }
}
