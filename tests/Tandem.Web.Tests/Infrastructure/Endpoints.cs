using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Tandem.Web.Tests.Infrastructure;

/// <summary>
/// Reads the app's own endpoint table, so an access test can first prove that the URL it calls exists:
/// otherwise a 404 from a mistyped route would pass for "the door is shut".
/// </summary>
public static class Endpoints
{
    public static bool Maps(this TandemFactory factory, string method, string url) => Matching(factory, method, url).Any();

    /// <summary>Whether a Razor page at this URL has a handler for the method and the URL's <c>?handler=</c>:
    /// a page answers an unknown handler by rendering itself, so a typo there would otherwise go unnoticed.</summary>
    public static async Task<bool> PageHandlesAsync(this TandemFactory factory, string method, string url)
    {
        var query = url.Contains('?', StringComparison.Ordinal) ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url[url.IndexOf('?', StringComparison.Ordinal)..]) : [];
        var handler = query.TryGetValue("handler", out var h) ? h.ToString() : null;
        var loader = factory.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in Matching(factory, method, url))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            if (compiled.HandlerMethods.Any(m => string.Equals(m.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && string.Equals(m.Name, handler, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private static IEnumerable<RouteEndpoint> Matching(TandemFactory factory, string method, string url)
    {
        factory.CreateClient().Dispose(); // starts the server, so the endpoint table is built
        var path = url.Split('?')[0];
        var constraints = factory.Services.GetRequiredService<IInlineConstraintResolver>();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e =>
        {
            // Razor pages carry no method metadata: they answer GET and POST through their handlers.
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            if (!methods.Contains(method, StringComparer.OrdinalIgnoreCase)) return false;
            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText ?? ""), []).TryMatch(path, values)) return false;
            // The matcher ignores constraints, and "/applications/mine" must not pass for "/applications/{id:int}".
            return e.RoutePattern.Parameters.All(p => p.ParameterPolicies.All(policy =>
                policy.Content is null || constraints.ResolveConstraint(policy.Content) is not { } c
                || c.Match(null, null, p.Name, values, RouteDirection.IncomingRequest)));
        });
    }

    public static void ShouldMap(this TandemFactory factory, string method, string url) =>
        factory.Maps(method, url).ShouldBeTrue($"{method} {url} is not a route of the app, so a refusal there would prove nothing");
}
