using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Tandem.Web.Shared.Observability;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Observability;

public sealed class MetricsTests
{
    [Fact]
    public async Task AfterARequestAndAnEmailMetricsShowRequestDurationByRouteTheDatabaseTheRuntimeAndEmailsSent()
    {
        using var factory = new TandemFactory();
        var client = factory.CreateClient();
        (await client.GetAsync("/Faq", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email = "new@example.com", password = "Passw0rd-long-enough" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        Outbox.Read(factory.Outbox).ShouldHaveSingleItem();

        var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n');

        lines.ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_bucket{") && l.Contains("http_route=\"Faq\"") && l.Contains("http_response_status_code=\"200\""));
        lines.ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_count{") && l.Contains("http_route=\"/api/v1/account/register\""));
        lines.ShouldContain(l => l.StartsWith("microsoft_entityframeworkcore_queries_total"));
        lines.ShouldContain(l => l.StartsWith("microsoft_entityframeworkcore_savechanges_total"));
        lines.ShouldContain(l => l.StartsWith("dotnet_gc_heap_total_allocated_bytes_total"));
        lines.ShouldContain(l => l.StartsWith("dotnet_process_memory_working_set_bytes"));
        lines.ShouldContain(l => l.StartsWith("tandem_emails_sent_total{") && l.Contains("tandem_email_delivery=\"pickup\""));
        lines.ShouldContain("# TYPE tandem_emails_sent_total counter");
        // The scrape itself and the probes are not counted as traffic.
        lines.ShouldNotContain(l => l.StartsWith("http_server_request_duration_seconds_count{") && l.Contains("http_route=\"/metrics\""));
    }

    [Fact]
    public async Task AMatchingRunIsCounted()
    {
        using var world = await Matching.MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        await Matching.MatchingWorld.RunAsync(await world.CoordinatorAsync(), small.Id);

        var metrics = await world.Factory.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        metrics.Split('\n').ShouldContain(l => l.StartsWith("tandem_matching_runs_total{"));
    }

    [Fact]
    public async Task InProductionMetricsAreNotServedUnlessConfigured()
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient();
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        metrics.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("http_server_request_duration");
    }

    [Theory]
    [InlineData("Production", null, null, "10.1.2.3", 8080, false)]
    [InlineData("Production", null, "10.0.0.0/8", "10.1.2.3", 8080, true)]
    [InlineData("Production", null, "10.0.0.0/8", "192.168.1.9", 8080, false)]
    [InlineData("Production", null, "10.0.0.0/8;127.0.0.1/32", "::ffff:127.0.0.1", 8080, true)]
    [InlineData("Production", "9464", null, "203.0.113.7", 9464, true)]
    [InlineData("Production", "9464", null, "10.1.2.3", 8080, false)]
    [InlineData("Production", "9464", "10.0.0.0/8", "203.0.113.7", 9464, false)]
    [InlineData("Production", "9464", "10.0.0.0/8", "10.1.2.3", 9464, true)]
    [InlineData("Development", null, null, "203.0.113.7", 5080, true)]
    [InlineData("Development", "9464", null, "203.0.113.7", 5080, false)]
    public void WhoMayReadMetrics(string environment, string? port, string? networks, string remote, int localPort, bool allowed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:Port"] = port, ["Metrics:AllowedNetworks"] = networks,
        }).Build();
        var access = new MetricsAccess(configuration, new Environment(environment));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Connection.LocalPort = localPort;
        access.Allows(context).ShouldBe(allowed);
    }

    [Fact]
    public void AMistypedNetworkStopsTheStartWithAClearMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = "10.0.0.0/8;intranet" }).Build();
        Should.Throw<InvalidOperationException>(() => new MetricsAccess(configuration, new Environment("Production")))
            .Message.ShouldContain("'intranet' is not a network");
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Tandem.Web";
        public string ContentRootPath { get; set; } = "/app";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>The app as it runs in Production, on a fresh SQLite folder of its own.</summary>
public sealed class ProductionFactory(Dictionary<string, string?>? extra = null) : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Data:Folder", folder);
        builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "outbox"));
        builder.UseSetting("App:PublicUrl", TandemFactory.PublicUrl);
        foreach (var (k, v) in extra ?? []) builder.UseSetting(k, v);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(folder)) Directory.Delete(folder, true);
    }
}
