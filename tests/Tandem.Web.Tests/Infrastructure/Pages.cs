using AngleSharp;
using AngleSharp.Dom;

namespace Tandem.Web.Tests.Infrastructure;

/// <summary>Reads pages with a real HTML parser and posts forms with their antiforgery token.</summary>
public static class Pages
{
    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return await ParseAsync(html);
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));

    /// <summary>GETs the page, takes the antiforgery token from its first form with that token, and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await GetDocumentAsync(client, url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        var target = handler is null ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(target, new FormUrlEncodedContent(form));
    }

    /// <summary>The texts of the page's validation summary and field errors.</summary>
    public static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll("#form-errors li, .field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
}
