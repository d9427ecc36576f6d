using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tandem.Web.Shared;

/// <summary>
/// Markdown written by members and coordinators (FAQ answers, library descriptions, workbook instructions). Markdig
/// renders it with raw HTML disabled (typed HTML is shown as text), then HtmlSanitizer cleans the result: whatever
/// Markdig node produced a link or an image (inline link, autolink, reference), only http(s), mailto and this site's
/// own addresses survive, and no script, event handler or style gets through.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    // Configured once and only read afterwards, which is how HtmlSanitizer may be shared between threads.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        foreach (var link in document.Descendants<AutolinkInline>())
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>True for an absolute http or https URL (what a resource link must be).</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("rel");
        // Markdown never produces these; a member must not be able to smuggle them in through some other node either.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "fieldset", "legend", "label", "datalist", "optgroup" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
