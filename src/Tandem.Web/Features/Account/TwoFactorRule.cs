using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Account;

/// <summary>Part of the coordinator policy: when the program requires it, a coordinator has two-factor sign-in on.</summary>
public sealed class TwoFactorForCoordinators : IAuthorizationRequirement;

public sealed class TwoFactorForCoordinatorsHandler(TandemDb db) : AuthorizationHandler<TwoFactorForCoordinators>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorForCoordinators requirement)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return;
        if (!await db.Programs.AsNoTracking().AnyAsync(p => p.RequireTwoFactorForCoordinators)
            || await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.TwoFactorEnabled))
            context.Succeed(requirement);
    }
}

/// <summary>A coordinator stopped only by the two-factor rule is sent to set it up (pages), or told so (API: 403
/// ProblemDetails); every other refusal is answered as usual.</summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler usual = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var http = context;
        var result = authorizeResult;
        if (result.Forbidden && http.User.IsInRole(Roles.Coordinator)
            && result.AuthorizationFailure?.FailedRequirements.All(r => r is TwoFactorForCoordinators) == true)
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                var t = http.RequestServices.GetRequiredService<IStringLocalizer<AccountText>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = t["Two-factor sign-in is required"],
                        Detail = t["The program requires coordinators to use two-factor sign-in. Turn it on at /Account/TwoFactor."],
                    },
                });
                return;
            }
            http.Response.Redirect("/Account/TwoFactor?required=true&returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }
        await usual.HandleAsync(next, context, policy, authorizeResult);
    }
}
