using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Every answer carries the browser's defences, and no page needs an inline script (which the policy would block,
/// and which is what injected markup would be).
/// </summary>
public sealed class SecurityHeadersTests
{
    private static void ShouldDefend(HttpResponseMessage response, string what)
    {
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scripts.ShouldNotContain("unsafe-inline", Case.Sensitive, what);
        scripts.ShouldNotContain("unsafe-eval", Case.Sensitive, what);
        csp.ShouldContain("frame-ancestors 'none'", Case.Sensitive, what);
        csp.ShouldContain("object-src 'none'", Case.Sensitive, what);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], what);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin", what);
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()", Case.Sensitive, what);
    }

    [Fact]
    public async Task PagesApiAnswersAndErrorsAllCarryTheHeaders()
    {
        using var factory = new TandemFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        ShouldDefend(await client.GetAsync("/"), "the home page");
        ShouldDefend(await client.GetAsync("/no-such-page"), "a 404 page");
        ShouldDefend(await client.GetAsync("/api/v1/me/pairs"), "an API 401");
        ShouldDefend(await client.GetAsync("/api/v1/library?page=abc"), "an API 400");
        ShouldDefend(await client.GetAsync("/css/site.css"), "a static file");
    }

    /// <summary>Every page without route values, as a coordinator and as a mentee on the demo: no inline script and
    /// no event-handler attribute, since the policy would stop them (the page would silently break).</summary>
    [Fact]
    public async Task NoPageHasAnInlineScriptOrEventHandler()
    {
        using var factory = new TandemFactory(extra: new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var coordinator = await factory.PageClientAsync("coordinator@tandem.local", DemoData.Password);
        var mentee = await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/Account/Log", StringComparison.Ordinal) && p != "/Error")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        pages.Count.ShouldBeGreaterThan(20);
        var problems = new List<string>();
        var read = 0;
        foreach (var page in pages)
        foreach (var client in new[] { coordinator, mentee })
        {
            using var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            read++;
            var document = await Pages.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            problems.AddRange(document.QuerySelectorAll("script:not([src])").Where(s => s.TextContent.Trim().Length > 0)
                .Select(s => $"{page}: inline script {s.TextContent.Trim()[..Math.Min(60, s.TextContent.Trim().Length)]}"));
            problems.AddRange(document.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{page}: <{e.LocalName} {a.Name}>")));
            problems.AddRange(document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Where(h => h.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)).Select(h => $"{page}: a javascript: link"));
        }
        read.ShouldBeGreaterThan(30);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProductionRedirectsToHttpsSendsHstsAndMarksCookiesSecure()
    {
        using var factory = new TandemFactory(environment: "Production", extra: new() { ["Https:Port"] = "443" });
        var plain = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://tandem.example") });
        var redirect = await plain.GetAsync("/Account/Login");
        redirect.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        redirect.Headers.Location!.ToString().ShouldStartWith("https://tandem.example/");
        // Probes reach each instance on plain http.
        (await plain.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var secure = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://tandem.example") });
        var login = await secure.GetAsync("/Account/Login");
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        ShouldDefend(login, "a Production page");
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class ApiAntiforgeryTests
{
    [Fact]
    public async Task ACookieSignedApiWriteNeedsThePagesTokenWhileABearerTokenDoesNot()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("cookie@example.com");
        var browser = await factory.PageClientAsync("cookie@example.com");
        var ct = TestContext.Current.CancellationToken;

        var forged = await browser.PutAsJsonAsync("/api/v1/me/language", new { language = "zh-Hans" }, ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "cookie@example.com").Select(u => u.Language).SingleAsync())).ShouldNotBe("zh-Hans");

        var page = await Pages.GetDocumentAsync(browser, "/Profiles/Edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var own = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/language") { Content = JsonContent.Create(new { language = "zh-Hans" }) };
        own.Headers.Add("RequestVerificationToken", token);
        (await browser.SendAsync(own, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var api = await factory.ApiClientAsync("cookie@example.com");
        (await api.PutAsJsonAsync("/api/v1/me/language", new { language = "en" }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "cookie@example.com").Select(u => u.Language).SingleAsync())).ShouldBe("en");
    }
}
