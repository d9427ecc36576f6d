using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Shared;

namespace Tandem.Web.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app over real HTTP (in-process server) against a real database of its own: a fresh
/// SQLite file, or a fresh PostgreSQL database when TANDEM_TEST_POSTGRES holds a server
/// connection string. Email goes to a per-factory pickup folder (real System.Net.Mail output).
/// </summary>
public sealed class TandemFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;
    private readonly string environment;
    private readonly Action<IServiceCollection>? services;

    /// <param name="clock">Replaces the app's TimeProvider (e.g. a <see cref="FakeClock"/>) when given.</param>
    /// <param name="environment">The host's environment: "Testing", or "Production" for what only Production does.</param>
    /// <param name="services">Test services added after the app's own (an EF interceptor, a fake).</param>
    public TandemFactory(Db db = Db.Sqlite, Dictionary<string, string?>? extra = null, TimeProvider? clock = null,
        string environment = "Testing", Action<IServiceCollection>? services = null)
    {
        this.clock = clock;
        this.environment = environment;
        this.services = services;
        Directory.CreateDirectory(folder);
        Provider = db;
        settings = new()
        {
            ["Data:Folder"] = folder,
            ["Email:PickupFolder"] = Path.Combine(folder, "outbox"),
            ["Demo:Seed"] = "false",
            ["App:PublicUrl"] = PublicUrl,
            // Tests deliver the email queue themselves (MailAsync), so what they read never races a background pass.
            ["Notices:SendEmails"] = "false",
            // Likewise the matching jobs: tests run the queue with RunMatchingJobsAsync.
            ["Matching:RunJobs"] = "false",
            // Every test client comes from one address, and many tests sign in more often than a person would;
            // Security/RateLimitTests turns the limits on.
            ["RateLimits:Enabled"] = "false",
        };
        if (db == Db.Postgres)
        {
            postgresDatabase = "tandem_test_" + Guid.NewGuid().ToString("N")[..12];
            var server = PostgresServer.ConnectionString();
            using (var conn = new NpgsqlConnection(server))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {postgresDatabase}", conn);
                cmd.ExecuteNonQuery();
            }
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Tandem"] = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ToString();
        }
        foreach (var (k, v) in extra ?? []) settings[k] = v;
    }

    public Db Provider { get; }
    public string Outbox => Path.Combine(folder, "outbox");

    /// <summary>App:PublicUrl in tests: every email link must start with it.</summary>
    public const string PublicUrl = "https://mentoring.example.org";

    /// <summary>Sends the queued notice emails, as the background sender would.</summary>
    public async Task<int> DeliverEmailsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EmailQueue>().DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>Runs the queued matching jobs to the end, as the background worker would; returns how many ran.</summary>
    public async Task<int> RunMatchingJobsAsync()
    {
        var ran = 0;
        while (true)
        {
            using var scope = Services.CreateScope();
            if (!await scope.ServiceProvider.GetRequiredService<Tandem.Web.Features.Matching.MatchJobs>().RunNextAsync(CancellationToken.None)) return ran;
            ran++;
        }
    }

    /// <summary>Every email sent so far, after delivering the queue.</summary>
    public async Task<IReadOnlyList<SentMail>> MailAsync()
    {
        await DeliverEmailsAsync();
        return Infrastructure.Outbox.Read(Outbox);
    }

    /// <summary>The app's database, for tests that fill it before the app starts or point a second host at it.</summary>
    public string ConnectionString => settings.GetValueOrDefault("ConnectionStrings:Tandem") ?? $"Data Source={Path.Combine(folder, "tandem.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public async Task<T> WithDbAsync<T>(Func<TandemDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TandemDb>());
    }

    public async Task WithDbAsync(Func<TandemDb, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<TandemDb>());
    }

    public const string Password = "Passw0rd-for-tests";

    /// <summary>Creates a confirmed account with a profile; coordinators get the role.</summary>
    public async Task<string> CreateUserAsync(string email, bool coordinator = false, Action<Profile>? profile = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UnixEpoch };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (coordinator) await users.AddToRoleAsync(user, Roles.Coordinator);
        var db = scope.ServiceProvider.GetRequiredService<TandemDb>();
        var p = new Profile { UserId = user.Id, DisplayName = email.Split('@')[0], Languages = TagList.Format(["en"]) };
        profile?.Invoke(p);
        db.Profiles.Add(p);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>An HttpClient carrying a bearer token from the Identity API's login endpoint.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with a signed-in cookie, as a browser would have after the Login page.</summary>
    public async Task<HttpClient> PageClientAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Pages.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException("Sign-in failed: " + await response.Content.ReadAsStringAsync());
        return client;
    }

    private sealed record TokenResponse(string AccessToken);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer.ConnectionString());
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Where PostgreSQL tests connect. CI sets TANDEM_TEST_POSTGRES; without it (and outside CI) they are not run.</summary>
public static class PostgresServer
{
    public static string? Configured => Environment.GetEnvironmentVariable("TANDEM_TEST_POSTGRES");
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString() =>
        Configured ?? throw new InvalidOperationException("TANDEM_TEST_POSTGRES is not set: PostgreSQL tests need a server (CI provides one).");

    /// <summary>The providers a persistence-sensitive test runs on: SQLite always; PostgreSQL when
    /// configured, and always in CI (where a missing server must fail the test, not skip it).</summary>
    public static TheoryData<Db> Providers()
    {
        var data = new TheoryData<Db> { Db.Sqlite };
        if (Configured is not null || InCi) data.Add(Db.Postgres);
        return data;
    }
}
