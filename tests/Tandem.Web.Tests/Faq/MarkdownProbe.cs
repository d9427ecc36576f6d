using AngleSharp.Dom;

namespace Tandem.Web.Tests.Faq;

/// <summary>Markdown a hostile member or coordinator might write (FAQ answers, library descriptions, workbook
/// instructions), and what the rendered page must and must not contain.</summary>
public static class MarkdownProbe
{
    public const string Text = """
        Autolinks <javascript:alert(1)> <JaVaScRiPt:alert(2)> <data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==> <vbscript:msgbox(4)>
        and links [inline](javascript:alert(5)) [entity](&#106;avascript:alert(6)) [reference][r] ![image](javascript:alert(7))
        and raw <a href="javascript:alert(8)" onclick="alert(9)">html</a> <img src=x onerror=alert(10)>

        - a [good link](https://example.com/ok) and <https://example.com/auto>
        - *emphasis* and **strong**
        - [the FAQ](/Faq)

        [r]: javascript:alert(11)
        """;

    private static readonly string[] Schemes = ["javascript:", "data:", "vbscript:"];

    /// <summary>Fails when a script URL or an event-handler attribute survived anywhere in the page, or when the
    /// ordinary Markdown inside <paramref name="rendered"/> stopped rendering.</summary>
    public static void ShouldBeSafeAndRendered(IDocument page, IElement rendered)
    {
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", Case.Insensitive, $"<{element.LocalName} {attribute.Name}> survived");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var url = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Schemes.ShouldNotContain(s => url.StartsWith(s, StringComparison.Ordinal), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> survived");
                }
            }
        }
        rendered.QuerySelectorAll("li").Length.ShouldBe(3);
        rendered.QuerySelector("em")!.TextContent.ShouldBe("emphasis");
        rendered.QuerySelector("strong")!.TextContent.ShouldBe("strong");
        rendered.QuerySelector("a[href='https://example.com/ok']")!.TextContent.ShouldBe("good link");
        rendered.QuerySelector("a[href='https://example.com/auto']").ShouldNotBeNull();
        rendered.QuerySelector("a[href='/Faq']")!.TextContent.ShouldBe("the FAQ");
        // Raw HTML is shown as text, never as elements.
        rendered.TextContent.ShouldContain("<a href=\"javascript:alert(8)\"");
        rendered.QuerySelector("img[src=x]").ShouldBeNull();
    }
}
