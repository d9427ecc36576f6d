using System.Net;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Localization;

public sealed class CultureTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task SwitchingToChineseIsRememberedAcrossPages()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await Pages.GetDocumentAsync(client, "/Account/Login")).QuerySelector("h1")!.TextContent.ShouldBe("Sign in");

        var switched = await client.GetAsync("/culture/zh-Hans?returnUrl=%2FAccount%2FLogin");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe("/Account/Login");

        var page = await Pages.GetDocumentAsync(client, "/Account/Login");
        page.QuerySelector("h1")!.TextContent.ShouldBe("登录");
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
        (await Pages.GetDocumentAsync(client, "/Account/Register")).QuerySelector("h1")!.TextContent.ShouldBe("加入 Tandem");
    }

    [Fact]
    public async Task ValidationMessagesFollowTheLanguage()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.GetAsync("/culture/zh-Hans");
        var response = await Pages.PostFormAsync(client, "/Account/Register", new() { ["Input.DisplayName"] = "", ["Input.Email"] = "", ["Input.Password"] = "" });
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).ShouldContain("请输入您的姓名。");
    }

    [Fact]
    public async Task TheCultureSwitchRefusesUnknownLanguagesAndForeignRedirects()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetAsync("/culture/fr")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A return address that is not a path on this site is refused with a 400 ProblemDetails, never followed.
        foreach (var offsite in new[] { "//evil.example.com/", "/%09/evil.example", "/\\evil.example", "https://evil.example/" })
        {
            var refused = await client.GetAsync("/culture/en?returnUrl=" + offsite);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, offsite);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", offsite);
        }
        (await client.GetAsync("/culture/en?returnUrl=/Faq")).Headers.Location!.ToString().ShouldBe("/Faq");
    }

    [Fact]
    public async Task ABrowserAskingForChineseGetsChinesePages()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await Pages.GetDocumentAsync(client, "/Account/Login");
        page.QuerySelector("h1")!.TextContent.ShouldBe("登录");
    }
}
