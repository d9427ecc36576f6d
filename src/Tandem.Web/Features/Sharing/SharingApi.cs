using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Sharing;

public static class SharingApi
{
    public static RouteGroupBuilder MapSharing(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}").WithTags("Sharing").RequireAuthorization();
        group.MapGet("/resources", Resources).WithSummary("Resources the mentor recommended to the pair, newest first.");
        group.MapPost("/resources", Recommend).WithSummary("The mentor recommends a resource (an http/https link).");
        group.MapGet("/work", Work).WithSummary("Work the mentee shared for feedback, newest first.");
        group.MapPost("/work", Share).WithSummary("The mentee shares work (a text or a link) for feedback.");
        group.MapGet("/work/{workId:int}", WorkItem).WithSummary("One piece of shared work with its comment thread.");
        group.MapPost("/work/{workId:int}/comments", Comment).WithSummary("Feedback on shared work, in its comment thread.");
        group.MapGet("/introductions", Introductions).WithSummary("Introductions and referrals the mentor recorded, with their outcomes.");
        group.MapPost("/introductions", Introduce).WithSummary("The mentor records an introduction or referral.");
        group.MapPut("/introductions/{introductionId:int}", Outcome).WithSummary("Records what came of an introduction.");
        return group;
    }

    private static async Task<Results<Ok<PageResponse<ResourceResponse>>, NotFound>> Resources(int id, int? page, HttpContext http, TandemDb db, CancellationToken ct) =>
        await SharingQueries.ResourcesAsync(db, id, http.User.Id(), page, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<PageResponse<WorkResponse>>, NotFound>> Work(int id, int? page, HttpContext http, TandemDb db, CancellationToken ct) =>
        await SharingQueries.WorkAsync(db, id, http.User.Id(), page, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<PageResponse<IntroductionResponse>>, NotFound>> Introductions(int id, int? page, HttpContext http, TandemDb db, CancellationToken ct) =>
        await SharingQueries.IntroductionsAsync(db, id, http.User.Id(), page, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<WorkDetailsResponse>, NotFound>> WorkItem(int id, int workId, HttpContext http, TandemDb db, CancellationToken ct) =>
        await SharingQueries.PairOfWorkAsync(db, workId, http.User.Id(), ct) == id && await SharingQueries.WorkItemAsync(db, workId, http.User.Id(), ct) is { } w
            ? TypedResults.Ok(w) : TypedResults.NotFound();

    private static async Task<Results<Created<ResourceResponse>, NotFound, ValidationProblem>> Recommend(int id, ResourceRequest request, HttpContext http, SharingBook book, TandemDb db, CancellationToken ct) =>
        (await book.RecommendAsync(id, http.User.Id(), request, ct))
            .ToApi(r => TypedResults.Created($"/api/v1/pairs/{id}/resources", new ResourceResponse(r.Id, "", r.Title, r.Url, r.Note, r.LibraryItemId, r.CreatedAt)));

    private static async Task<Results<Created<WorkDetailsResponse>, NotFound, ValidationProblem>> Share(int id, WorkRequest request, HttpContext http, SharingBook book, TandemDb db, CancellationToken ct) =>
        await (await book.ShareWorkAsync(id, http.User.Id(), request, ct))
            .ToApiAsync(async w => TypedResults.Created($"/api/v1/pairs/{id}/work/{w.Id}", (await SharingQueries.WorkItemAsync(db, w.Id, http.User.Id(), ct))!));

    private static async Task<Results<Created<WorkDetailsResponse>, NotFound, ValidationProblem>> Comment(int id, int workId, CommentRequest request, HttpContext http, SharingBook book, TandemDb db, CancellationToken ct) =>
        await (await book.CommentAsync(id, workId, http.User.Id(), request, ct))
            .ToApiAsync(async _ => TypedResults.Created($"/api/v1/pairs/{id}/work/{workId}", (await SharingQueries.WorkItemAsync(db, workId, http.User.Id(), ct))!));

    private static async Task<Results<Created<IntroductionResponse>, NotFound, ValidationProblem>> Introduce(int id, IntroductionRequest request, HttpContext http, SharingBook book, CancellationToken ct) =>
        (await book.IntroduceAsync(id, http.User.Id(), request, ct))
            .ToApi(i => TypedResults.Created($"/api/v1/pairs/{id}/introductions", new IntroductionResponse(i.Id, i.Kind, i.ToWhom, i.Why, i.Outcome, i.CreatedAt, i.UpdatedAt)));

    private static async Task<Results<Ok<IntroductionResponse>, NotFound, ValidationProblem>> Outcome(int id, int introductionId, OutcomeRequest request, HttpContext http, SharingBook book, CancellationToken ct) =>
        (await book.OutcomeAsync(id, introductionId, http.User.Id(), request, ct))
            .ToApi(i => TypedResults.Ok(new IntroductionResponse(i.Id, i.Kind, i.ToWhom, i.Why, i.Outcome, i.CreatedAt, i.UpdatedAt)));
}
