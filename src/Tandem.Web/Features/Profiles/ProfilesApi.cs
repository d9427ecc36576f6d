using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfiles(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/profile").WithTags("Profiles").RequireAuthorization();
        me.MapGet("/", GetMine).WithSummary("The signed-in member's profile, with what matching still needs.");
        me.MapPut("/", PutMine).WithSummary("Updates the signed-in member's profile.");
        me.MapPut("/personality", PutPersonality).WithSummary("Scores the ten TIPI answers (1–7) and stores the five Big-Five traits.");
        me.MapDelete("/personality", DeletePersonality).WithSummary("Forgets the questionnaire's trait scores.");

        var group = api.MapGroup("/profiles").WithTags("Profiles");
        group.MapGet("/{userId}", GetOne).RequireAuthorization(Roles.Coordinator).WithSummary("Any member's profile (coordinators only).");
        return group;
    }

    /// <summary>A member without a saved profile (e.g. registered through the API) gets an empty one to fill in.</summary>
    private static async Task<Ok<ProfileResponse>> GetMine(HttpContext http, TandemDb db, CancellationToken ct)
    {
        var userId = http.User.Id();
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct)
                      ?? new Profile { UserId = userId, DisplayName = "" };
        return TypedResults.Ok(ProfileResponse.From(profile));
    }

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem>> PutMine(ProfileRequest request, HttpContext http, ProfileEditor editor, CancellationToken ct) =>
        (await editor.SaveAsync(http.User.Id(), request, ct)).ToApi(p => TypedResults.Ok(ProfileResponse.From(p)));

    private static async Task<Results<Ok<BigFive>, ValidationProblem>> PutPersonality(PersonalityRequest request, HttpContext http, ProfileEditor editor, CancellationToken ct) =>
        (await editor.SavePersonalityAsync(http.User.Id(), request, ct)).ToApi(p => TypedResults.Ok(Tipi.Of(p)!));

    private static async Task<Results<NoContent, NotFound>> DeletePersonality(HttpContext http, ProfileEditor editor, CancellationToken ct) =>
        await editor.ClearPersonalityAsync(http.User.Id(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> GetOne(string userId, TandemDb db, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ProfileResponse.From(profile));
    }
}
