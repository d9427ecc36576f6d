using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/cohorts/{id:int}/report", One).RequireAuthorization(Roles.Coordinator).WithTags("Reports")
            .WithSummary("A cohort's outcome report in aggregates (coordinators); pair-derived figures are null when fewer than 3 pairs stand behind them.");
        api.MapGet("/reports/cohorts", All).RequireAuthorization(Roles.Coordinator).WithTags("Reports")
            .WithSummary("The same measures for every cohort past its draft, oldest first (coordinators).");
        return api;
    }

    private static async Task<Results<Ok<CohortReport>, NotFound>> One(int id, CohortReports reports, CancellationToken ct) =>
        await reports.ReadAsync(id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<CohortReport>>> All(CohortReports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.CompareAsync(ct));
}
