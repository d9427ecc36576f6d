using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Public;

/// <summary>What a visitor may see or do without an account.</summary>
public static class PublicApi
{
    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/overview", GetOverview).WithSummary("The program, its tracks, open and upcoming cohorts, membership and donations.");
        group.MapGet("/mentors", GetMentors).WithSummary("Published mentor profiles of a cohort (default: the open one), filtered, with facet counts, 24 a page.");
        group.MapGet("/mentors/{applicationId:int}", GetMentor).WithSummary("One published mentor profile.");
        group.MapPost("/contact", PostContact).WithSummary("Sends a message to the program's contact address (leave website empty).");
        return group;
    }

    /// <summary>The program, its tracks, the open and upcoming cohorts, membership and donations.</summary>
    private static async Task<Results<Ok<OverviewResponse>, NotFound>> GetOverview(ProgramOverview overview, CancellationToken ct) =>
        await overview.LoadAsync(ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    /// <summary>Published mentor profiles of one cohort (default: the open one), filtered, with facet counts; 24 per page.</summary>
    private static async Task<Ok<MentorsResponse>> GetMentors(MentorDirectory directory, int? cohortId, string? industry, string? expertise,
        string? language, string? q, int? page, CancellationToken ct) =>
        TypedResults.Ok(await directory.SearchAsync(new MentorQuery(cohortId, industry, expertise, language, q, page ?? 1), ct));

    private static async Task<Results<Ok<MentorCard>, NotFound>> GetMentor(MentorDirectory directory, int applicationId, CancellationToken ct) =>
        await directory.FindAsync(applicationId, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    /// <summary>Sends a message to the program's contact address. Leave <c>website</c> empty.</summary>
    private static async Task<Results<Ok<ContactResponse>, ValidationProblem>> PostContact(ContactMessages contact, ContactRequest request, CancellationToken ct) =>
        (await contact.SendAsync(request, ct)).ToApi(sent => TypedResults.Ok(sent));
}
