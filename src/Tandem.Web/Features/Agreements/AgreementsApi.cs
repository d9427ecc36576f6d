using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Agreements;

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreements(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}").WithTags("Agreements").RequireAuthorization();
        group.MapGet("/agreement", Get).WithSummary("The pair's agreement and goals (the pair's mentee and mentor only).");
        group.MapPut("/agreement", Save).WithSummary("Writes the agreement; any change clears both confirmations.");
        group.MapPost("/agreement/confirm", Confirm).WithSummary("Confirms the agreement as the signed-in mentee or mentor.");
        group.MapGet("/goals", Goals).WithSummary("The pair's goals with their progress updates (the pair's mentee and mentor only).");
        group.MapPost("/goals", AddGoal).WithSummary("Adds a goal (the mentee only).");
        group.MapPut("/goals/{goalId:int}", EditGoal).WithSummary("Edits a goal (the mentee only).");
        group.MapPost("/goals/{goalId:int}/updates", AddUpdate).WithSummary("The mentee's progress update, or the mentor's comment.");
        return group;
    }

    private static async Task<Results<Ok<AgreementResponse>, NotFound>> Get(int id, HttpContext http, TandemDb db, CancellationToken ct) =>
        await AgreementQueries.GetAsync(db, id, http.User.Id(), ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgreementResponse>, NotFound, ValidationProblem>> Save(int id, AgreementRequest request, HttpContext http, AgreementBook book, TandemDb db, CancellationToken ct) =>
        await (await book.SaveAsync(id, http.User.Id(), request, ct)).ToApiAsync(async _ => TypedResults.Ok((await AgreementQueries.GetAsync(db, id, http.User.Id(), ct))!));

    private static async Task<Results<Ok<AgreementResponse>, NotFound, ValidationProblem>> Confirm(int id, HttpContext http, AgreementBook book, TandemDb db, CancellationToken ct) =>
        await (await book.ConfirmAsync(id, http.User.Id(), ct)).ToApiAsync(async _ => TypedResults.Ok((await AgreementQueries.GetAsync(db, id, http.User.Id(), ct))!));

    private static async Task<Results<Ok<IReadOnlyList<GoalResponse>>, NotFound>> Goals(int id, HttpContext http, TandemDb db, CancellationToken ct) =>
        await PairAccess.FindAsync(db, id, http.User.Id(), ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await AgreementQueries.GoalsAsync(db, id, null, ct));

    private static async Task<Results<Created<GoalResponse>, NotFound, ValidationProblem>> AddGoal(int id, GoalRequest request, HttpContext http, AgreementBook book, TandemDb db, CancellationToken ct) =>
        await (await book.AddGoalAsync(id, http.User.Id(), request, ct)).ToApiAsync(async added =>
        {
            var goal = (await AgreementQueries.GoalsAsync(db, id, added.Id, ct)).Single();
            return TypedResults.Created($"/api/v1/pairs/{id}/goals/{goal.Id}", goal);
        });

    private static async Task<Results<Ok<GoalResponse>, NotFound, ValidationProblem>> EditGoal(int id, int goalId, GoalRequest request, HttpContext http, AgreementBook book, TandemDb db, CancellationToken ct) =>
        await (await book.EditGoalAsync(id, goalId, http.User.Id(), request, ct)).ToApiAsync(async _ => TypedResults.Ok((await AgreementQueries.GoalsAsync(db, id, goalId, ct)).Single()));

    private static async Task<Results<Created<GoalResponse>, NotFound, ValidationProblem>> AddUpdate(int id, int goalId, GoalUpdateRequest request, HttpContext http, AgreementBook book, TandemDb db, CancellationToken ct) =>
        await (await book.AddUpdateAsync(id, goalId, http.User.Id(), request, ct)).ToApiAsync(async _ =>
            TypedResults.Created($"/api/v1/pairs/{id}/goals/{goalId}", (await AgreementQueries.GoalsAsync(db, id, goalId, ct)).Single()));
}
