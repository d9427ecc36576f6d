using Tandem.Web.Shared;

namespace Tandem.Web.Features.MyData;

/// <summary>GET /api/v1/me/data: the signed-in person's own data as a JSON file.</summary>
public static class MyDataApi
{
    public static RouteGroupBuilder MapMyData(this RouteGroupBuilder api)
    {
        api.MapGet("/me/data", DownloadAsync).WithTags("Account").RequireAuthorization()
            .WithSummary("Downloads everything Tandem holds about the signed-in person, as JSON.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return api;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, PersonalData data, TimeProvider clock, CancellationToken ct)
    {
        var export = await data.ExportAsync(http.User.Id(), ct);
        if (export is null) return TypedResults.NotFound();
        var name = $"tandem-my-data-{clock.GetUtcNow():yyyy-MM-dd}.json";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(PersonalData.Serialize(export)), "application/json", name);
    }
}
