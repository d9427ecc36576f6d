using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Tandem.Web.Data;
using Tandem.Web.Features.Profiles;

namespace Tandem.Web.Features.Account;

public sealed class RegisterModel(UserManager<User> users, TandemDb db, IEmailSender<User> email, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your name.")]
        [StringLength(100, ErrorMessage = "Your name can be at most 100 characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Please enter your email address.")]
        [EmailAddress(ErrorMessage = "Please enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = new User { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        db.Profiles.Add(new Profile { UserId = user.Id, DisplayName = Input.DisplayName.Trim(), UpdatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await SendConfirmationAsync(users, email, user, Url);
        Sent = true;
        return Page();
    }

    internal static async Task SendConfirmationAsync(UserManager<User> users, IEmailSender<User> email, User user, IUrlHelper url)
    {
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        // Relative: the email sender puts it on App:PublicUrl, never on the request's Host.
        var link = url.Page("/Account/ConfirmEmail", new { userId = user.Id, code })!;
        await email.SendConfirmationLinkAsync(user, user.Email!, link);
    }
}
