using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
        api.MapGet("/cohorts/{id:int}/feedforward-themes", ThemesAsync).WithTags("Feedback").RequireAuthorization(Roles.Coordinator).WithSummary("The cohort's most frequent feedforward terms, as counts, with nobody quoted (coordinators).");
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

    /// <summary>Coordinators: the cohort's most frequent feedforward terms (counts only, nobody quoted).</summary>
    private static async Task<Ok<IReadOnlyList<Theme>>> ThemesAsync(int id, FeedforwardThemes themes, CancellationToken ct) =>
        TypedResults.Ok(await themes.ForCohortAsync(id, 20, ct));
}
