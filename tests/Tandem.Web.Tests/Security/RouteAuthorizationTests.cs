using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Every route of the app, read from its endpoint table: a route for signed-in people turns an anonymous caller
/// away (401 from the API, the sign-in page for pages), a coordinators' route turns a member away (403, or the
/// access-denied page), and a route open to anyone must be on the list below, so a new route cannot be public by
/// accident. Finer rules (a pair's space is the pair's) are tested per feature, e.g. Pairs/AuthorizationMatrixTests.
/// </summary>
public sealed partial class RouteAuthorizationTests
{
    /// <summary>What anyone may reach without signing in.</summary>
    private static readonly HashSet<string> Public =
    [
        // Pages for visitors (a page answers GET and POST through its handlers).
        "GET /", "POST /", "GET /Index", "POST /Index", "GET /Error", "POST /Error", "GET /Faq", "POST /Faq", "GET /Faq/Index", "POST /Faq/Index",
        "GET /Public/Contact", "POST /Public/Contact", "GET /Public/Mentors", "POST /Public/Mentors",
        "GET /Public/Mentors/{applicationId:int}", "POST /Public/Mentors/{applicationId:int}",
        // Signing in, registering and recovering an account.
        "GET /Account/AccessDenied", "POST /Account/AccessDenied", "GET /Account/ConfirmEmail", "POST /Account/ConfirmEmail",
        "GET /Account/ForgotPassword", "POST /Account/ForgotPassword", "GET /Account/Login", "POST /Account/Login",
        "GET /Account/LoginWith2fa", "POST /Account/LoginWith2fa", "GET /Account/Logout", "POST /Account/Logout", "GET /Account/Register", "POST /Account/Register",
        "GET /Account/ResendConfirmation", "POST /Account/ResendConfirmation", "GET /Account/ResetPassword", "POST /Account/ResetPassword",
        "GET /api/v1/account/confirmEmail", "POST /api/v1/account/forgotPassword", "POST /api/v1/account/login", "POST /api/v1/account/refresh",
        "POST /api/v1/account/register", "POST /api/v1/account/resendConfirmationEmail", "POST /api/v1/account/resetPassword",
        // The program's public face through the API.
        "GET /api/v1/cohorts/", "GET /api/v1/cohorts/{id:int}", "GET /api/v1/faq/", "GET /api/v1/program/", "GET /api/v1/program/tracks",
        "GET /api/v1/public/mentors", "GET /api/v1/public/mentors/{applicationId:int}", "GET /api/v1/public/overview", "POST /api/v1/public/contact",
        // The API's own description (served in Production only when configured).
        "GET /api/docs/favicon.svg", "GET /api/docs/scalar.aspnetcore.js", "GET /api/docs/scalar.js", "GET /api/docs/{documentName?}",
        "GET /openapi/{documentName}.json",
        // A calendar feed is opened by its secret link; the language switch; probes and metrics for operators.
        "GET /calendar/{token}.ics", "GET /culture/{culture}", "GET /health", "GET /health/live", "GET /health/ready", "GET /metrics",
    ];

    private enum Access { Anyone, Member, Coordinator }

    private sealed record Route(string Method, string Pattern, Access Access, bool IsApi)
    {
        public string Key => $"{Method} {Pattern}";
        public string Url => "/" + Parameter().Replace(Pattern.TrimStart('/'), m => m.Groups["name"].Value is "token" or "culture" or "documentName" ? "x" : "1");
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();

    private static List<Route> Routes(TandemFactory factory)
    {
        factory.CreateClient().Dispose();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var metadata = e.Metadata;
                var rules = metadata.GetOrderedMetadata<IAuthorizeData>();
                var access = metadata.GetMetadata<IAllowAnonymous>() is not null || rules.Count == 0 ? Access.Anyone
                    : rules.Any(r => r.Policy == "Coordinator" || (r.Roles ?? "").Split(',').Contains("Coordinator")) ? Access.Coordinator
                    : Access.Member;
                var isPage = metadata.GetMetadata<PageActionDescriptor>() is not null;
                var methods = metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (isPage ? ["GET", "POST"] : ["GET"]);
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                return methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m => new Route(m, pattern, access, pattern.StartsWith("/api/", StringComparison.Ordinal)));
            })
            .DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task EveryRouteTurnsAwayWhoeverItIsNotFor()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("member@example.com");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var member = await factory.ApiClientAsync("member@example.com");
        var memberPages = await factory.PageClientAsync("member@example.com");
        var routes = Routes(factory);
        routes.Count.ShouldBeGreaterThan(200);

        var unlisted = routes.Where(r => r.Access == Access.Anyone && !Public.Contains(r.Key)).Select(r => $"\"{r.Key}\",").ToList();
        unlisted.ShouldBeEmpty("routes open to anyone that are not on the public list");
        Public.Where(k => routes.All(r => r.Key != k)).ShouldBeEmpty("listed public routes that no longer exist");

        var wrong = new List<string>();
        foreach (var route in routes.Where(r => r.Access != Access.Anyone))
        {
            using var stranger = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url), TestContext.Current.CancellationToken);
            Check(route, stranger, route.IsApi ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect, "/Account/Login", "anonymous", wrong);
            if (route.Access != Access.Coordinator) continue;
            using var plain = await (route.IsApi ? member : memberPages).SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url), TestContext.Current.CancellationToken);
            Check(route, plain, route.IsApi ? HttpStatusCode.Forbidden : HttpStatusCode.Redirect, "/Account/AccessDenied", "a member", wrong);
        }
        wrong.ShouldBeEmpty();
    }

    private static void Check(Route route, HttpResponseMessage response, HttpStatusCode expected, string redirect, string who, List<string> wrong)
    {
        if (response.StatusCode != expected)
            wrong.Add($"{route.Key} as {who}: {(int)response.StatusCode}, expected {(int)expected}");
        else if (expected == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains(redirect, StringComparison.Ordinal) != true)
            wrong.Add($"{route.Key} as {who}: redirected to {response.Headers.Location}, expected {redirect}");
    }
}
