using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Events;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

public static class WebinarsApi
{
    public static RouteGroupBuilder MapWebinars(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webinars").WithTags("Webinars");
        group.MapGet("/", ListAsync).RequireAuthorization().WithSummary("Webinars the caller may join, with seats taken and the caller's registration.");
        group.MapGet("/{id:int}", GetAsync).RequireAuthorization().WithSummary("One webinar the caller may join.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Schedules a webinar for a cohort (coordinators).");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Changes a webinar (coordinators).");
        group.MapPost("/{id:int}/registration", RegisterAsync).RequireAuthorization().WithSummary("Registers the caller; refused when the webinar is full.");
        group.MapDelete("/{id:int}/registration", async (WebinarBook s, ClaimsPrincipal u, int id, CancellationToken ct) =>
            await s.CancelRegistrationAsync(id, u.Id(), ct) ? Results.NoContent() : Results.NotFound()).RequireAuthorization().WithSummary("Cancels the caller's registration.");
        group.MapGet("/{id:int}/registrations", RegistrationsAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Who registered (coordinators).");
        group.MapPut("/{id:int}/attendance", AttendanceAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Records who attended (coordinators).");
        group.MapGet("/{id:int}/dilemmas", DilemmasAsync).RequireAuthorization().WithSummary("The webinar's dilemma board; anonymous posts carry no author, hidden ones are left out (marked for coordinators).");
        group.MapPost("/{id:int}/dilemmas", PostDilemmaAsync).RequireAuthorization().WithSummary("Posts a dilemma to the board, optionally anonymously (mentees of the cohort).");
        group.MapGet("/{id:int}/dilemmas.csv", ExportAsync).RequireAuthorization(Roles.Coordinator).WithSummary("The dilemma board as CSV, anonymous posts without author (coordinators).").Produces<string>(StatusCodes.Status200OK, "text/csv");

        var dilemmas = api.MapGroup("/dilemmas").WithTags("Webinars");
        dilemmas.MapPut("/{id:int}", EditDilemmaAsync).RequireAuthorization().WithSummary("The author edits a dilemma of theirs.");
        dilemmas.MapPost("/{id:int}/solutions", SuggestAsync).RequireAuthorization().WithSummary("Suggests a solution to a dilemma.");
        dilemmas.MapPost("/{id:int}/hide", (DilemmaBoard b, int id, HideRequest r, CancellationToken ct) => Hidden(b.HideDilemmaAsync(id, r, ct))).RequireAuthorization(Roles.Coordinator).WithSummary("Hides a dilemma, with a reason (coordinators).");

        var solutions = api.MapGroup("/solutions").WithTags("Webinars");
        solutions.MapPost("/{id:int}/vote", (DilemmaBoard b, ClaimsPrincipal u, int id, CancellationToken ct) => VoteAsync(b, u, id, true, ct)).RequireAuthorization().WithSummary("Votes for a solution (one vote per person).");
        solutions.MapDelete("/{id:int}/vote", (DilemmaBoard b, ClaimsPrincipal u, int id, CancellationToken ct) => VoteAsync(b, u, id, false, ct)).RequireAuthorization().WithSummary("Takes back the caller's vote.");
        solutions.MapPost("/{id:int}/helpful", async (DilemmaBoard b, ClaimsPrincipal u, int id, CancellationToken ct) =>
            await b.MarkHelpfulAsync(id, u.Id(), true, ct) ? Results.NoContent() : Results.NotFound()).RequireAuthorization().WithSummary("The dilemma's author marks a solution helpful.");
        solutions.MapDelete("/{id:int}/helpful", async (DilemmaBoard b, ClaimsPrincipal u, int id, CancellationToken ct) =>
            await b.MarkHelpfulAsync(id, u.Id(), false, ct) ? Results.NoContent() : Results.NotFound()).RequireAuthorization().WithSummary("The dilemma's author unmarks a helpful solution.");
        solutions.MapPost("/{id:int}/hide", (DilemmaBoard b, int id, HideRequest r, CancellationToken ct) => Hidden(b.HideSolutionAsync(id, r, ct))).RequireAuthorization(Roles.Coordinator).WithSummary("Hides a solution, with a reason (coordinators).");
        return group;
    }

    private static async Task<Ok<PageResponse<WebinarResponse>>> ListAsync(WebinarBook s, ClaimsPrincipal user, bool? past, int? page, CancellationToken ct) =>
        TypedResults.Ok(await s.PageAsync(user.Id(), user.IsCoordinator(), past == true, page, ct));

    private static async Task<Results<Ok<WebinarResponse>, NotFound>> GetAsync(WebinarBook s, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await s.GetAsync(id, user.Id(), user.IsCoordinator(), ct) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound();

    private static async Task<Results<Created<WebinarResponse>, ValidationProblem>> CreateAsync(WebinarBook s, ClaimsPrincipal user, WebinarRequest request, CancellationToken ct)
    {
        var outcome = await s.CreateAsync(request, ct);
        return await outcome.ToApiAsync(async id => TypedResults.Created($"/api/v1/webinars/{id}", (await s.GetAsync(id, user.Id(), true, ct))!));
    }

    private static async Task<Results<Ok<WebinarResponse>, NotFound, ValidationProblem>> UpdateAsync(WebinarBook s, ClaimsPrincipal user, int id, WebinarRequest request, CancellationToken ct)
    {
        var outcome = await s.UpdateAsync(id, request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await s.GetAsync(id, user.Id(), true, ct))!));
    }

    /// <summary>Registers the caller; refused with a ValidationProblem when the webinar is full.</summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RegisterAsync(WebinarBook s, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await s.RegisterAsync(id, user.Id(), ct)).ToApi(_ => TypedResults.NoContent());

    /// <summary>Who registered (for the coordinator's attendance and for reminders).</summary>
    private static async Task<Results<Ok<IReadOnlyList<RegistrationResponse>>, NotFound>> RegistrationsAsync(WebinarBook s, int id, CancellationToken ct) =>
        await s.RegistrationsAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> AttendanceAsync(WebinarBook s, int id, AttendanceRequest request, CancellationToken ct) =>
        (await s.SetAttendanceAsync(id, request.AttendedUserIds ?? [], ct)).ToApi(_ => TypedResults.NoContent());

    /// <summary>The board: for mentees of the cohort (hidden posts left out) and coordinators (hidden posts marked). Anonymous posts carry no author.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DilemmaResponse>>, NotFound>> DilemmasAsync(DilemmaBoard b, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await b.ListAsync(id, user.Id(), user.IsCoordinator(), ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created, NotFound, ValidationProblem>> PostDilemmaAsync(DilemmaBoard b, ClaimsPrincipal user, int id, DilemmaRequest request, CancellationToken ct) =>
        (await b.PostAsync(id, user.Id(), request, ct)).ToApi(dilemma => TypedResults.Created($"/api/v1/webinars/{id}/dilemmas#{dilemma}"));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> EditDilemmaAsync(DilemmaBoard b, ClaimsPrincipal user, int id, DilemmaRequest request, CancellationToken ct) =>
        (await b.EditAsync(id, user.Id(), request, ct)).ToApi(_ => TypedResults.NoContent());

    private static async Task<Results<Created, NotFound, ValidationProblem>> SuggestAsync(DilemmaBoard b, ClaimsPrincipal user, int id, SolutionRequest request, CancellationToken ct) =>
        (await b.SuggestAsync(id, user.Id(), request, ct)).ToApi(_ => TypedResults.Created());

    private static async Task<Results<Ok<int>, NotFound, ValidationProblem>> VoteAsync(DilemmaBoard b, ClaimsPrincipal user, int id, bool on, CancellationToken ct) =>
        (await b.VoteAsync(id, user.Id(), on, ct)).ToApi(votes => TypedResults.Ok(votes));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Hidden(Task<Outcome<bool>> hiding) =>
        (await hiding).ToApi(_ => TypedResults.NoContent());

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(DilemmaBoard b, int id, CancellationToken ct) =>
        await b.ExportCsvAsync(id, ct) is { } csv ? TypedResults.File(csv, "text/csv; charset=utf-8", $"webinar-{id}-dilemmas.csv") : TypedResults.NotFound();
}
