using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tandem.Web.Features.Faq;

/// <summary>
/// FAQ answers are Markdown. Raw HTML is disabled (shown escaped, never rendered: HtmlSanitizer is not
/// available here), and links may only point to http(s), mailto or this site, so no javascript: URLs.
/// </summary>
public static class FaqMarkdown
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

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        if (u.StartsWith('/') || u.StartsWith('#')) return !u.StartsWith("//", StringComparison.Ordinal);
        return u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
               || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
