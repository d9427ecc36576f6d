using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

/// <summary>The keys that protect sign-ins live in the database, so instances on one database
/// accept each other's cookies with no shared folder.</summary>
public sealed class DataProtectionTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ASignInCookieFromOneInstanceIsAcceptedByAnotherOnTheSameDatabase(Db provider)
    {
        using var first = new TandemFactory(provider);
        await first.CreateUserAsync("both@example.com");
        var cookie = await SignInCookieAsync(first, "both@example.com");
        (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0, "the key ring is in the database");

        using var second = new TandemFactory(provider, new() { ["ConnectionStrings:Tandem"] = first.ConnectionString });
        (await WhoAmIAsync(second, cookie)).ShouldBe("both@example.com");

        // The control: an instance on another database has other keys and must refuse the cookie,
        // which proves the keys came from the database and not from a folder both hosts share.
        using var elsewhere = new TandemFactory(provider);
        (await WhoAmIAsync(elsewhere, cookie)).ShouldBeNull();
    }

    internal static async Task<string> SignInCookieAsync(TandemFactory factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = TandemFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    /// <summary>The signed-in email the instance reads from the cookie, or null when it refuses it.</summary>
    internal static async Task<string?> WhoAmIAsync(TandemFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/manage/info");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized) return null;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Info>())!.Email;
    }

    private sealed record Info(string Email);
}
