using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Dashboard;

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", Get).RequireAuthorization(Roles.Coordinator).WithTags("Dashboard")
            .WithSummary("The program dashboard's figures: each cohort's report, membership fees per year, and the alerts inbox (coordinators).");
        return api;
    }

    private static async Task<Ok<DashboardResponse>> Get(ProgramDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.ReadAsync(ct));
}
