using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.CheckIns;

public static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckIns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}/checkins").WithTags("Check-ins").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The pair's check-in points with the caller's own answers; coordinators see ratings and notes addressed to them.");
        group.MapPost("/", SubmitAsync).WithSummary("Answers a due check-in point (once per person and point, while the pair is active).");
        return group;
    }

    /// <summary>The two members: their check-in points and own answers. Coordinators: every rating and note to the coordinator.</summary>
    private static async Task<Results<Ok<PairCheckIns>, NotFound>> GetAsync(int id, ClaimsPrincipal user, CheckInBook book, CancellationToken ct) =>
        await book.ReadAsync(id, user.Id(), user.IsCoordinator(), ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    /// <summary>Answers a due check-in point (once per person and point, while the pair is active).</summary>
    private static async Task<Results<Created<CheckInResponse>, NotFound, ValidationProblem>> SubmitAsync(
        int id, CheckInRequest request, ClaimsPrincipal user, CheckInBook book, CancellationToken ct)
    {
        var outcome = await book.SubmitAsync(id, user.Id(), request, ct);
        return await outcome.ToApiAsync(async c =>
        {
            var mine = (await book.ReadAsync(id, user.Id(), false, ct))!.Points.Single(p => p.Month == c.Month).Mine!;
            return TypedResults.Created($"/api/v1/pairs/{id}/checkins", mine);
        });
    }
}
