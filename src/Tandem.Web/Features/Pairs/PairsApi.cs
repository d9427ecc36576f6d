using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Data;
using Tandem.Web.Features.Pace;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

public static class PairsApi
{
    public static RouteGroupBuilder MapPairs(this RouteGroupBuilder api)
    {
        api.MapGet("/me/pairs", Mine).WithTags("Pairs").RequireAuthorization().WithSummary("The signed-in person's pairs, as mentee or mentor, in any cohort.");
        var group = api.MapGroup("/pairs").WithTags("Pairs").RequireAuthorization();
        group.MapGet("/{id:int}", Home).WithSummary("The pair's home (the pair's mentee and mentor only): the other person, agreement, goals, next meeting, meeting count.");
        group.MapGet("/{id:int}/journey", Journey).WithSummary("The pair's six months for the caller (the pair's mentee and mentor only): each step's state, the current one, the pace and the next meeting.");
        group.MapPut("/{id:int}/reverse", Reverse).WithSummary("Marks the pair as reverse mentoring, where each teaches the other, or not (the pair's mentee or mentor while it is active, or a coordinator): {\"reverse\": true}.");
        return group;
    }

    private static async Task<Results<Ok<ReverseResponse>, NotFound, ValidationProblem>> Reverse(int id, ReverseRequest request, HttpContext http, ReverseMentoring reverse, CancellationToken ct) =>
        (await reverse.SetAsync(id, http.User.Id(), http.User.IsCoordinator(), request, ct)).ToApi(r => TypedResults.Ok(new ReverseResponse(id, r)));

    private static async Task<Ok<List<PairSummaryResponse>>> Mine(HttpContext http, TandemDb db, CancellationToken ct) =>
        TypedResults.Ok(await PairQueries.MineAsync(db, http.User.Id(), ct));

    private static async Task<Results<Ok<PairHomeResponse>, NotFound>> Home(int id, HttpContext http, TandemDb db, TimeProvider clock, CancellationToken ct) =>
        await PairQueries.HomeAsync(db, id, http.User.Id(), clock.GetUtcNow().UtcDateTime, ct) is { } home ? TypedResults.Ok(home) : TypedResults.NotFound();

    private static async Task<Results<Ok<PairJourneyResponse>, NotFound>> Journey(int id, HttpContext http, TandemDb db, PairFacts facts, TimeProvider clock, CancellationToken ct) =>
        await PairJourney.ReadAsync(db, facts, id, http.User.Id(), clock.GetUtcNow().UtcDateTime, ct) is { } journey ? TypedResults.Ok(journey) : TypedResults.NotFound();
}
