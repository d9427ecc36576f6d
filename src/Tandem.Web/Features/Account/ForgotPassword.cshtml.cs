using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Tandem.Web.Features.Account;

public sealed class ForgotPasswordModel(UserManager<User> users, IEmailSender<User> email) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your email address.")]
    [EmailAddress(ErrorMessage = "Please enter a valid email address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // Same answer whether or not the account exists: the page must not reveal who is a member.
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = Url.Page("/Account/ResetPassword", new { code, email = user.Email })!;
            await email.SendPasswordResetLinkAsync(user, user.Email!, link);
        }
        Sent = true;
        return Page();
    }
}
