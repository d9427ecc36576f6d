using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Account;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// The rate limits with their real defaults: sign-in, the account emails, the contact form (per caller address) and
/// each person's writes. A refused request is a 429 with Retry-After, and changes nothing.
/// </summary>
public sealed class RateLimitTests
{
    private static TandemFactory Factory(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return new TandemFactory(extra: settings, services: CallerAddress.AddTo);
    }

    private static HttpClient From(TandemFactory factory, string ip) => CallerAddress.From(factory, ip);

    private static async Task ShouldBeLimitedAsync(HttpResponseMessage response, bool api)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        if (api)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            problem.GetProperty("status").GetInt32().ShouldBe(429);
        }
    }

    [Fact]
    public async Task AStrangerFailingSomeonesPasswordIsStoppedBeforeTheAccountLocksAndThePersonStillSignsIn()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("known@example.com");
        var stranger = From(factory, "203.0.113.7");
        var login = new { email = "known@example.com", password = "wrong-password" };
        for (var i = 0; i < 5; i++)
            (await stranger.PostAsJsonAsync("/api/v1/account/login", login)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 20; i++)
            await ShouldBeLimitedAsync(await stranger.PostAsJsonAsync("/api/v1/account/login", login), api: true);
        // Nor does the sign-in page give the stranger a second counter.
        var page = await Pages.PostFormAsync(stranger, "/Account/Login", new() { ["Input.Email"] = "known@example.com", ["Input.Password"] = TandemFactory.Password });
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        page.Headers.RetryAfter.ShouldNotBeNull();

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var known = (await users.FindByEmailAsync("known@example.com"))!;
            (await users.IsLockedOutAsync(known)).ShouldBeFalse();
            (await users.GetAccessFailedCountAsync(known)).ShouldBeLessThan(10);
        }
        var owner = From(factory, "198.51.100.20");
        var signIn = await Pages.PostFormAsync(owner, "/Account/Login", new() { ["Input.Email"] = "known@example.com", ["Input.Password"] = TandemFactory.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PasswordResetEmailsCannotBeFloodedFromOneAddress()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("flood@example.com");
        var caller = From(factory, "203.0.113.8");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            statuses.Add((await caller.PostAsJsonAsync("/api/v1/account/forgotPassword", new { email = "flood@example.com" })).StatusCode);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        await ShouldBeLimitedAsync(await caller.PostAsJsonAsync("/api/v1/account/resendConfirmationEmail", new { email = "flood@example.com" }), api: true);
        (await factory.MailAsync()).Count(m => m.To.Contains("flood@example.com", StringComparison.OrdinalIgnoreCase)).ShouldBe(5);
    }

    [Fact]
    public async Task TheContactFormSendsThreeMessagesAnHourFromOneAddressNotTwenty()
    {
        using var factory = Factory(new() { ["Demo:Seed"] = "true" });
        var caller = From(factory, "203.0.113.9");
        var message = new { name = "Visitor", email = "visitor@example.com", subject = "Hello", message = "A question about the program.", website = "" };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) statuses.Add((await caller.PostAsJsonAsync("/api/v1/public/contact", message)).StatusCode);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(3);
        await ShouldBeLimitedAsync(await caller.PostAsJsonAsync("/api/v1/public/contact", message), api: true);
        (await factory.MailAsync()).Count(m => m.Subject.Contains("[Tandem contact]", StringComparison.Ordinal)).ShouldBe(3);
        // Another visitor is not held up by the first.
        (await From(factory, "198.51.100.30").PostAsJsonAsync("/api/v1/public/contact", message)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EachPersonsWritesAreLimitedOnTheirOwnCounter()
    {
        using var factory = Factory(new() { ["RateLimits:Writes:Permits"] = "3", ["RateLimits:Writes:WindowSeconds"] = "600" });
        await factory.CreateUserAsync("busy@example.com");
        await factory.CreateUserAsync("calm@example.com");
        var busy = await factory.ApiClientAsync("busy@example.com");
        var calm = await factory.ApiClientAsync("calm@example.com");
        var language = new { language = "zh-Hans" };
        for (var i = 0; i < 3; i++) (await busy.PutAsJsonAsync("/api/v1/me/language", language)).IsSuccessStatusCode.ShouldBeTrue();
        await ShouldBeLimitedAsync(await busy.PutAsJsonAsync("/api/v1/me/language", language), api: true);
        (await calm.PutAsJsonAsync("/api/v1/me/language", language)).IsSuccessStatusCode.ShouldBeTrue();
    }
}
