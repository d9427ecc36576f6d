using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

/// <summary>
/// Migrations are hand-written (the EF Design package is not served), so this proves that the
/// schema the migrations build is the one the EF model expects: every table, column (with
/// nullability), index (with uniqueness) and foreign key, on SQLite and PostgreSQL.
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
            var expected = Expected(db.Model);
            var actual = await ActualAsync(db);
            actual.Tables.Except(expected.Tables).ShouldBeEmpty("tables the migrations create but the model lacks");
            expected.Tables.Except(actual.Tables).ShouldBeEmpty("tables the model needs but the migrations lack");
            expected.Columns.Except(actual.Columns).ShouldBeEmpty("columns (table.column:nullable) the model needs but the schema lacks");
            actual.Columns.Except(expected.Columns).ShouldBeEmpty("columns the schema has but the model lacks");
            expected.Indexes.Except(actual.Indexes).ShouldBeEmpty("indexes the model needs but the schema lacks");
            expected.ForeignKeys.Except(actual.ForeignKeys).ShouldBeEmpty("foreign keys the model needs but the schema lacks");
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        });
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

    private sealed record Schema(HashSet<string> Tables, HashSet<string> Columns, HashSet<string> Indexes, HashSet<string> ForeignKeys);

    private static Schema Expected(IModel model)
    {
        var relational = model.GetRelationalModel();
        var tables = relational.Tables.Select(t => t.Name).ToHashSet();
        var columns = relational.Tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}:{(c.IsNullable ? "null" : "not null")}")).ToHashSet();
        var indexes = relational.Tables.SelectMany(t => t.Indexes.Select(i => $"{t.Name}({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}")).ToHashSet();
        var fks = relational.Tables.SelectMany(t => t.ForeignKeyConstraints.Select(f => $"{t.Name}({string.Join(",", f.Columns.Select(c => c.Name))})->{f.PrincipalTable.Name}")).ToHashSet();
        return new Schema(tables, columns, indexes, fks);
    }

    private static async Task<Schema> ActualAsync(TandemDb db)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsSqlite() ? await SqliteAsync(conn) : await PostgresAsync(conn);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Schema> SqliteAsync(DbConnection conn)
    {
        var tables = (await Rows(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')")).Select(r => r[0]).ToHashSet();
        var columns = new HashSet<string>();
        var indexes = new HashSet<string>();
        var fks = new HashSet<string>();
        foreach (var t in tables)
        {
            foreach (var r in await Rows(conn, $"SELECT name, \"notnull\", pk FROM pragma_table_info('{t}')"))
                columns.Add($"{t}.{r[0]}:{(r[1] == "1" || r[2] != "0" ? "not null" : "null")}");
            foreach (var r in await Rows(conn, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')"))
            {
                if (r[2] != "c") continue; // only indexes created by CREATE INDEX, not PK/unique constraints
                var cols = (await Rows(conn, $"SELECT name FROM pragma_index_info('{r[0]}') ORDER BY seqno")).Select(c => c[0]);
                indexes.Add($"{t}({string.Join(",", cols)}){(r[1] == "1" ? " unique" : "")}");
            }
            foreach (var r in await Rows(conn, $"SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{t}')"))
                fks.Add($"{t}({r[0]})->{r[1]}");
        }
        return new Schema(tables, columns, indexes, fks);
    }

    private static async Task<Schema> PostgresAsync(DbConnection conn)
    {
        var tables = (await Rows(conn, "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE' AND table_name <> '__EFMigrationsHistory'")).Select(r => r[0]).ToHashSet();
        var columns = (await Rows(conn, "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema='public' AND table_name <> '__EFMigrationsHistory'"))
            .Select(r => $"{r[0]}.{r[1]}:{(r[2] == "YES" ? "null" : "not null")}").ToHashSet();
        var indexes = (await Rows(conn, """
            SELECT t.relname, i.indisunique::text, string_agg(a.attname, ',' ORDER BY k.ord)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = 'public' AND NOT i.indisprimary AND t.relname <> '__EFMigrationsHistory'
            GROUP BY t.relname, ic.relname, i.indisunique
            """)).Select(r => $"{r[0]}({r[2]}){(r[1] == "true" ? " unique" : "")}").ToHashSet();
        var fks = (await Rows(conn, """
            SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f'
            """)).Select(r => $"{r[0].Trim('"')}({r[1]})->{r[2].Trim('"')}").ToHashSet();
        return new Schema(tables, columns, indexes, fks);
    }

    private static async Task<List<string[]>> Rows(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}
