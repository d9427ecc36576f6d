using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.Account;

public sealed class ResendConfirmationModel(UserManager<User> users, IEmailSender<User> email) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your email address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
            await RegisterModel.SendConfirmationAsync(users, email, user, Url);
        Sent = true;
        return Page();
    }
}
