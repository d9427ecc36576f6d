using Microsoft.AspNetCore.Localization;

namespace Tandem.Web.Shared;

public static class Culture
{
    /// <summary>GET /culture/zh-Hans?returnUrl=/x — remembers the choice in a cookie for a year.</summary>
    public static void MapCulture(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            if (!AppSetup.Cultures.Any(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)))
                return Results.Problem(statusCode: 400, title: "Unsupported language", detail: "Use en or zh-Hans.");
            if (!string.IsNullOrEmpty(returnUrl) && !InputChecks.IsLocalUrl(returnUrl))
                return Results.Problem(statusCode: 400, title: "Not a local address", detail: "returnUrl must be a path on this site, such as /Faq.");
            var name = AppSetup.Cultures.First(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)).Name;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
}
