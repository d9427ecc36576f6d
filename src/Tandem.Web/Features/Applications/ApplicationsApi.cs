using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>
/// An application's fields. <c>Role</c> is read only when submitting. <c>Availability</c> is a weekly
/// bitmask: bit (day*3 + part), Monday = day 0, morning/afternoon/evening = part 0/1/2.
/// </summary>
public sealed record ApplicationRequest(
    ApplicationRole Role = ApplicationRole.Mentee,
    int? TrackId = null,
    string? Flourish = null,
    string[]? FocusAreas = null,
    GenderPreference MentorGenderPreference = GenderPreference.Any,
    bool OpenToReverse = false,
    MentorOrigin MentorOrigin = MentorOrigin.Either,
    MeetingMode MeetingMode = MeetingMode.Either,
    int Availability = 0,
    string[]? Languages = null,
    int Capacity = 0,
    int[]? TracksServed = null,
    string[]? Expertise = null,
    string? Offer = null,
    bool PublicProfile = false)
{
    public ApplicationFields ToFields() => new(
        TrackId, Flourish, Tags(FocusAreas), MentorGenderPreference, OpenToReverse, MentorOrigin, MeetingMode, Availability,
        Tags(Languages), Capacity, TracksServed ?? [], Tags(Expertise), Offer, PublicProfile);

    private static IReadOnlyList<string> Tags(string[]? items) => TagList.Parse(TagList.Format(items));
}

public sealed record ApplicationResponse(
    int Id, int CohortId, string CohortName, string ApplicantName, ApplicationRole Role, ApplicationStatus Status, int? MembershipId,
    int? TrackId, string? Flourish, IReadOnlyList<string> FocusAreas, GenderPreference MentorGenderPreference, bool OpenToReverse,
    MentorOrigin MentorOrigin, MeetingMode MeetingMode, int Availability, IReadOnlyList<string> Languages, int Capacity,
    IReadOnlyList<int> TracksServed, IReadOnlyList<string> Expertise, string? Offer, bool PublicProfile, string? DecisionReason,
    DateTime SubmittedAt, DateTime UpdatedAt);

public sealed record MyApplicationResponse(
    int Id, int CohortId, string CohortName, ApplicationRole Role, ApplicationStatus Status, string? DecisionReason,
    DateTime SubmittedAt, bool CanEdit, bool CanWithdraw);

public sealed record DecisionRequest(Decision Decision, string? Reason);

