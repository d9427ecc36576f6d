using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Account;

/// <summary>Each person's language is stored, follows them to every device, and is the one their emails speak.</summary>
public sealed partial class LanguageTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private Task<string?> LanguageOfAsync(string email) =>
        factory.WithDbAsync(d => d.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());

    [Fact]
    public async Task RegisteringInChineseStoresChineseAndTheConfirmationIsChineseWithALinkOnThePublicAddress()
    {
        var client = Browser();
        await client.GetAsync("/culture/zh-Hans");
        // A forged Host header must not reach the link in the email.
        client.DefaultRequestHeaders.Host = "evil.example";
        await Pages.PostFormAsync(client, "/Account/Register", new()
        {
            ["Input.DisplayName"] = "Zhou Xin", ["Input.Email"] = "zhou.xin@example.com", ["Input.Password"] = "Secret-pass1",
        });

        (await LanguageOfAsync("zhou.xin@example.com")).ShouldBe("zh-Hans");
        var mail = Outbox.Read(factory.Outbox).Single(m => m.To == "zhou.xin@example.com");
        mail.Subject.ShouldBe("确认您的 Tandem 账户");
        mail.Body.ShouldContain("请打开以下链接确认您的账户");
        mail.Body.ShouldNotContain("Please confirm");
        var link = LinkRegex().Match(mail.Body).Value;
        link.ShouldStartWith(TandemFactory.PublicUrl + "/Account/ConfirmEmail?");
        mail.Body.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task RegisteringThroughTheApiStoresTheLanguageTheRequestAskedFor()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email = "api.zh@example.com", password = "Secret-pass1" })).EnsureSuccessStatusCode();

        (await LanguageOfAsync("api.zh@example.com")).ShouldBe("zh-Hans");
        var mail = Outbox.Read(factory.Outbox).Single(m => m.To == "api.zh@example.com");
        mail.Subject.ShouldBe("确认您的 Tandem 账户");
        LinkRegex().Match(mail.Body).Value.ShouldStartWith(TandemFactory.PublicUrl + "/");
    }

    [Fact]
    public async Task APasswordResetAskedForFromAnEnglishPageIsWrittenInThePersonsStoredLanguage()
    {
        await factory.CreateUserAsync("reset.zh@example.com");
        await factory.WithDbAsync(d => d.Users.Where(u => u.Email == "reset.zh@example.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "zh-Hans")));
        await Pages.PostFormAsync(Browser(), "/Account/ForgotPassword", new() { ["Email"] = "reset.zh@example.com" });

        var mail = Outbox.Read(factory.Outbox).Single();
        mail.Subject.ShouldBe("重置 Tandem 密码");
        LinkRegex().Match(mail.Body).Value.ShouldStartWith(TandemFactory.PublicUrl + "/Account/ResetPassword?");
    }

    [Fact]
    public async Task SwitchingLanguageWhileSignedInIsStoredAndSigningInElsewhereBringsItBack()
    {
        await factory.CreateUserAsync("switch@example.com");
        (await LanguageOfAsync("switch@example.com")).ShouldBe("en");
        var laptop = await factory.PageClientAsync("switch@example.com");
        (await laptop.GetAsync("/culture/zh-Hans?returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LanguageOfAsync("switch@example.com")).ShouldBe("zh-Hans");

        // A new device: no culture cookie, an English browser; signing in restores Chinese.
        var phone = Browser();
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var signIn = await Pages.PostFormAsync(phone, "/Account/Login", new() { ["Input.Email"] = "switch@example.com", ["Input.Password"] = TandemFactory.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dzh-Hans", StringComparison.Ordinal));
        (await Pages.GetDocumentAsync(phone, "/Notifications")).DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");

        // Switching while signed out changes the cookie only.
        var anonymous = Browser();
        (await anonymous.GetAsync("/culture/en")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LanguageOfAsync("switch@example.com")).ShouldBe("zh-Hans");
    }

    [Fact]
    public async Task TheProfilePageSetsTheLanguageAndAnswersInIt()
    {
        await factory.CreateUserAsync("profile.lang@example.com");
        var client = await factory.PageClientAsync("profile.lang@example.com");
        var page = await Pages.GetDocumentAsync(client, "/Profiles/Edit");
        page.QuerySelector("#language-choice option[selected]")!.GetAttribute("value").ShouldBe("en");

        var saved = await Pages.PostFormAsync(client, "/Profiles/Edit", new() { ["language"] = "zh-Hans" }, handler: "Language");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LanguageOfAsync("profile.lang@example.com")).ShouldBe("zh-Hans");
        var after = await Pages.GetDocumentAsync(client, "/Profiles/Edit");
        after.DocumentElement.GetAttribute("lang").ShouldBe("zh-Hans");
        after.QuerySelector("#language-choice option[selected]")!.GetAttribute("value").ShouldBe("zh-Hans");
        after.Body!.TextContent.ShouldContain("您的语言已保存。");

        var refused = await Pages.PostFormAsync(client, "/Profiles/Edit", new() { ["language"] = "fr" }, handler: "Language");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("请选择 English (en) 或简体中文 (zh-Hans)。");
        (await LanguageOfAsync("profile.lang@example.com")).ShouldBe("zh-Hans");
    }

    [Fact]
    public async Task TheApiReadsAndSetsTheLanguageAndRefusesOthers()
    {
        await factory.CreateUserAsync("api.lang@example.com");
        var api = await factory.ApiClientAsync("api.lang@example.com");
        (await (await api.GetAsync("/api/v1/me/language")).JsonAsync()).GetProperty("language").GetString().ShouldBe("en");

        var put = await api.PutAsJsonAsync("/api/v1/me/language", new { language = "ZH-hans" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.JsonAsync()).GetProperty("language").GetString().ShouldBe("zh-Hans");
        (await LanguageOfAsync("api.lang@example.com")).ShouldBe("zh-Hans");

        var refused = await api.PutAsJsonAsync("/api/v1/me/language", new { language = "fr" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorFieldsAsync()).ShouldBe(["Language"]);
        (await LanguageOfAsync("api.lang@example.com")).ShouldBe("zh-Hans");

        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync("/api/v1/me/language", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkRegex();
}
