using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>Changing the password or signing out everywhere ends the sign-ins made before: bearer and refresh tokens.</summary>
public sealed class SessionTests
{
    private static async Task<(HttpClient Client, string Refresh)> SignInAsync(TandemFactory factory, string email, string password)
    {
        var client = factory.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/account/login", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return (client, login.GetProperty("refreshToken").GetString()!);
    }

    [Fact]
    public async Task ChangingThePasswordRevokesEarlierBearerAndRefreshTokens()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("moving@example.com");
        var (laptop, laptopRefresh) = await SignInAsync(factory, "moving@example.com", TandemFactory.Password);
        var (phone, _) = await SignInAsync(factory, "moving@example.com", TandemFactory.Password);
        (await phone.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await laptop.PostAsJsonAsync("/api/v1/account/manage/info", new { oldPassword = TandemFactory.Password, newPassword = "A-new-passw0rd" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await phone.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = laptopRefresh })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (fresh, _) = await SignInAsync(factory, "moving@example.com", "A-new-passw0rd");
        (await fresh.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEveryTokenButNotTheAccount()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("careful@example.com");
        var (one, oneRefresh) = await SignInAsync(factory, "careful@example.com", TandemFactory.Password);
        var (two, _) = await SignInAsync(factory, "careful@example.com", TandemFactory.Password);
        (await one.PostAsync("/api/v1/me/sign-out-everywhere", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await one.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await two.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = oneRefresh })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (again, _) = await SignInAsync(factory, "careful@example.com", TandemFactory.Password);
        (await again.GetAsync("/api/v1/me/language")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
