using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Observability;

/// <summary>Traces go to an OTLP collector only when OTEL_EXPORTER_OTLP_ENDPOINT is set; here a real HTTP endpoint
/// stands in for the collector and receives what the exporter posts.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task WithAnOtlpEndpointRequestAndDatabaseSpansReachTheCollector()
    {
        await using var collector = await Collector.StartAsync();
        using var factory = new TandemFactory(extra: new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address, ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        var client = factory.CreateClient();
        (await client.GetAsync("/Faq", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Activity listeners are process-wide: these two markers prove the spans are this app's, not another test host's.
        var probe = "/api/v1/trace-probe-" + Guid.NewGuid().ToString("N");
        (await client.GetAsync(probe, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var database = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var databaseFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database).DataSource;

        // The batch processor exports every 200 ms; wait (bounded) until the collector has both spans.
        var text = await collector.WaitForAsync(t => t.Contains(probe, StringComparison.Ordinal) && t.Contains(databaseFile, StringComparison.Ordinal));

        collector.Received.ShouldAllBe(b => b.Path == "/v1/traces" && b.ContentType == "application/x-protobuf");
        // OTLP is protobuf; its strings (service name, span names, attributes) travel as UTF-8.
        text.ShouldContain("Tandem.Web");
        text.ShouldContain("OpenTelemetry.Instrumentation.EntityFrameworkCore");
        text.ShouldContain("FROM \"FaqEntries\"");
    }

    [Fact]
    public void WithoutAnOtlpEndpointNoTracesAreCollected()
    {
        using var factory = new TandemFactory();
        factory.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    private sealed class Collector : IAsyncDisposable
    {
        public sealed record Batch(string Path, string? ContentType, byte[] Body);

        private readonly WebApplication app;
        private readonly Lock gate = new();
        private readonly List<(Func<string, bool> Done, TaskCompletionSource<string> Signal)> waiters = [];

        private Collector(WebApplication app) => this.app = app;

        public ConcurrentQueue<Batch> Received { get; } = new();
        public string Address => app.Urls.Single();

        /// <summary>Completes with everything received so far once it satisfies <paramref name="done"/>; fails after 60 s.</summary>
        public Task<string> WaitForAsync(Func<string, bool> done)
        {
            var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate)
            {
                var text = Text();
                if (done(text)) return Task.FromResult(text);
                waiters.Add((done, signal));
            }
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        private string Text() => string.Concat(Received.Select(b => Encoding.UTF8.GetString(b.Body)));

        private void Add(Batch batch)
        {
            lock (gate)
            {
                Received.Enqueue(batch);
                var text = Text();
                foreach (var w in waiters.Where(w => w.Done(text)).ToList())
                {
                    waiters.Remove(w);
                    w.Signal.SetResult(text);
                }
            }
        }

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new Collector(app);
            app.MapPost("/v1/{signal}", async (HttpContext ctx) =>
            {
                using var body = new MemoryStream();
                await ctx.Request.Body.CopyToAsync(body);
                collector.Add(new Batch(ctx.Request.Path, ctx.Request.ContentType, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
