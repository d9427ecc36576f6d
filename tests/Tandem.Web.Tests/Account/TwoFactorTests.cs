using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Account;

/// <summary>
/// Two-factor sign-in end to end over HTTP: the page shows the key and its otpauth link, an authenticator (Otp.NET,
/// an independent RFC 6238 implementation) computes real codes from that key, and sign-in asks for one.
/// </summary>
public sealed class TwoFactorTests
{
    private static async Task<(HttpClient Browser, string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(TandemFactory factory, string email)
    {
        var browser = await factory.PageClientAsync(email);
        var page = await Pages.GetDocumentAsync(browser, "/Account/TwoFactor");
        var key = page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var uri = new Uri(page.QuerySelector("#otpauth-uri")!.GetAttribute("href")!);
        uri.Scheme.ShouldBe("otpauth");
        uri.Query.ShouldContain("secret=" + key);
        page.QuerySelector(".qr-code svg").ShouldNotBeNull();

        var wrong = await Pages.PostFormAsync(browser, "/Account/TwoFactor", new() { ["Code"] = "000000" }, handler: "Enable");
        Pages.Errors(await Pages.ParseAsync(await wrong.Content.ReadAsStringAsync())).ShouldContain("That code does not match. Enter the 6-digit code your app shows now.");
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email && u.TwoFactorEnabled))).ShouldBe(0);

        var on = await Pages.PostFormAsync(browser, "/Account/TwoFactor", new() { ["Code"] = Code(key) }, handler: "Enable");
        var shown = await Pages.ParseAsync(await on.Content.ReadAsStringAsync());
        var codes = shown.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email && u.TwoFactorEnabled))).ShouldBe(1);
        return (browser, key, codes);
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static async Task<HttpClient> PasswordStepAsync(TandemFactory factory, string email)
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var first = await Pages.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = TandemFactory.Password });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldStartWith("/Account/LoginWith2fa");
        // The password alone does not sign in.
        (await browser.GetAsync("/Account/TwoFactor")).Headers.Location!.ToString().ShouldContain("/Account/Login");
        return browser;
    }

    [Fact]
    public async Task AMemberTurnsOnTwoFactorAndThenSignsInWithTheCodeTheirAppComputes()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("careful@example.com");
        var (_, key, recovery) = await TurnOnAsync(factory, "careful@example.com");

        var browser = await PasswordStepAsync(factory, "careful@example.com");
        var refused = await Pages.PostFormAsync(browser, "/Account/LoginWith2fa", new() { ["Code"] = "123456" == Code(key) ? "654321" : "123456" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync()))
            .ShouldContain("That code is not right. Codes change every 30 seconds: enter the one shown now.");
        (await browser.GetAsync("/Account/TwoFactor")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a wrong code does not sign in");

        var signedIn = await Pages.PostFormAsync(browser, "/Account/LoginWith2fa", new() { ["Code"] = Code(key) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/Account/TwoFactor")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A recovery code signs in once.
        var lostPhone = await PasswordStepAsync(factory, "careful@example.com");
        (await Pages.PostFormAsync(lostPhone, "/Account/LoginWith2fa", new() { ["Code"] = recovery[0] })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await PasswordStepAsync(factory, "careful@example.com");
        (await Pages.PostFormAsync(again, "/Account/LoginWith2fa", new() { ["Code"] = recovery[0] })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheApiLoginAsksForTheCodeAndAcceptsOnlyTheRightOne()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("api.user@example.com");
        var (_, key, _) = await TurnOnAsync(factory, "api.user@example.com");
        var client = factory.CreateClient();
        var noCode = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "api.user@example.com", password = TandemFactory.Password });
        noCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await noCode.Content.ReadAsStringAsync()).ShouldContain("RequiresTwoFactor");
        var wrongCode = Code(key) == "111111" ? "222222" : "111111";
        (await client.PostAsJsonAsync("/api/v1/account/login", new { email = "api.user@example.com", password = TandemFactory.Password, twoFactorCode = wrongCode }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var ok = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "api.user@example.com", password = TandemFactory.Password, twoFactorCode = Code(key) });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task TurningItOffNeedsThePasswordAndThenThePasswordAloneSignsIn()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("relaxed@example.com");
        var (browser, _, _) = await TurnOnAsync(factory, "relaxed@example.com");
        var refused = await Pages.PostFormAsync(browser, "/Account/TwoFactor", new() { ["Password"] = "not-the-password" }, handler: "Disable");
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please enter your current password to turn two-factor sign-in off.");
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "relaxed@example.com" && u.TwoFactorEnabled))).ShouldBe(1);
        (await Pages.PostFormAsync(browser, "/Account/TwoFactor", new() { ["Password"] = TandemFactory.Password }, handler: "Disable")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "relaxed@example.com" && u.TwoFactorEnabled))).ShouldBe(0);
        await factory.PageClientAsync("relaxed@example.com");
    }

    [Fact]
    public async Task WhenTheProgramRequiresItACoordinatorIsSentToSetItUpFirst()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        await factory.CreateUserAsync("member@example.com");
        var coordinator = await factory.PageClientAsync("coord@example.com");
        var api = await factory.ApiClientAsync("coord@example.com");
        (await coordinator.GetAsync("/Programs/Edit")).StatusCode.ShouldBe(HttpStatusCode.OK, "not required yet");

        // The coordinator turns the setting on, on the program's settings page.
        var settings = await Pages.GetDocumentAsync(coordinator, "/Programs/Edit");
        var fields = settings.QuerySelectorAll("form input[name^='Input.'], form select[name^='Input.'], form textarea[name^='Input.']")
            .Where(e => e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked"))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().TagName == "TEXTAREA" ? g.First().TextContent
                : g.First().TagName == "SELECT" ? g.First().QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : g.First().GetAttribute("value") ?? "");
        fields["Input.RequireTwoFactorForCoordinators"] = "true";
        (await Pages.PostFormAsync(coordinator, "/Programs/Edit", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Programs.CountAsync(p => p.RequireTwoFactorForCoordinators))).ShouldBe(1);

        var sent = await coordinator.GetAsync("/Programs/Edit");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.ToString().ShouldStartWith("/Account/TwoFactor?required=true");
        var refused = await api.GetAsync("/api/v1/cohorts/1/hub");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Two-factor sign-in is required");
        // Members are not affected: their pages never needed the coordinator role.
        var member = await factory.PageClientAsync("member@example.com");
        (await member.GetAsync("/Profiles/Edit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var setup = await Pages.GetDocumentAsync(coordinator, "/Account/TwoFactor?required=true");
        setup.QuerySelector("#two-factor-required").ShouldNotBeNull();
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Pages.PostFormAsync(coordinator, "/Account/TwoFactor", new() { ["Code"] = Code(key) }, handler: "Enable");
        (await coordinator.GetAsync("/Programs/Edit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // While the program requires it, the coordinator cannot turn it off.
        await Pages.PostFormAsync(coordinator, "/Account/TwoFactor", new() { ["Password"] = TandemFactory.Password }, handler: "Disable");
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "coord@example.com" && u.TwoFactorEnabled))).ShouldBe(1);
    }
}
