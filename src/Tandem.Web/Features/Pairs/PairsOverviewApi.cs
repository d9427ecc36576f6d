using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pace;

namespace Tandem.Web.Features.Pairs;

/// <summary>The coordinator's overview of a cohort's pairs: pace and engagement facts, never private content.</summary>
public static class PairsOverviewApi
{
    public static RouteGroupBuilder MapPairsOverview(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts/{id:int}").WithTags("Pairs overview").RequireAuthorization(Roles.Coordinator);
        group.MapGet("/pairs", ListAsync).WithSummary("The cohort's pairs with pace and engagement facts, never private content; status filter, name search, 25 a page (coordinators).");
        group.MapGet("/pairs.csv", ExportAsync).WithSummary("The cohort's pairs overview as CSV (coordinators).").Produces<string>(StatusCodes.Status200OK, "text/csv");
        return group;
    }

    /// <summary>Pairs with pace (onTrack, behind, atRisk, notMetYet, completed, closedEarly), status filter, name search, 25 a page.</summary>
    private static async Task<Results<Ok<PairsOverviewPage>, NotFound>> ListAsync(
        int id, string? pace, string? status, string? q, int? page, PaceBoard board, CancellationToken ct) =>
        await board.PageAsync(id, new OverviewFilter(pace, status, q), page, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        int id, string? pace, string? status, string? q, PaceBoard board, CancellationToken ct) =>
        await board.CsvAsync(id, new OverviewFilter(pace, status, q), ct) is { } csv
            ? TypedResults.File(csv, "text/csv; charset=utf-8", "pairs.csv")
            : TypedResults.NotFound();
}
