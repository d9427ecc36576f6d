using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Closure;

public sealed record ClosedPairResponse(int Id, PairStatus Status, CloseReason? CloseReason, DateTime? ClosedAt);
public sealed record RepairedPairResponse(int Id, int CohortId, string MenteeId, string MentorId, PairOrigin Origin);

public static class ClosureApi
{
    public static RouteGroupBuilder MapClosure(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}").WithTags("Closure");
        group.MapGet("/closure", GetAsync).RequireAuthorization().WithSummary("The pair's closure: status, the caller's closing words and the other's gratitude note.");
        group.MapPost("/close", CloseAsync).RequireAuthorization().WithSummary("Closes an active pair early, with a reason and \"confirm\": true (either member or a coordinator). Without confirm: 400 listing the consequences, nothing changes. Cancels upcoming meetings, tells the other member and the coordinators.");
        group.MapPost("/reflection", ReflectAsync).RequireAuthorization().WithSummary("The caller's reflection, gratitude note and transition plan, once the pair has closed.");
        group.MapPost("/repair", RepairAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Re-pairs the mentee of an early-closed pair with a mentor of the cohort who has room (coordinators).");
        api.MapGet("/me/alumni", AlumniAsync).WithTags("Closure").RequireAuthorization().WithSummary("Whether the signed-in member is alumni, and the completed or early-closed pairs that make them so.");
        return group;
    }

    /// <summary>A member's closure: status, own closing words, and the other's gratitude note.</summary>
    private static async Task<Results<Ok<ClosureView>, NotFound>> GetAsync(int id, ClaimsPrincipal user, ClosureBook book, CancellationToken ct) =>
        await book.ReadAsync(id, user.Id(), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    /// <summary>Either member or a coordinator closes an active pair early (reason: GoalsReached, Mismatch, PersonalReasons, NoResponse).</summary>
    private static async Task<Results<Ok<ClosedPairResponse>, NotFound, ValidationProblem>> CloseAsync(
        int id, CloseRequest request, ClaimsPrincipal user, ClosureBook book, CancellationToken ct)
    {
        var outcome = await book.CloseEarlyAsync(id, user.Id(), user.IsCoordinator(), request.Reason, request.Confirm, ct);
        return outcome.ToApi(p => TypedResults.Ok(new ClosedPairResponse(p.Id, p.Status, p.CloseReason, p.ClosedAt)));
    }

    /// <summary>A member's reflection, gratitude note (shown to the other) and transition plan, once the pair has closed.</summary>
    private static async Task<Results<Created<ClosureView>, NotFound, ValidationProblem>> ReflectAsync(
        int id, ReflectionRequest request, ClaimsPrincipal user, ClosureBook book, CancellationToken ct)
    {
        var outcome = await book.ReflectAsync(id, user.Id(), request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Created($"/api/v1/pairs/{id}/closure", (await book.ReadAsync(id, user.Id(), ct))!));
    }

    /// <summary>Coordinators: re-pairs the mentee of an early-closed pair with a mentor of the cohort who has room.</summary>
    private static async Task<Results<Created<RepairedPairResponse>, NotFound, ValidationProblem>> RepairAsync(
        int id, RepairRequest request, ClosureBook book, CancellationToken ct)
    {
        var outcome = await book.RepairAsync(id, request.MentorId, ct);
        return outcome.ToApi(p => TypedResults.Created($"/api/v1/pairs/{p.Id}/closure", new RepairedPairResponse(p.Id, p.CohortId, p.MenteeId, p.MentorId, p.Origin)));
    }

    /// <summary>Whether the signed-in person is alumni (has a completed or early-closed pair), and those pairs.</summary>
    private static async Task<Ok<AlumniResponse>> AlumniAsync(ClaimsPrincipal user, ClosureBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.AlumniAsync(user.Id(), ct));
}
