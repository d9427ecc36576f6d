using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Observability;

namespace Tandem.Web.Tests.OpenApi;

public sealed partial class ApiDocumentTests : IClassFixture<ApiDocumentTests.App>
{
    public sealed class App : IDisposable
    {
        public TandemFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly TandemFactory factory;

    public ApiDocumentTests(App app) => factory = app.Factory;

    private async Task<JsonElement> DocumentAsync() =>
        await (await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).JsonAsync();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where method.Name is "get" or "post" or "put" or "delete" or "patch"
        select (path.Name, method.Name, method.Value);

    private IReadOnlyList<ApiDescription> Descriptions() =>
        factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();

    /// <summary>The document writes a route's parameters without their constraints: {id:int} is {id}.</summary>
    private static JsonElement Operation(JsonElement document, ApiDescription api) =>
        document.GetProperty("paths").GetProperty("/" + RouteConstraint().Replace(api.RelativePath!.TrimEnd('/'), "{$1}")).GetProperty(api.HttpMethod!.ToLowerInvariant());

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    [Fact]
    public async Task EveryOperationHasASummaryAndADescription()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(150);
        operations.Where(o => !o.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ShouldBeEmpty("operations without a summary");
        operations.Where(o => !o.Operation.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ShouldBeEmpty("operations without a description");
    }

    [Fact]
    public async Task EveryOperationDocumentsItsSuccessAnswer()
    {
        var document = await DocumentAsync();
        Operations(document)
            .Where(o => !o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')))
            .Select(o => $"{o.Method} {o.Path}").ShouldBeEmpty("operations without a 2xx response");
        var invite = document.GetProperty("paths").GetProperty("/Meetings/{id}/invite.ics").GetProperty("get");
        invite.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/calendar", out _).ShouldBeTrue();
        invite.GetProperty("description").GetString()!.ShouldContain("200 with `text/calendar`");
    }

    [Fact]
    public async Task BearerAndCookieAreDeclaredAndEveryProtectedOperationAsksForOneOfThem()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("Bearer").GetProperty("type").GetString().ShouldBe("http");
        schemes.GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("Cookie").GetProperty("in").GetString().ShouldBe("cookie");
        schemes.GetProperty("Cookie").GetProperty("name").GetString().ShouldBe(".AspNetCore.Identity.Application");

        var checkedProtected = 0;
        foreach (var api in Descriptions())
        {
            var metadata = api.ActionDescriptor.EndpointMetadata;
            var isProtected = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var operation = Operation(document, api);
            var name = $"{api.HttpMethod} /{api.RelativePath}";
            if (isProtected)
            {
                checkedProtected++;
                operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))
                    .ShouldBe(["Bearer", "Cookie"], ignoreOrder: true, name);
                var coordinatorsOnly = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == "Coordinator");
                operation.GetProperty("description").GetString()!.Contains("coordinators", StringComparison.Ordinal).ShouldBe(coordinatorsOnly, name);
            }
            else
            {
                operation.TryGetProperty("security", out _).ShouldBeFalse(name);
                operation.GetProperty("description").GetString()!.ShouldContain("no sign-in is needed", Case.Sensitive, name);
            }
        }
        checkedProtected.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task APairsContactLogDocumentsItsOwnBodyNotThePublicContactForm()
    {
        var document = await DocumentAsync();
        var pair = Body(document, "/api/v1/pairs/{id}/contacts");
        var contactForm = Body(document, "/api/v1/public/contact");
        pair.Ref.ShouldNotBe(contactForm.Ref);
        pair.Properties.ShouldBe(["at", "channel", "note"], ignoreOrder: true);
        contactForm.Properties.ShouldBe(["name", "email", "subject", "message", "website"], ignoreOrder: true);
    }

    /// <summary>The general form of the contact bug: every documented JSON body has exactly the properties of the type
    /// the endpoint binds, so no two types can share a schema again.</summary>
    [Fact]
    public async Task EveryDocumentedRequestBodyHasThePropertiesOfTheTypeTheEndpointBinds()
    {
        var document = await DocumentAsync();
        var compared = 0;
        foreach (var api in Descriptions())
        {
            var body = api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
            if (body is null || body.Type.IsPrimitive || body.Type == typeof(string) || body.Type.IsArray || body.Type.IsGenericType) continue;
            var operation = Operation(document, api);
            var schemaRef = Ref(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(schemaRef.Split('/')[^1]);
            var expected = body.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(expected, ignoreOrder: true, $"{api.HttpMethod} /{api.RelativePath} ({body.Type.FullName})");
            compared++;
        }
        compared.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task ScalarServesItsOwnScriptsAndReadsTheDocument()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/api/docs/", TestContext.Current.CancellationToken);
        var page = await Pages.ParseAsync(html);
        page.Title.ShouldBe("Tandem API");
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(s => !s.Contains("//"));
        foreach (var script in scripts)
        {
            var response = await client.GetAsync("/api/docs/" + script, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, script);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript", script);
        }
        html.ShouldContain("openapi/v1.json");
        html.ShouldContain("\"preferredSecurityScheme\":[\"Bearer\"]");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task InProductionTheReferenceIsServedOnlyWhenConfigured(string? setting, HttpStatusCode expected)
    {
        using var production = new ProductionFactory(setting is null ? null : new() { ["Api:Docs"] = setting });
        var client = production.CreateClient();
        (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The referenced schema; an optional body is written as oneOf null or the reference.</summary>
    private static string Ref(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var direct) ? direct.GetString()!
            : schema.GetProperty("oneOf").EnumerateArray().Single(s => s.TryGetProperty("$ref", out _)).GetProperty("$ref").GetString()!;

    private static (string Ref, List<string> Properties) Body(JsonElement document, string path)
    {
        var schemaRef = Ref(document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(schemaRef.Split('/')[^1]);
        return (schemaRef, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList());
    }
}
