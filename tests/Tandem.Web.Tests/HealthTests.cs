using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task LiveAnswersWhileTheProcessRunsAndReadyAnswersOnlyWhileTheDatabaseDoes(Db provider)
    {
        using var factory = new TandemFactory(provider);
        var client = factory.CreateClient();
        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy", path);
        }

        await MakeTheDatabaseUnreachableAsync(factory);

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, path);
            (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy", path);
        }
    }

    /// <summary>PostgreSQL: the database is dropped under the running app. SQLite: its file disappears (a lost volume).</summary>
    private static async Task MakeTheDatabaseUnreachableAsync(TandemFactory factory)
    {
        var connectionString = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        if (factory.Provider == Db.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString());
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownApiRouteIsProblemDetails()
    {
        using var factory = new TandemFactory();
        var response = await factory.CreateClient().GetAsync("/api/v1/nothing-here");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task UnknownPageIsAFriendlyPage()
    {
        using var factory = new TandemFactory();
        var response = await factory.CreateClient().GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }
}
