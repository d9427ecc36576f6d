using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Guidance;

public static class GuidanceApi
{
    public static RouteGroupBuilder MapGuidance(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/guidance").WithTags("Guidance");
        group.MapGet("/", GetAsync).RequireAuthorization().WithSummary("The program's expectations of mentors and recommended evidence-based reading (mentors of an active cohort, coordinators).");
        return group;
    }

    /// <summary>The program's expectations and recommended (optional) evidence-based reading, for mentors of an active cohort and coordinators.</summary>
    private static async Task<Results<Ok<GuidanceResponse>, ForbidHttpResult>> GetAsync(MentorGuidance guidance, ClaimsPrincipal user, CancellationToken ct) =>
        await guidance.MayReadAsync(user.Id(), user.IsCoordinator(), ct) ? TypedResults.Ok(await guidance.ForAsync(user.Id(), ct)) : TypedResults.Forbid();
}
