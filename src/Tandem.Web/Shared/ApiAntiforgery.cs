using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Shared;

/// <summary>
/// The API takes a write authorised by the sign-in cookie only with the antiforgery token of one of the site's own
/// pages (the <c>RequestVerificationToken</c> header, as wwwroot/js sends it): a browser sends the cookie to any
/// site that asks, so without this another site could post on a signed-in person's behalf. A bearer token is never
/// sent by the browser on its own, so bearer callers need no token. Anonymous endpoints (sign-in, register) have
/// no one to impersonate. There is no CORS: other origins cannot read any answer.
/// </summary>
public static class ApiAntiforgery
{
    public static async ValueTask<object?> RequireTokenForCookieWritesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || http.User.Identity?.IsAuthenticated != true
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return await next(context);
        if (await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)) return await next(context);
        var s = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: s["The request is not valid."],
            detail: s["A write signed in with the site's cookie needs the page's antiforgery token (the RequestVerificationToken header); API clients use a bearer token."]);
    }
}
