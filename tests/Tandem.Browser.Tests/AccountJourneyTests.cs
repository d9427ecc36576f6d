using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task ANewcomerRegistersConfirmsSignsInAndSwitchesToChinese()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Join", Exact = true }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Sun Yue");
        await page.GetByLabel("Email").FillAsync("sun.yue@example.com");
        await page.GetByLabel("Password").FillAsync("Journey-pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-email")).ToContainTextAsync("sun.yue@example.com");

        var mail = Outbox.Read(app.Factory.Outbox).Single(m => m.To == "sun.yue@example.com");
        var link = new Uri(LinkRegex().Match(mail.Body).Value);
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync();

        await app.SignInAsync(page, "sun.yue@example.com", "Journey-pass1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.Locator("#lang-switch").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await page.GotoAsync("/Account/ForgotPassword");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("忘记密码？");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkRegex();
}
