using System.Net;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task HealthEndpointChecksTheDatabase(Db provider)
    {
        using var factory = new TandemFactory(provider);
        var response = await factory.CreateClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task UnknownApiRouteIsProblemDetails()
    {
        using var factory = new TandemFactory();
        var response = await factory.CreateClient().GetAsync("/api/v1/nothing-here");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task UnknownPageIsAFriendlyPage()
    {
        using var factory = new TandemFactory();
        var response = await factory.CreateClient().GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }
}
