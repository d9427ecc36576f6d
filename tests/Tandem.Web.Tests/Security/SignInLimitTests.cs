using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Account;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// The sign-in policy of docs/operations.md, rule by rule, on a clock the test moves: failures (never successes) are
/// counted per caller address and account; the caller is stopped before the account's lockout counts; failures expire.
/// </summary>
public sealed class SignInLimitTests
{
    private const string Office = "198.51.100.10", Stranger = "203.0.113.66", Elsewhere = "192.0.2.44";

    private readonly FakeClock clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private TandemFactory Factory(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return new TandemFactory(extra: settings, clock: clock, services: CallerAddress.AddTo);
    }

    private static Task<HttpResponseMessage> LoginAsync(TandemFactory factory, string ip, string email, string password) =>
        CallerAddress.From(factory, ip).PostAsJsonAsync("/api/v1/account/login", new { email, password });

    private static async Task<(bool LockedOut, int Failures)> AccountAsync(TandemFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (await users.IsLockedOutAsync(user), await users.GetAccessFailedCountAsync(user));
    }

    [Fact]
    public async Task ColleaguesBehindOneAddressAllSignInBecauseSuccessesAreNotCounted()
    {
        using var factory = Factory();
        for (var i = 0; i < 12; i++) await factory.CreateUserAsync($"colleague{i}@example.com");
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 12; i++)
                (await LoginAsync(factory, Office, $"colleague{i}@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // One colleague's typos hold up only that colleague.
        for (var i = 0; i < 5; i++) (await LoginAsync(factory, Office, "colleague0@example.com", "typo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(factory, Office, "colleague0@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(factory, Office, "colleague1@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AStrangerIsStoppedAfterFiveFailuresBeforeTheAccountCanLock()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("known@example.com");
        for (var i = 0; i < 5; i++) (await LoginAsync(factory, Stranger, "known@example.com", "guess" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 30; i++)
        {
            var refused = await LoginAsync(factory, Stranger, "known@example.com", "guess-again" + i);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        }
        // The refused guesses never reached the account: 5 failures counted, not 35, and no lockout.
        (await AccountAsync(factory, "known@example.com")).ShouldBe((false, 5));
        (await LoginAsync(factory, Elsewhere, "known@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The stranger's window passes, and they may try again (and fail again).
        clock.Advance(TimeSpan.FromMinutes(15));
        (await LoginAsync(factory, Stranger, "known@example.com", "guess-later")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OneAddressFailingManyAccountsIsStoppedForAllOfThem()
    {
        using var factory = Factory(new() { ["RateLimits:SignInPerAddress:Permits"] = "6" });
        for (var i = 0; i < 4; i++) await factory.CreateUserAsync($"target{i}@example.com");
        for (var i = 0; i < 6; i++) (await LoginAsync(factory, Stranger, $"target{i % 3}@example.com", "spray")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(factory, Stranger, "target3@example.com", "spray")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(factory, Office, "target3@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheAccountLocksAfterTenFailuresFromManyAddressesAndUnlocksAfterFifteenMinutes()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("target@example.com");
        for (var i = 0; i < 10; i++) (await LoginAsync(factory, $"203.0.113.{i / 5 + 1}", "target@example.com", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AccountAsync(factory, "target@example.com")).LockedOut.ShouldBeTrue();
        (await LoginAsync(factory, Elsewhere, "target@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await AccountAsync(factory, "target@example.com")).LockedOut.ShouldBeFalse();
        (await LoginAsync(factory, Elsewhere, "target@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailuresSpreadOverTimeExpireAndNeverAddUpToALockout()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("typist@example.com");
        // Nine typos one morning, from the phone and the laptop.
        for (var i = 0; i < 9; i++) (await LoginAsync(factory, i < 5 ? Office : Elsewhere, "typist@example.com", "typo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AccountAsync(factory, "typist@example.com")).ShouldBe((false, 9));
        // One more the next day starts the count again instead of locking.
        clock.Advance(TimeSpan.FromDays(1));
        (await LoginAsync(factory, Stranger, "typist@example.com", "typo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AccountAsync(factory, "typist@example.com")).ShouldBe((false, 1));
        (await LoginAsync(factory, Office, "typist@example.com", TandemFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSignInPageTellsARefusedCallerWhenToTryAgain()
    {
        using var factory = Factory();
        await factory.CreateUserAsync("page.user@example.com");
        var browser = CallerAddress.From(factory, Stranger);
        for (var i = 0; i < 5; i++)
            (await Pages.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "page.user@example.com", ["Input.Password"] = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await Pages.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "page.user@example.com", ["Input.Password"] = TandemFactory.Password });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Too many failed sign-ins from here. Please try again in 15 minutes.");
    }
}
