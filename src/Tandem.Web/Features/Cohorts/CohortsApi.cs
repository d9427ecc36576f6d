using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

public sealed record CohortResponse(int Id, string Name, DateOnly ApplicationsOpenOn, DateOnly ApplicationsCloseOn, DateOnly StartsOn, DateOnly EndsOn, CohortStatus Status, int Version, string? NameZh = null)
{
    /// <summary>The name in the reader's language (Chinese when there is one on the Chinese UI).</summary>
    [JsonIgnore] public string Shown => Localized.Pick(Name, NameZh);
}

/// <summary>Engagement facts only: how many applications per role and status.</summary>
public sealed record ApplicationCount(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationRole>))] ApplicationRole Role,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))] ApplicationStatus Status,
    int Count);

public sealed record CohortDetailsResponse(CohortResponse Cohort, IReadOnlyList<ApplicationCount>? Applications);

/// <param name="Version">Optional: the version the caller last saw; a stale one is refused with 409.</param>
/// <param name="Confirm">true to take the step; without it the answer lists its consequences and warnings and nothing changes.</param>
public sealed record TransitionRequest(string? To, int? Version = null, bool? Confirm = null);

/// <summary>A transition's answer: <paramref name="Done"/> false is the preview (nothing changed; send it again with
/// "confirm": true), true is the step taken. Consequences and warnings are those shown before the step.</summary>
public sealed record TransitionResponse(
    bool Done, CohortResponse Cohort, [property: JsonConverter(typeof(JsonStringEnumConverter<CohortStatus>))] CohortStatus To,
    IReadOnlyList<string> Consequences, IReadOnlyList<StepWarning> Warnings);

public static class CohortsApi
{
    public const int PageSize = 20;

    public static RouteGroupBuilder MapCohorts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts").WithTags("Cohorts");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Cohorts, newest first (Draft ones only for coordinators).");
        group.MapGet("/{id:int}", Get).AllowAnonymous().WithSummary("One cohort; coordinators also get application counts.");
        group.MapGet("/{id:int}/hub", Hub).RequireAuthorization(Roles.Coordinator)
            .WithSummary("The cohort hub: phase, next step, applications by role and status, matching, pairs by pace, check-ins, feedback, webinars and events (coordinators).");
        group.MapPost("/", Create).RequireAuthorization(Roles.Coordinator).WithSummary("Creates a cohort in Draft.");
        group.MapPut("/{id:int}", Update).RequireAuthorization(Roles.Coordinator).WithSummary("Changes a cohort's name and dates.");
        group.MapPost("/{id:int}/transition", Transition).RequireAuthorization(Roles.Coordinator)
            .WithSummary("Moves a cohort to its next status (Draft → Open → Matching → Active → Closing → Closed) when \"confirm\" is true; without it, answers the step's consequences and warnings and changes nothing.");
        return group;
    }

    public static IQueryable<CohortResponse> Project(this IQueryable<Cohort> cohorts) =>
        cohorts.Select(c => new CohortResponse(c.Id, c.Name, c.ApplicationsOpenOn, c.ApplicationsCloseOn, c.StartsOn, c.EndsOn, c.Status, c.Version, c.NameZh));

    public static CohortResponse ToResponse(this Cohort c) => new(c.Id, c.Name, c.ApplicationsOpenOn, c.ApplicationsCloseOn, c.StartsOn, c.EndsOn, c.Status, c.Version, c.NameZh);

    /// <summary>The cohorts someone may see: coordinators all, everyone else all but drafts.</summary>
    public static IQueryable<Cohort> VisibleTo(this IQueryable<Cohort> cohorts, System.Security.Claims.ClaimsPrincipal user) =>
        user.IsCoordinator() ? cohorts : cohorts.Where(c => c.Status != CohortStatus.Draft);

    public static async Task<IReadOnlyList<ApplicationCount>> CountApplicationsAsync(TandemDb db, int cohortId, CancellationToken ct) =>
        await db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId)
            .GroupBy(a => new { a.Role, a.Status })
            .Select(g => new ApplicationCount(g.Key.Role, g.Key.Status, g.Count()))
            .ToListAsync(ct);

    /// <summary>The cohorts someone may see, newest first, one page; the list page shows the same.</summary>
    public static Task<PageResponse<CohortResponse>> PageAsync(TandemDb db, System.Security.Claims.ClaimsPrincipal user, CohortStatus? status, int? page, CancellationToken ct)
    {
        var query = db.Cohorts.AsNoTracking().VisibleTo(user);
        if (status is { } s) query = query.Where(c => c.Status == s);
        return query.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Project().ToPageAsync(page, PageSize, ct);
    }

    private static async Task<Results<Ok<PageResponse<CohortResponse>>, ValidationProblem>> List(HttpContext http, TandemDb db, CohortStatus? status, int? page, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(db, http.User, status, page, ct));

    private static async Task<Results<Ok<CohortDetailsResponse>, NotFound>> Get(int id, HttpContext http, TandemDb db, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().VisibleTo(http.User).Where(c => c.Id == id).Project().SingleOrDefaultAsync(ct);
        if (cohort is null) return TypedResults.NotFound();
        var counts = http.User.IsCoordinator() ? await CountApplicationsAsync(db, id, ct) : null;
        return TypedResults.Ok(new CohortDetailsResponse(cohort, counts));
    }

    private static async Task<Results<Ok<CohortHubResponse>, NotFound>> Hub(int id, CohortHub hub, CancellationToken ct) =>
        await hub.ReadAsync(id, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound();

    private static async Task<Results<Created<CohortResponse>, ValidationProblem>> Create(CohortRequest request, CohortEditor editor, CancellationToken ct) =>
        (await editor.CreateAsync(request, ct)).ToApi(c => TypedResults.Created($"/api/v1/cohorts/{c.Id}", c.ToResponse()));

    private static async Task<Results<Ok<CohortResponse>, NotFound, ValidationProblem>> Update(int id, CohortRequest request, CohortEditor editor, CancellationToken ct) =>
        (await editor.UpdateAsync(id, request, ct)).ToApi(c => TypedResults.Ok(c.ToResponse()));

    private static async Task<Results<Ok<TransitionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Transition(
        int id, TransitionRequest request, CohortTransitions transitions, TandemDb db, Microsoft.Extensions.Localization.IStringLocalizer<CohortsText> t, CancellationToken ct)
    {
        if (!Enum.TryParse<CohortStatus>(request.To, ignoreCase: true, out var to) || !Enum.IsDefined(to) || int.TryParse(request.To, out _))
            return Errors.One("To", t["Choose the status to move to: Open, Matching, Active, Closing or Closed."]).ToValidationProblem();
        var preview = await transitions.PreviewAsync(id, to, ct);
        if (preview.Refusal is not null || request.Confirm != true)
            return await preview.ToApiAsync(async p => TypedResults.Ok(new TransitionResponse(false,
                await db.Cohorts.AsNoTracking().Where(c => c.Id == id).Project().SingleAsync(ct), to, p.Step.Consequences, p.Step.Warnings)));
        var step = preview.Value!.Step;
        return (await transitions.MoveAsync(id, to, request.Version, ct))
            .ToApi(c => TypedResults.Ok(new TransitionResponse(true, c.ToResponse(), to, step.Consequences, step.Warnings)));
    }
}
