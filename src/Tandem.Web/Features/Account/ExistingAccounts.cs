using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Registering with an address that already has an account answers exactly as a new registration does ("check
/// your email"), so no one learns who is a member. The address's owner gets the email instead: the confirmation
/// link again if they never confirmed, otherwise a link to set a new password. Sign-in, forgot password and resend
/// confirmation already answer the same either way.
/// </summary>
public sealed class ExistingAccounts(UserManager<User> users, IEmailSender<User> email, LinkGenerator links)
{
    /// <summary>Whether the only reason a registration failed is that the address is taken.</summary>
    public static bool OnlyTaken(IEnumerable<string> errorCodes)
    {
        var codes = errorCodes.ToList();
        return codes.Count > 0 && codes.All(c => c is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
    }

    public async Task TellOwnerAsync(string address)
    {
        var user = await users.FindByEmailAsync(address.Trim());
        if (user?.Email is null) return;
        if (!await users.IsEmailConfirmedAsync(user))
        {
            var confirm = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            await email.SendConfirmationLinkAsync(user, user.Email, links.GetPathByPage("/Account/ConfirmEmail", values: new { userId = user.Id, code = confirm })!);
            return;
        }
        var reset = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await email.SendPasswordResetLinkAsync(user, user.Email, links.GetPathByPage("/Account/ResetPassword", values: new { code = reset, email = user.Email })!);
    }

    /// <summary>The filter on Identity's API: its register endpoint answers "taken" with a 400; this answers 200.</summary>
    public static async ValueTask<object?> HideTakenAddressesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) != true) return result;
        var problem = result switch
        {
            ValidationProblem v => v,
            INestedHttpResult { Result: ValidationProblem v } => v,
            _ => null,
        };
        if (problem is null || !OnlyTaken(problem.ProblemDetails.Errors.Keys)) return result;
        if (context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } request)
            await context.HttpContext.RequestServices.GetRequiredService<ExistingAccounts>().TellOwnerAsync(request.Email);
        return TypedResults.Ok();
    }
}
