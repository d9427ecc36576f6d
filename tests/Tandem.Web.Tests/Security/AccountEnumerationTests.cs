using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>Register, sign-in, forgot password and resend confirmation answer the same whether or not an address has
/// an account; only the address's owner hears that someone used it.</summary>
public sealed class AccountEnumerationTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task RegisteringATakenAddressOnThePageLooksLikeANewRegistrationAndTellsTheOwner()
    {
        await factory.CreateUserAsync("taken@example.com");
        var answers = new List<(HttpStatusCode Status, bool CheckEmail, int Errors)>();
        foreach (var address in new[] { "taken@example.com", "fresh@example.com" })
        {
            var response = await Pages.PostFormAsync(Browser(), "/Account/Register", new()
            {
                ["Input.DisplayName"] = "Someone", ["Input.Email"] = address, ["Input.Password"] = "Secret-pass1",
            });
            var page = await Pages.ParseAsync(await response.Content.ReadAsStringAsync());
            answers.Add((response.StatusCode, page.QuerySelector("#check-email") is not null, Pages.Errors(page).Count));
        }
        answers[0].ShouldBe(answers[1]);
        answers[0].ShouldBe((HttpStatusCode.OK, true, 0));
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "taken@example.com"))).ShouldBe(1);
        var mail = await factory.MailAsync();
        mail.Single(m => m.To == "taken@example.com").Body.ShouldContain("/Account/ResetPassword");
        mail.Single(m => m.To == "fresh@example.com").Body.ShouldContain("/Account/ConfirmEmail");
    }

    [Fact]
    public async Task TheApiAnswersRegisterSignInForgotAndResendTheSameForKnownAndUnknownAddresses()
    {
        await factory.CreateUserAsync("known@example.com");
        var api = factory.CreateClient();
        async Task<(HttpStatusCode, string)> Send(string url, object body)
        {
            var response = await api.PostAsJsonAsync(url, body);
            // Each answer's trace id is its own; everything else must match.
            return (response.StatusCode, System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", ""));
        }
        (await Send("/api/v1/account/register", new { email = "known@example.com", password = "Secret-pass1" }))
            .ShouldBe(await Send("/api/v1/account/register", new { email = "unknown@example.com", password = "Secret-pass1" }));
        (await Send("/api/v1/account/login", new { email = "known@example.com", password = "Wrong-pass1" }))
            .ShouldBe(await Send("/api/v1/account/login", new { email = "nobody@example.com", password = "Wrong-pass1" }));
        (await Send("/api/v1/account/forgotPassword", new { email = "known@example.com" }))
            .ShouldBe(await Send("/api/v1/account/forgotPassword", new { email = "nobody@example.com" }));
        (await Send("/api/v1/account/resendConfirmationEmail", new { email = "known@example.com" }))
            .ShouldBe(await Send("/api/v1/account/resendConfirmationEmail", new { email = "nobody@example.com" }));
        // A weak password is still explained: that says nothing about who is a member.
        (await api.PostAsJsonAsync("/api/v1/account/register", new { email = "known@example.com", password = "short" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "known@example.com"))).ShouldBe(1);
    }

    [Fact]
    public async Task TheSignInPageGivesTheSameMessageForAnUnknownAddressAndAWrongPassword()
    {
        await factory.CreateUserAsync("member@example.com");
        async Task<IReadOnlyList<string>> Errors(string address)
        {
            var response = await Pages.PostFormAsync(Browser(), "/Account/Login", new() { ["Input.Email"] = address, ["Input.Password"] = "Wrong-pass1" });
            return Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()));
        }
        (await Errors("member@example.com")).ShouldBe(await Errors("stranger@example.com"));
    }
}
