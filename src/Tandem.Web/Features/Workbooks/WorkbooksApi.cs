using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

public static class WorkbooksApi
{
    public static RouteGroupBuilder MapWorkbooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workbooks").WithTags("Workbooks");
        group.MapGet("/", (WorkbookStore s, ClaimsPrincipal u, CancellationToken ct) => ListAsync(s, u, ct)).RequireAuthorization().WithSummary("Published workbooks with the caller's progress; coordinators also see drafts.");
        group.MapGet("/{id:int}", GetAsync).RequireAuthorization().WithSummary("A workbook with the caller's own answers (coordinators see the structure only).");
        group.MapPost("/", async (WorkbookStore s, WorkbookRequest r, CancellationToken ct) => Created(await s.CreateAsync(r, ct), id => $"/api/v1/workbooks/{id}")).RequireAuthorization(Roles.Coordinator).WithSummary("Creates a workbook (coordinators).");
        group.MapPut("/{id:int}", async (WorkbookStore s, int id, WorkbookRequest r, CancellationToken ct) => NoContent(await s.UpdateAsync(id, r, ct))).RequireAuthorization(Roles.Coordinator).WithSummary("Edits or publishes a workbook (coordinators).");
        group.MapPost("/{id:int}/sections", async (WorkbookStore s, int id, SectionRequest r, CancellationToken ct) => Created(await s.AddSectionAsync(id, r, ct), x => $"/api/v1/workbooks/{id}#section-{x}")).RequireAuthorization(Roles.Coordinator).WithSummary("Adds a section with Markdown instructions (coordinators).");
        group.MapPost("/sections/{id:int}/exercises", async (WorkbookStore s, int id, ExerciseRequest r, CancellationToken ct) => Created(await s.AddExerciseAsync(id, r, ct), x => $"/api/v1/workbooks/exercises/{x}")).RequireAuthorization(Roles.Coordinator).WithSummary("Adds an exercise to a section: free text, scale or checklist (coordinators).");
        group.MapGet("/{id:int}/completion", CompletionAsync).RequireAuthorization(Roles.Coordinator).WithSummary("How far each mentee is, in percent, never what they wrote (coordinators).");
        group.MapPut("/exercises/{id:int}/answer", async (WorkbookStore s, ClaimsPrincipal u, int id, AnswerRequest r, CancellationToken ct) => NoContent(await s.SaveAnswerAsync(id, u.Id(), r.Value, ct))).RequireAuthorization().WithSummary("Saves the caller's answer to an exercise.");
        group.MapPost("/sections/{id:int}/share", async (WorkbookStore s, ClaimsPrincipal u, int id, CancellationToken ct) => Created(await s.ShareAsync(id, u.Id(), ct), x => $"/api/v1/workbooks/shares/{x}")).RequireAuthorization().WithSummary("The mentee shares a section's answers with the mentor.");
        group.MapDelete("/shares/{id:int}", async (WorkbookStore s, ClaimsPrincipal u, int id, CancellationToken ct) => await s.UnshareAsync(id, u.Id(), ct) ? Results.NoContent() : Results.NotFound()).RequireAuthorization().WithSummary("The mentee stops sharing a section.");
        group.MapGet("/shared", SharedWithMeAsync).RequireAuthorization().WithSummary("Sections the caller's mentees shared with them.");
        group.MapGet("/shares/{id:int}", SharedAsync).RequireAuthorization().WithSummary("A shared section with the mentee's answers and comments (the mentee and the pair's mentor only).");
        group.MapPost("/shares/{id:int}/comments", async (WorkbookStore s, ClaimsPrincipal u, int id, CommentRequest r, CancellationToken ct) => Created(await s.CommentAsync(id, u.Id(), r.Text, ct), _ => $"/api/v1/workbooks/shares/{id}")).RequireAuthorization().WithSummary("Comments on a shared section (the mentee or the pair's mentor).");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<WorkbookSummary>>> ListAsync(WorkbookStore s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(u.Id(), u.IsCoordinator(), ct));

    /// <summary>A workbook with the caller's own answers (coordinators see the structure only).</summary>
    private static async Task<Results<Ok<WorkbookResponse>, NotFound>> GetAsync(WorkbookStore s, ClaimsPrincipal u, int id, CancellationToken ct) =>
        await s.GetAsync(id, u.Id(), u.IsCoordinator(), ct) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound();

    /// <summary>How far each mentee is, in percent; never what they wrote.</summary>
    private static async Task<Results<Ok<IReadOnlyList<CompletionResponse>>, NotFound>> CompletionAsync(WorkbookStore s, int id, CancellationToken ct) =>
        await s.CompletionAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    /// <summary>Sections the caller's mentees shared with them.</summary>
    private static async Task<Ok<IReadOnlyList<SharedSectionResponse>>> SharedWithMeAsync(WorkbookStore s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(await s.SharedWithMeAsync(u.Id(), ct));

    /// <summary>A shared section with the mentee's answers and the comments: for the mentee and the pair's mentor only.</summary>
    private static async Task<Results<Ok<SharedSectionResponse>, NotFound>> SharedAsync(WorkbookStore s, ClaimsPrincipal u, int id, CancellationToken ct) =>
        await s.SharedAsync(id, u.Id(), ct) is { } x ? TypedResults.Ok(x) : TypedResults.NotFound();

    private static Results<Created<int>, NotFound, ValidationProblem> Created(Outcome<int> outcome, Func<int, string> location) =>
        outcome.ToApi(id => TypedResults.Created(location(id), id));

    private static Results<NoContent, NotFound, ValidationProblem> NoContent(Outcome<int> outcome) => outcome.ToApi(_ => TypedResults.NoContent());
}
