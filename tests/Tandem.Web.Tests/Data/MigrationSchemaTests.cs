using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

/// <summary>
/// Each provider's migration chain builds exactly the schema the EF model expects, and no model
/// change is left without a migration (docs/operations.md, "Changing the schema").
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MigratedSchemaMatchesTheModel(Db provider)
    {
        using var factory = new TandemFactory(provider);
        _ = factory.Server; // starts the app, which migrates
        await factory.WithDbAsync(async db =>
        {
            var expected = DatabaseSchema.FromModel(db.GetService<IDesignTimeModel>().Model);
            var actual = await DatabaseSchema.ReadAsync(db);
            actual.Tables.Except(expected.Tables).ShouldBeEmpty("tables the migrations create but the model lacks");
            expected.Tables.Except(actual.Tables).ShouldBeEmpty("tables the model needs but the migrations lack");
            expected.Columns.Except(actual.Columns).ShouldBeEmpty("columns (table.column type nullability) the model needs but the schema lacks");
            actual.Columns.Except(expected.Columns).ShouldBeEmpty("columns the schema has but the model lacks");
            expected.Indexes.Except(actual.Indexes).ShouldBeEmpty("indexes the model needs but the schema lacks");
            actual.Indexes.Except(expected.Indexes).ShouldBeEmpty("indexes the schema has but the model lacks");
            expected.ForeignKeys.Except(actual.ForeignKeys).ShouldBeEmpty("foreign keys the model needs but the schema lacks");
            actual.ForeignKeys.Except(expected.ForeignKeys).ShouldBeEmpty("foreign keys the schema has but the model lacks");
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        });
    }

    /// <summary>Runs without a server: the design-time factories are what <c>dotnet ef</c> uses.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EveryModelChangeHasAMigration(DatabaseProvider provider)
    {
        using TandemDb db = provider == DatabaseProvider.Sqlite
            ? new SqliteTandemDbDesignFactory().CreateDbContext([])
            : new PostgresTandemDbDesignFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"The EF model has changed since the last {provider} migration. Run `tools/add-migration NameOfTheChange` " +
            "and commit the migrations it adds to both chains (docs/operations.md, \"Changing the schema\").");
    }

    [Fact]
    public async Task MigratingTwiceKeepsExistingRows()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("keep@example.com");
        await factory.WithDbAsync(async db =>
        {
            await DatabaseSetup.MigrateAsync(db);
            (await db.Users.CountAsync(u => u.Email == "keep@example.com")).ShouldBe(1);
        });
    }
}
