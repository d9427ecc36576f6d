using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Account;

public sealed partial class AccountTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task RegisteringSendsAConfirmationLinkAndSignInWaitsForIt()
    {
        var client = Browser();
        var response = await Pages.PostFormAsync(client, "/Account/Register", new()
        {
            ["Input.DisplayName"] = "Li Na", ["Input.Email"] = "li.na@example.com", ["Input.Password"] = "Secret-pass1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("#check-email").ShouldNotBeNull();

        var notYet = await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "li.na@example.com", ["Input.Password"] = "Secret-pass1" });
        Pages.Errors(await Pages.ParseAsync(await notYet.Content.ReadAsStringAsync())).ShouldContain("Please confirm your email address first; we can send the link again.");

        var mail = Outbox.Read(factory.Outbox).Single(m => m.To == "li.na@example.com");
        var link = LinkRegex().Match(mail.Body).Value;
        var confirm = await Pages.GetDocumentAsync(client, new Uri(link).PathAndQuery);
        confirm.QuerySelector("#confirmed").ShouldNotBeNull();

        var signedIn = await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "li.na@example.com", ["Input.Password"] = "Secret-pass1" });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Profiles.SingleAsync(p => p.DisplayName == "Li Na"))).ShouldNotBeNull();
    }

    [Fact]
    public async Task RegisteringWithAWeakPasswordShowsWhyAndCreatesNothing()
    {
        var response = await Pages.PostFormAsync(Browser(), "/Account/Register", new()
        {
            ["Input.DisplayName"] = "Weak", ["Input.Email"] = "weak@example.com", ["Input.Password"] = "short",
        });
        var errors = Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.ShouldContain("Passwords must be at least 8 characters.");
        (await factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TenWrongPasswordsLockTheAccount()
    {
        await factory.CreateUserAsync("lock@example.com");
        var client = Browser();
        // Rate limits are off here: this is the account's own last line against guessing from many addresses.
        for (var i = 0; i < 10; i++)
            await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lock@example.com", ["Input.Password"] = "wrong-password" });
        var response = await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lock@example.com", ["Input.Password"] = TandemFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()))
            .ShouldContain(e => e.StartsWith("This account is locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResetLinkChangesThePassword()
    {
        await factory.CreateUserAsync("reset@example.com");
        var client = Browser();
        await Pages.PostFormAsync(client, "/Account/ForgotPassword", new() { ["Email"] = "reset@example.com" });
        var link = new Uri(LinkRegex().Match(Outbox.Read(factory.Outbox).Single().Body).Value);
        var response = await Pages.PostFormAsync(client, link.PathAndQuery, new()
        {
            ["Input.Email"] = "reset@example.com", ["Input.Password"] = "Brand-new-pass9",
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
        });
        (await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("#reset-done").ShouldNotBeNull();
        (await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "reset@example.com", ["Input.Password"] = "Brand-new-pass9" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ForgotPasswordDoesNotRevealWhetherAnAccountExists()
    {
        var response = await Pages.PostFormAsync(Browser(), "/Account/ForgotPassword", new() { ["Email"] = "nobody@example.com" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Outbox.Read(factory.Outbox).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApiIssuesBearerTokensAndRefusesAnonymousCallersWithProblemDetails()
    {
        await factory.CreateUserAsync("api@example.com");
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/account/manage/info");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var client = await factory.ApiClientAsync("api@example.com");
        var info = await client.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/account/manage/info");
        info!["email"].ToString().ShouldBe("api@example.com");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkRegex();
}
