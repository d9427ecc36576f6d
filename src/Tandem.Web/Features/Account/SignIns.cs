using Microsoft.AspNetCore.Identity;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Changing a password, resetting it, or "sign out everywhere" changes the account's security stamp, and every
/// sign-in made before stops working: refresh tokens (Identity checks the stamp), bearer tokens (checked here on every
/// API call, since a bearer token would otherwise live its full hour) and cookies (checked every minute).
/// </summary>
public static class SignIns
{
    public static readonly TimeSpan CookieCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>After authentication: a bearer token whose stamp is no longer the account's is treated as no sign-in.</summary>
    public static void UseRevokedTokenCheck(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await http.RequestServices.GetRequiredService<SignInManager<User>>().ValidateSecurityStampAsync(http.User) is null)
            http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        await next(http);
    });

    /// <summary>Ends every sign-in of the account, on every device.</summary>
    public static async Task SignOutEverywhereAsync(UserManager<User> users, string userId)
    {
        if (await users.FindByIdAsync(userId) is { } user) await users.UpdateSecurityStampAsync(user);
    }

    public static RouteGroupBuilder MapSignIns(this RouteGroupBuilder api)
    {
        api.MapPost("/me/sign-out-everywhere", async (HttpContext http, UserManager<User> users) =>
            {
                await SignOutEverywhereAsync(users, http.User.Id());
                return TypedResults.NoContent();
            })
            .WithTags("Account").RequireAuthorization()
            .WithSummary("Ends every sign-in of the caller's account: bearer and refresh tokens and cookies on every device.");
        return api;
    }
}
