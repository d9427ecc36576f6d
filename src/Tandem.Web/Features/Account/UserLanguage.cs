using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

public sealed record LanguageRequest(string? Language);

public sealed record LanguageResponse(string Language);

/// <summary>
/// A person's chosen language (<see cref="User.Language"/>): stored when the account is made, changed by the
/// header's language switch, the profile page and the API, and put back into the culture cookie at sign-in, so
/// the app and every notice and email speak it on any device.
/// </summary>
public sealed class UserLanguage(TandemDb db, IStringLocalizer<AccountText> t)
{
    public async Task<string> GetAsync(string userId, CancellationToken ct) =>
        Culture.Supported(await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).SingleOrDefaultAsync(ct)) ?? Culture.English;

    public async Task<Outcome<string>> SetAsync(string userId, string? language, CancellationToken ct)
    {
        if (Culture.Supported(language) is not { } name)
            return Errors.One("Language", t["Choose English (en) or Simplified Chinese (zh-Hans)."]);
        await db.Users.Where(u => u.Id == userId && u.Language != name).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, name), ct);
        return name;
    }

    /// <summary>The sign-in cookie's OnSignedIn: the person's stored language becomes the culture cookie.</summary>
    public static async Task RestoreCookieAsync(CookieSignedInContext context)
    {
        if (context.Principal?.IdOrNull() is not { } userId) return;
        var services = context.HttpContext.RequestServices;
        var stored = await services.GetRequiredService<TandemDb>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.Language).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (Culture.Supported(stored) is { } language)
            Culture.Remember(context.Response, language, services.GetRequiredService<TimeProvider>());
    }
}

/// <summary>GET and PUT /api/v1/me/language.</summary>
public static class LanguageApi
{
    public static RouteGroupBuilder MapLanguage(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/language").WithTags("Account").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, UserLanguage languages, CancellationToken ct) =>
                TypedResults.Ok(new LanguageResponse(await languages.GetAsync(http.User.Id(), ct))))
            .WithSummary("The signed-in person's language: the one the app, their notices and their emails use.");
        group.MapPut("/", PutAsync)
            .WithSummary("Sets the signed-in person's language (en or zh-Hans).");
        return group;
    }

    private static async Task<Results<Ok<LanguageResponse>, ValidationProblem>> PutAsync(LanguageRequest request, HttpContext http, UserLanguage languages, CancellationToken ct) =>
        (await languages.SetAsync(http.User.Id(), request.Language, ct)).ToApi(language => TypedResults.Ok(new LanguageResponse(language)));
}

internal sealed class UserLanguageConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b) => b.Property(u => u.Language).HasMaxLength(16);
}