public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        api.MapPost("/cohorts/{cohortId:int}/applications", SubmitAsync).WithTags("Applications").RequireAuthorization().WithSummary("Applies to a cohort as mentee or mentor; a refusal says why and what to do.");
        api.MapPost("/cohorts/{cohortId:int}/applications/bulk", BulkAsync).WithTags("Applications").RequireAuthorization(Roles.Coordinator)
            .WithSummary("Accepts, waitlists or declines many applications of a cohort with one reason: {ids, decision, reason, confirm}. Without confirm: true nothing changes and the answer lists what would be decided and what is refused (coordinators).");
        api.MapGet("/me/applications", MineAsync).WithTags("Applications").RequireAuthorization().WithSummary("The signed-in member's own applications.");
        api.MapGet("/applications.csv", ExportAsync).WithTags("Applications").RequireAuthorization(Roles.Coordinator).WithSummary("The filtered application list as CSV (coordinators).");

        var group = api.MapGroup("/applications").WithTags("Applications");
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Applications filtered and paged, 25 a page, newest first unless sort=oldest (coordinators).");
        group.MapGet("/{id:int}", GetAsync).RequireAuthorization().WithSummary("One application, for its owner or a coordinator.");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("The owner edits the application while it is submitted or waitlisted and the window is open.");
        group.MapPost("/{id:int}/withdraw", WithdrawAsync).RequireAuthorization().WithSummary("The owner withdraws the application before the cohort starts; its membership seat is freed.");
        group.MapPost("/{id:int}/decision", DecideAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Accepts, waitlists or declines an application; a decline needs a reason, which is emailed (coordinators).");
        return group;
    }

    /// <summary>Applies to a cohort as mentee or mentor; refusals say why and what to do.</summary>
    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem>> SubmitAsync(
        int cohortId, ApplicationRequest request, ClaimsPrincipal user, ApplicationCommands commands, TandemDb db, CancellationToken ct)
    {
        var outcome = await commands.SubmitAsync(user.Id(), cohortId, request.Role, request.ToFields(), ct);
        return await outcome.ToApiAsync(async a => TypedResults.Created($"/api/v1/applications/{a.Id}", await ReadAsync(db, a.Id, user.Id(), false, ct)));
    }

    private static async Task<Ok<List<MyApplicationResponse>>> MineAsync(ClaimsPrincipal user, ApplicationSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.MineAsync(user.Id(), ct));

    /// <summary>Coordinators: applications filtered and paged (25 by default, newest first unless sort=oldest).</summary>
    private static async Task<Ok<PageResponse<ApplicationListItem>>> ListAsync(
        [AsParameters] FilterQuery query, ApplicationSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.PageAsync(query.ToFilter(), query.Page, query.PageSize, ct));

    /// <summary>Coordinators: the filtered list as CSV.</summary>
    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] FilterQuery query, ApplicationSearch search, CancellationToken ct) =>
        TypedResults.File(await search.CsvAsync(query.ToFilter(), ct), "text/csv; charset=utf-8", "applications.csv");

    private static async Task<Results<Ok<ApplicationResponse>, NotFound>> GetAsync(int id, ClaimsPrincipal user, TandemDb db, CancellationToken ct) =>
        await ReadAsync(db, id, user.Id(), user.IsCoordinator(), ct) is { } response ? TypedResults.Ok(response) : TypedResults.NotFound();

    /// <summary>The owner edits the application while it is submitted or waitlisted and the window is open.</summary>
    private static async Task<Results<Ok<ApplicationResponse>, NotFound, ValidationProblem>> UpdateAsync(
        int id, ApplicationRequest request, ClaimsPrincipal user, ApplicationCommands commands, TandemDb db, CancellationToken ct) =>
        await Answer(await commands.UpdateAsync(id, user.Id(), request.ToFields(), ct), db, user, ct);

    /// <summary>The owner withdraws the application before the cohort starts; its membership seat is freed.</summary>
    private static async Task<Results<Ok<ApplicationResponse>, NotFound, ValidationProblem>> WithdrawAsync(
        int id, ClaimsPrincipal user, ApplicationCommands commands, TandemDb db, CancellationToken ct) =>
        await Answer(await commands.WithdrawAsync(id, user.Id(), ct), db, user, ct);

    /// <summary>Coordinators accept, waitlist or decline (with a reason, emailed to the applicant).</summary>
    private static async Task<Results<Ok<ApplicationResponse>, NotFound, ValidationProblem>> DecideAsync(
        int id, DecisionRequest request, ClaimsPrincipal user, ApplicationCommands commands, TandemDb db, CancellationToken ct) =>
        await Answer(await commands.DecideAsync(id, user.Id(), request.Decision, request.Reason, ct), db, user, ct);

    private static async Task<Results<Ok<BulkDecisionResponse>, NotFound, ValidationProblem>> BulkAsync(
        int cohortId, BulkDecisionRequest request, ClaimsPrincipal user, BulkDecisions bulk, CancellationToken ct) =>
        (await bulk.RunAsync(cohortId, user.Id(), request, ct)).ToApi(r => TypedResults.Ok(r));

    private static async Task<Results<Ok<ApplicationResponse>, NotFound, ValidationProblem>> Answer(
        Outcome<Application> outcome, TandemDb db, ClaimsPrincipal user, CancellationToken ct) =>
        await outcome.ToApiAsync(async a => TypedResults.Ok((await ReadAsync(db, a.Id, user.Id(), user.IsCoordinator(), ct))!));

    /// <summary>One application, for its owner or a coordinator; null for anyone else.</summary>
    internal static async Task<ApplicationResponse?> ReadAsync(TandemDb db, int id, string userId, bool coordinator, CancellationToken ct)
    {
        var row = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id && (coordinator || a.UserId == userId))
            .Select(a => new
            {
                a,
                Cohort = db.Cohorts.Where(c => c.Id == a.CohortId).Select(c => c.Name).First(),
                Name = db.Profiles.Where(p => p.UserId == a.UserId).Select(p => p.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var a = row.a;
        return new ApplicationResponse(a.Id, a.CohortId, row.Cohort, row.Name ?? "", a.Role, a.Status, a.MembershipId, a.TrackId, a.Flourish,
            TagList.Parse(a.FocusAreas), a.MentorGenderPreference, a.OpenToReverse, a.MentorOrigin, a.MeetingMode, a.Availability,
            TagList.Parse(a.Languages), a.Capacity, ApplicationSearch.TrackIds(a.TracksServed), TagList.Parse(a.Expertise), a.Offer,
            a.PublicProfile, a.DecisionReason, a.SubmittedAt, a.UpdatedAt);
    }
}

/// <summary>The list filters as query-string values; unknown values are ignored rather than refused.</summary>
public sealed record FilterQuery(
    [FromQuery(Name = "cohortId")] int? CohortId,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "role")] string? Role,
    [FromQuery(Name = "trackId")] int? TrackId,
    [FromQuery(Name = "seniority")] string? Seniority,
    [FromQuery(Name = "industry")] string? Industry,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public ApplicationFilter ToFilter() => ApplicationFilter.From(CohortId, Status, Role, TrackId, Seniority, Industry, Q, Sort);
}
