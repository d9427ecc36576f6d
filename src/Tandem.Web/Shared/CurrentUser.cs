using System.Security.Claims;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Shared;

public static class CurrentUser
{
    /// <summary>The signed-in user's id (Identity's NameIdentifier claim); throws when anonymous.</summary>
    public static string Id(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public static string? IdOrNull(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsCoordinator(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Coordinator);
}
