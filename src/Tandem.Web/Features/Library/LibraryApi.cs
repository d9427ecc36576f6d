using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

public static class LibraryApi
{
    public static RouteGroupBuilder MapLibrary(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/library").WithTags("Library");
        group.MapGet("/", ListAsync).RequireAuthorization().WithSummary("Library items the caller may see, searched and filtered, 20 a page; coordinators may list by status.");
        group.MapGet("/{id:int}", GetAsync).RequireAuthorization().WithSummary("One library item with its rendered description and the caller's bookmark and read marks.");
        group.MapGet("/stats", StatsAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Read and bookmark counts per item, never who (coordinators).");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Adds a published item to the library (coordinators).");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Edits a library item (coordinators).");
        group.MapPost("/{id:int}/archive", (LibraryEditor e, int id, CancellationToken ct) => ArchiveAsync(e, id, true, ct)).RequireAuthorization(Roles.Coordinator).WithSummary("Archives an item: it leaves the library but is kept (coordinators).");
        group.MapPost("/{id:int}/restore", (LibraryEditor e, int id, CancellationToken ct) => ArchiveAsync(e, id, false, ct)).RequireAuthorization(Roles.Coordinator).WithSummary("Brings an archived item back (coordinators).");
        group.MapPost("/suggestions", SuggestAsync).RequireAuthorization().WithSummary("Suggests an item; it stays hidden from others until a coordinator publishes it.");
        group.MapPost("/{id:int}/review", ReviewAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Publishes or rejects (with a reason) a suggested item (coordinators).");
        group.MapPost("/{id:int}/bookmark", (LibraryEditor e, LibraryCatalog c, ClaimsPrincipal u, int id, CancellationToken ct) => MarkAsync(e.SetBookmarkAsync, c, u, id, true, ct)).RequireAuthorization().WithSummary("Bookmarks an item for the caller.");
        group.MapDelete("/{id:int}/bookmark", (LibraryEditor e, LibraryCatalog c, ClaimsPrincipal u, int id, CancellationToken ct) => MarkAsync(e.SetBookmarkAsync, c, u, id, false, ct)).RequireAuthorization().WithSummary("Removes the caller's bookmark.");
        group.MapPost("/{id:int}/read", (LibraryEditor e, LibraryCatalog c, ClaimsPrincipal u, int id, CancellationToken ct) => MarkAsync(e.SetReadAsync, c, u, id, true, ct)).RequireAuthorization().WithSummary("Marks an item read by the caller.");
        group.MapDelete("/{id:int}/read", (LibraryEditor e, LibraryCatalog c, ClaimsPrincipal u, int id, CancellationToken ct) => MarkAsync(e.SetReadAsync, c, u, id, false, ct)).RequireAuthorization().WithSummary("Unmarks an item read by the caller.");
        return group;
    }

    /// <summary>Published items the caller may see (mentors-only items need an accepted mentor application), paged by 20.
    /// Coordinators may pass <c>status</c> to list suggestions, rejected or archived items.</summary>
    private static async Task<Ok<PageResponse<LibraryItemResponse>>> ListAsync(LibraryCatalog catalog, ClaimsPrincipal user,
        string? q, LibraryKind? kind, string? language, Audience? audience, bool? evidenceBased, string? tag, bool? bookmarked,
        LibraryStatus? status, int? page, CancellationToken ct)
    {
        var reach = await catalog.ReachAsync(user, ct);
        var filter = new LibraryFilter(q, kind, language, audience, evidenceBased, tag, bookmarked == true, status);
        return TypedResults.Ok(await catalog.PageAsync(user.Id(), reach, filter, page, ct));
    }

    private static async Task<Results<Ok<LibraryItemResponse>, NotFound>> GetAsync(LibraryCatalog catalog, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var item = await catalog.GetAsync(id, user.Id(), await catalog.ReachAsync(user, ct), ct);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(item);
    }

    /// <summary>Read and bookmark counts per item: never who.</summary>
    private static async Task<Ok<PageResponse<LibraryStatsResponse>>> StatsAsync(LibraryCatalog catalog, LibraryStatus? status, int? page, CancellationToken ct) =>
        TypedResults.Ok(await catalog.StatsAsync(status, page, ct));

    private static async Task<Results<Created<LibraryItemResponse>, ValidationProblem>> CreateAsync(LibraryEditor editor, LibraryCatalog catalog,
        ClaimsPrincipal user, LibraryItemRequest request, CancellationToken ct)
    {
        var outcome = await editor.CreateAsync(request, ct);
        return await outcome.ToApiAsync(async id => TypedResults.Created($"/api/v1/library/{id}", (await catalog.GetAsync(id, user.Id(), await catalog.ReachAsync(user, ct), ct))!));
    }

    private static async Task<Results<Ok<LibraryItemResponse>, NotFound, ValidationProblem>> UpdateAsync(LibraryEditor editor, LibraryCatalog catalog,
        ClaimsPrincipal user, int id, LibraryItemRequest request, CancellationToken ct)
    {
        var outcome = await editor.UpdateAsync(id, request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await catalog.GetAsync(id, user.Id(), await catalog.ReachAsync(user, ct), ct))!));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ArchiveAsync(LibraryEditor editor, int id, bool archived, CancellationToken ct) =>
        (await editor.SetArchivedAsync(id, archived, ct)).ToApi(_ => TypedResults.NoContent());

    /// <summary>Any signed-in member may suggest an item; it stays hidden from others until a coordinator publishes it.</summary>
    private static async Task<Results<Created<LibraryItemResponse>, ValidationProblem>> SuggestAsync(LibraryEditor editor, LibraryCatalog catalog,
        ClaimsPrincipal user, LibraryItemRequest request, CancellationToken ct)
    {
        var outcome = await editor.SuggestAsync(user.Id(), request, ct);
        return await outcome.ToApiAsync(async id => TypedResults.Created($"/api/v1/library/{id}", (await catalog.GetAsync(id, user.Id(), await catalog.ReachAsync(user, ct), ct))!));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ReviewAsync(LibraryEditor editor, int id, LibraryReviewRequest request, CancellationToken ct) =>
        (await editor.ReviewAsync(id, request, ct)).ToApi(_ => TypedResults.NoContent());

    private static async Task<Results<NoContent, NotFound>> MarkAsync(Func<int, string, Reach, bool, CancellationToken, Task<bool>> mark,
        LibraryCatalog catalog, ClaimsPrincipal user, int id, bool on, CancellationToken ct) =>
        await mark(id, user.Id(), await catalog.ReachAsync(user, ct), on, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
