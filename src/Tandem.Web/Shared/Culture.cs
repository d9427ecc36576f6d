using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Shared;

/// <summary>
/// The two languages Tandem speaks, the switch in the header, and how a person's chosen language is
/// named in the database ("en" or "zh-Hans", the same names as the culture cookie).
/// </summary>
public static class Culture
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    /// <summary>The supported language this name means (case-insensitive), or null.</summary>
    public static string? Supported(string? name) =>
        AppSetup.Cultures.FirstOrDefault(c => c.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>The language of the current request (or thread), as one of the two supported names.</summary>
    public static string Current => Closest(CultureInfo.CurrentUICulture);

    /// <summary>The culture a stored language is rendered in; a person who never chose one reads English, the app's default.</summary>
    public static CultureInfo Of(string? language) => CultureInfo.GetCultureInfo(Supported(language) ?? English);

    /// <summary>Runs <paramref name="render"/> with the thread's culture set to <paramref name="culture"/>, for text
    /// written for someone other than the current reader (an email); localizers and string.Format read the thread's.</summary>
    public static T In<T>(CultureInfo culture, Func<T> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static string Closest(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>Sets the culture cookie the request localization reads, for a year.</summary>
    public static void Remember(HttpResponse response, string language, TimeProvider clock) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>
    /// GET /culture/zh-Hans?returnUrl=/x — remembers the choice in a cookie for a year and, for a signed-in
    /// person, as their language: the one their notices and emails are written in.
    /// </summary>
    public static void MapCulture(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", async (string culture, string? returnUrl, HttpContext http, UserLanguage languages, TimeProvider clock, CancellationToken ct) =>
        {
            if (Supported(culture) is not { } name)
                return Results.Problem(statusCode: 400, title: "Unsupported language", detail: "Use en or zh-Hans.");
            Remember(http.Response, name, clock);
            if (http.User.IdOrNull() is { } userId) await languages.SetAsync(userId, name, ct);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
