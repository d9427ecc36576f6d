using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Community;

public sealed class CommunityApiDocumentTests
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheCommunityRoutes()
    {
        using var factory = new TandemFactory();
        var json = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
                 {
                     "/api/v1/library", "/api/v1/library/{id}", "/api/v1/library/suggestions", "/api/v1/library/{id}/bookmark", "/api/v1/library/{id}/read",
                     "/api/v1/events", "/api/v1/events/{id}/rsvp", "/api/v1/events/{id}/attendance", "/api/v1/people/{userId}/engagement",
                     "/api/v1/webinars", "/api/v1/webinars/{id}/dilemmas", "/api/v1/dilemmas/{id}/solutions", "/api/v1/solutions/{id}/vote",
                     "/api/v1/solutions/{id}/helpful", "/api/v1/webinars/{id}/dilemmas.csv",
                     "/api/v1/workbooks", "/api/v1/workbooks/exercises/{id}/answer", "/api/v1/workbooks/sections/{id}/share", "/api/v1/workbooks/{id}/completion",
                     "/api/v1/guidance",
                 })
            paths.ShouldContain(p => p.TrimEnd('/') == path, path);
    }
}
