using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Web.Tests.Infrastructure;

/// <summary>Small helpers for reading API answers as JSON.</summary>
public static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    /// <summary>The field names of an RFC 9457 ValidationProblem's errors.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var json = await response.JsonAsync();
        return json.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static async Task<string> ErrorTextAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return string.Join(" ", json.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString())));
    }

    public static HttpClient Anonymous(this TandemFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
