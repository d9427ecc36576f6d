using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tandem.Web.Data;

namespace Tandem.Web.Shared;

public sealed class DatabaseHealthCheck(TandemDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database reachable.")
            : HealthCheckResult.Unhealthy("Database unreachable.");
}
