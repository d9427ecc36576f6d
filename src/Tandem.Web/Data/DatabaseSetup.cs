using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

        // Features, Identity and Data Protection ask for TandemDb and get the provider's subclass. A feature that must
        // see every save (the public pages' cache) registers an IInterceptor.
        if (provider == DatabaseProvider.Postgres)
            services.AddDbContext<TandemDb, PostgresTandemDb>((sp, options) => Configure(options, provider, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        else
            services.AddDbContext<TandemDb, SqliteTandemDb>((sp, options) => Configure(options, provider, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>The options both the app and <c>dotnet ef</c> (the design-time factories) use.</summary>
    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> options, DatabaseProvider provider, string connectionString)
        where T : TandemDb
    {
        Configure((DbContextOptionsBuilder)options, provider, connectionString);
        return options;
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        // Migrate logs its lock and "no migrations were applied" at every start: debug only.
        // "Applying migration" stays where operators see it.
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.AcquiringMigrationLock, LogLevel.Debug),
            (RelationalEventId.MigrationsNotApplied, LogLevel.Debug)));
        // Single queries, as EF does by default, stated so EF does not warn at every nested Include.
        if (provider == DatabaseProvider.Postgres)
            options.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        else
            options.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        return options;
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

    /// <summary>Applies the provider's pending migrations and turns on WAL for SQLite.</summary>
    public static async Task MigrateAsync(TandemDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // On an empty PostgreSQL database Migrate reads the history table before creating it and
        // logs that as a failed command (npgsql/efcore.pg#3407); creating it first keeps the log honest.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        await db.Database.MigrateAsync(ct);
    }
}
