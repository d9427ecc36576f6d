using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tandem.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>One EF model, two providers, one configuration switch: <c>Database:Provider</c>.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration["Database:Provider"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"Database:Provider '{other}' is not supported; use Sqlite (default) or Postgres."),
        };

    public static IServiceCollection AddTandemDb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Provider(configuration);
        var connectionString = provider == DatabaseProvider.Postgres
            ? configuration.GetConnectionString("Tandem")
              ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Tandem is not set.")
            : SqliteConnectionString(configuration, environment);

        services.AddDbContext<TandemDb>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
                options.UseNpgsql(connectionString);
            else
                options.UseSqlite(connectionString);
        });
        return services;
    }

    /// <summary>SQLite file under the data folder (Data:Folder, default App_Data), created on first run.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Tandem");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var folder = DataFolder(configuration, environment);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "tandem.db"), Pooling = true }.ToString();
    }

    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Data:Folder"] ?? "App_Data", environment.ContentRootPath);

    /// <summary>Applies pending migrations (the same ones on both providers) and turns on WAL for SQLite.</summary>
    public static async Task MigrateAsync(TandemDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}
