using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tandem.Web.Data;

// Generated migrations and model snapshots carry provider column types and annotations, so each
// provider keeps its own chain (Data/Migrations/Sqlite, Data/Migrations/Postgres). These types exist
// only so that each chain has a context to belong to; the model itself is TandemDb's.

public sealed class SqliteTandemDb(DbContextOptions<SqliteTandemDb> options) : TandemDb(options);

public sealed class PostgresTandemDb(DbContextOptions<PostgresTandemDb> options) : TandemDb(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without configuration or a database.</summary>
internal sealed class SqliteTandemDbDesignFactory : IDesignTimeDbContextFactory<SqliteTandemDb>
{
    public SqliteTandemDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqliteTandemDb>(), DatabaseProvider.Sqlite, "Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a running server.</summary>
internal sealed class PostgresTandemDbDesignFactory : IDesignTimeDbContextFactory<PostgresTandemDb>
{
    public PostgresTandemDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresTandemDb>(), DatabaseProvider.Postgres, "Host=localhost;Database=tandem").Options);
}
