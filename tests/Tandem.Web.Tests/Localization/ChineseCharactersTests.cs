using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Tandem.Web.Features.Faq;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Public;

namespace Tandem.Web.Tests.Localization;

/// <summary>Chinese goes out as UTF-8 characters, not numeric entities; what is special to HTML is still encoded.</summary>
public sealed partial class ChineseCharactersTests : IDisposable
{
    private const string Probe = "<script>alert('你好')</script>如何申请？";
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AChinesePageCarriesItsCharactersAndStillEncodesAScriptInAChineseString()
    {
        await PublicData.ProgramAsync(factory);
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var coordinator = await factory.ApiClientAsync("coord@example.com");
        (await coordinator.PostAsJsonAsync("/api/v1/faq", new FaqRequest("How do I apply?", "Online.", Probe, "在线**申请**。"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var client = factory.CreateClient(new() { HandleCookies = true });
        await client.GetAsync("/culture/zh-Hans");
        var html = await client.GetStringAsync("/Faq");

        html.ShouldContain("常见问题");
        html.ShouldContain("在线<strong>申请</strong>。");
        CjkEntities(html).ShouldBeEmpty();
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(&#x27;你好&#x27;)&lt;/script&gt;如何申请？");
        (await Pages.ParseAsync(html)).QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain(Probe);
    }

    [Fact]
    public async Task TheJsonApiSendsChineseAsCharactersAndEscapesWhatIsSpecialToHtml()
    {
        await PublicData.ProgramAsync(factory);
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var coordinator = await factory.ApiClientAsync("coord@example.com");
        (await coordinator.PostAsJsonAsync("/api/v1/faq", new FaqRequest("How do I apply?", "Online.", Probe, "在线申请。"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var json = await coordinator.GetStringAsync("/api/v1/faq?culture=zh-Hans");
        json.ShouldContain("如何申请？");
        json.ShouldNotContain("\\u5982");
        json.ShouldNotContain("<script>");
        json.ShouldContain("\\u003Cscript\\u003E");
    }

    /// <summary>Numeric character references (hex or decimal) whose code point is Chinese or CJK punctuation.</summary>
    private static List<string> CjkEntities(string html) =>
        EntityRegex().Matches(html)
            .Where(m =>
            {
                var value = m.Groups["hex"].Success
                    ? int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture);
                return value is >= 0x3000 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF;
            })
            .Select(m => m.Value).ToList();

    [GeneratedRegex("&#(?:[xX](?<hex>[0-9a-fA-F]+)|(?<dec>[0-9]+));")]
    private static partial Regex EntityRegex();
}
