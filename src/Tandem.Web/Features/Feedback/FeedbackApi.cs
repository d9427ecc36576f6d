using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Feedback;

public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}/feedback").WithTags("Feedback").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The pair's feedback: the caller's own, the other's once both have given it; coordinators see ratings and program comments.");
        group.MapPost("/", SubmitAsync).WithSummary("Gives end-of-cohort feedback and feedforward on the other member of the pair.");
        api.MapGet("/cohorts/{id:int}/feedforward-themes", ThemesAsync).WithTags("Feedback").RequireAuthorization(Roles.Coordinator).WithSummary("How often the cohort's feedforward was tagged with each of the program's themes; themes tagged in fewer than 3 pairs are left out (coordinators).");
        api.MapGet("/feedforward-themes", OptionsAsync).WithTags("Feedback").RequireAuthorization().WithSummary("The themes writers may tag their feedforward with (up to 3), in the caller's language.");
        return group;
    }

    /// <summary>Members: their feedback and the other's once both have given it (or the cohort is closed). Coordinators: ratings and program comments.</summary>
    private static async Task<Results<Ok<PairFeedbackView>, NotFound>> GetAsync(int id, ClaimsPrincipal user, FeedbackBook book, CancellationToken ct) =>
        await book.ReadAsync(id, user.Id(), user.IsCoordinator(), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    private static async Task<Results<Created<PairFeedbackView>, NotFound, ValidationProblem>> SubmitAsync(
        int id, FeedbackRequest request, ClaimsPrincipal user, FeedbackBook book, CancellationToken ct)
    {
        var outcome = await book.SubmitAsync(id, user.Id(), request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Created($"/api/v1/pairs/{id}/feedback", (await book.ReadAsync(id, user.Id(), false, ct))!));
    }

    /// <summary>Coordinators: the cohort's theme counts (tags only, nobody quoted).</summary>
    private static async Task<Results<Ok<CohortThemes>, NotFound>> ThemesAsync(int id, FeedforwardThemes themes, TandemDb db, CancellationToken ct) =>
        await db.Cohorts.AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await themes.ForCohortAsync(id, ct)) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<ThemeOption>>> OptionsAsync(FeedforwardThemes themes, CancellationToken ct) =>
        TypedResults.Ok(await themes.OptionsAsync(ct));
}
