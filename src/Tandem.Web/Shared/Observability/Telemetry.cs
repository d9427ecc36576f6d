using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tandem.Web.Shared.Observability;

/// <summary>
/// Metrics for Prometheus on /metrics (requests by route, EF Core and Npgsql, the .NET runtime, Tandem's own counters);
/// traces to an OpenTelemetry collector only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; health split into
/// live (the process answers) and ready (the database answers). JSON console logs in Production come from
/// appsettings.Production.json. See docs/operations.md.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "Tandem.Web";

    public static void AddTandemTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                // Built into EF Core (contexts, queries, saves, concurrency failures) and Npgsql (command durations, pool).
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql", TandemMetrics.MeterName)
                .AddPrometheusExporter());
        // The exporter reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings itself.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/metrics") && !ctx.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());

        builder.Services.AddSingleton<MetricsAccess>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
    }

    private const string Ready = "ready";

    public static void MapTandemTelemetry(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (ctx, next) =>
        {
            if (access.Allows(ctx)) await next(ctx);
            else ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null);
        metrics.DisableHttpMetrics();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).DisableHttpMetrics();
        // Load balancers configured before the split point here: it answers as ready.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).DisableHttpMetrics();
    }
}
