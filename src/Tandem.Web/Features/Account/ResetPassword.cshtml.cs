using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Account;

public sealed class ResetPasswordModel(UserManager<User> users, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Please enter your email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet(string? code, string? email)
    {
        Input.Code = code ?? "";
        Input.Email = email ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        IdentityResult result;
        try
        {
            var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Input.Code));
            result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, token, Input.Password);
        }
        catch (FormatException)
        {
            result = IdentityResult.Failed();
        }
        if (!result.Succeeded)
        {
            var errors = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
            if (errors.Count == 0) ModelState.AddModelError("", t["This reset link is invalid or has expired."]);
            foreach (var e in errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        if (await users.IsLockedOutAsync(user!)) await users.SetLockoutEndDateAsync(user!, null);
        Done = true;
        return Page();
    }
}
