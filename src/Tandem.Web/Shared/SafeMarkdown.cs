using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tandem.Web.Shared;

/// <summary>
/// Markdown written by members and coordinators (FAQ answers, library descriptions, workbook instructions).
/// Raw HTML is disabled (shown escaped, never rendered: HtmlSanitizer is not available here) and links may
/// only point to http(s), mailto or this site, so no javascript: URLs.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>True for an absolute http or https URL (what a resource link must be).</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        if (u.StartsWith('/') || u.StartsWith('#')) return !u.StartsWith("//", StringComparison.Ordinal);
        return u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
               || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
