using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Members;

public static class MembersApi
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members").RequireAuthorization(Roles.Coordinator);
        group.MapGet("/", List).WithSummary("The member directory, searched by name, email, employer or industry; 25 a page (coordinators).");
        group.MapGet("/{userId}", One).WithSummary("A member's memberships, applications and pairs across cohorts: engagement facts only (coordinators).");
        return api;
    }

    private static async Task<Ok<PageResponse<MemberRow>>> List(string? q, int? page, MemberDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.SearchAsync(q, page, ct));

    private static async Task<Results<Ok<MemberDetails>, NotFound>> One(string userId, MemberDirectory directory, CancellationToken ct) =>
        await directory.ReadAsync(userId, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();
}
