using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

public static class MembershipsApi
{
    public static RouteGroupBuilder MapMemberships(this RouteGroupBuilder api)
    {
        api.MapGet("/me/memberships", Mine).WithTags("Memberships").RequireAuthorization().WithSummary("The signed-in member's memberships.");

        var group = api.MapGroup("/memberships").WithTags("Memberships").RequireAuthorization(Roles.Coordinator);
        group.MapGet("/", List).WithSummary("Memberships, newest first; q searches email and name, year filters by start year.");
        group.MapGet("/summary", Summary).WithSummary("The donation recipient and the total donated per currency.");
        group.MapGet("/{id:int}", Get).WithSummary("One membership (coordinators).");
        group.MapPost("/", Record).WithSummary("Records a membership (one cohort seat) for a member, by email.");
        group.MapPut("/{id:int}", Update).WithSummary("Changes a membership while its seat is unused.");
        group.MapDelete("/{id:int}", Delete).WithSummary("Deletes a membership while its seat is unused.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<MembershipResponse>>> Mine(HttpContext http, TandemDb db, CancellationToken ct) =>
        TypedResults.Ok(await MembershipQueries.MineAsync(db, http.User.Id(), ct));

    private static async Task<Ok<PageResponse<MembershipResponse>>> List(TandemDb db, string? q, int? year, int? page, CancellationToken ct) =>
        TypedResults.Ok(await MembershipQueries.ListAsync(db, q, year, page, ct));

    private static async Task<Ok<MembershipSummaryResponse>> Summary(TandemDb db, CancellationToken ct) =>
        TypedResults.Ok(await MembershipQueries.SummaryAsync(db, ct));

    private static async Task<Results<Ok<MembershipResponse>, NotFound>> Get(int id, TandemDb db, CancellationToken ct) =>
        await MembershipQueries.OneAsync(db, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Created<MembershipResponse>, ValidationProblem>> Record(MembershipRequest request, HttpContext http, MembershipBook book, TandemDb db, CancellationToken ct)
    {
        var outcome = await book.RecordAsync(request, http.User.Id(), ct);
        return await outcome.ToApiAsync(async m => TypedResults.Created($"/api/v1/memberships/{m.Id}", (await MembershipQueries.OneAsync(db, m.Id, ct))!));
    }

    private static async Task<Results<Ok<MembershipResponse>, NotFound, ValidationProblem>> Update(int id, MembershipRequest request, MembershipBook book, TandemDb db, CancellationToken ct)
    {
        var outcome = await book.UpdateAsync(id, request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await MembershipQueries.OneAsync(db, id, ct))!));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(int id, MembershipBook book, CancellationToken ct) =>
        (await book.DeleteAsync(id, ct)).ToApi(_ => TypedResults.NoContent());
}
