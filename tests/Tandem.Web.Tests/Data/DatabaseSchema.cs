using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tandem.Web.Tests.Data;

/// <summary>
/// A database schema as comparable text: tables, columns (store type and nullability), indexes
/// (columns and uniqueness) and foreign keys (principal and delete action). Read from a live
/// SQLite or PostgreSQL database, or derived from the EF model, in the same notation.
/// EF's own bookkeeping tables are left out.
/// </summary>
public sealed record DatabaseSchema(
    SortedSet<string> Tables, SortedSet<string> Columns, SortedSet<string> Indexes, SortedSet<string> ForeignKeys)
{
    private static readonly string[] Bookkeeping = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static DatabaseSchema FromModel(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.ToList();
        return new(
            [.. tables.Select(t => t.Name)],
            [.. tables.SelectMany(t => t.Columns.Select(c => Column(t.Name, c.Name, c.StoreType, c.IsNullable)))],
            [.. tables.SelectMany(t => t.Indexes.Select(i => Index(t.Name, i.Columns.Select(c => c.Name), i.IsUnique)))],
            [.. tables.SelectMany(t => t.ForeignKeyConstraints.Select(f =>
                ForeignKey(t.Name, f.Columns.Select(c => c.Name), f.PrincipalTable.Name, f.OnDeleteAction)))]);
    }

    public static async Task<DatabaseSchema> ReadAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var conn = db.Database.GetDbConnection();
            return db.Database.IsSqlite() ? await SqliteAsync(conn) : await PostgresAsync(conn);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Each table's row count (EF's bookkeeping tables included: their rows matter too).</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(DbConnection conn, IEnumerable<string> tables)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tables)
            counts[t] = long.Parse((await RowsAsync(conn, $"SELECT COUNT(*) FROM \"{t}\""))[0][0], CultureInfo.InvariantCulture);
        return counts;
    }

    public static async Task<List<string>> AllTablesAsync(DbConnection conn, bool sqlite) =>
        (await RowsAsync(conn, sqlite
            ? "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE'"))
        .Select(r => r[0]).ToList();

    private static string Column(string table, string column, string type, bool nullable) =>
        $"{table}.{column} {type.ToLowerInvariant()} {(nullable ? "null" : "not null")}";

    private static string Index(string table, IEnumerable<string> columns, bool unique) =>
        $"{table}({string.Join(",", columns)}){(unique ? " unique" : "")}";

    private static string ForeignKey(string table, IEnumerable<string> columns, string principal, ReferentialAction onDelete) =>
        $"{table}({string.Join(",", columns)}) -> {principal} on delete {onDelete}";

    private static async Task<DatabaseSchema> SqliteAsync(DbConnection conn)
    {
        var tables = (await AllTablesAsync(conn, sqlite: true)).Except(Bookkeeping).ToList();
        DatabaseSchema s = new([.. tables], [], [], []);
        foreach (var t in tables)
        {
            foreach (var r in await RowsAsync(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                s.Columns.Add(Column(t, r[0], r[1], nullable: r[2] == "0" && r[3] == "0"));
            foreach (var r in await RowsAsync(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c'"))
            {
                var columns = (await RowsAsync(conn, $"SELECT name FROM pragma_index_info('{r[0]}') ORDER BY seqno")).Select(c => c[0]);
                s.Indexes.Add(Index(t, columns, r[1] == "1"));
            }
            foreach (var fk in (await RowsAsync(conn, $"SELECT id, \"from\", \"table\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY id, seq")).GroupBy(r => r[0]))
                s.ForeignKeys.Add(ForeignKey(t, fk.Select(r => r[1]), fk.First()[2], Action(fk.First()[3])));
        }
        return s;
    }

    private static async Task<DatabaseSchema> PostgresAsync(DbConnection conn)
    {
        var tables = (await AllTablesAsync(conn, sqlite: false)).Except(Bookkeeping).ToList();
        var columns = await RowsAsync(conn, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), (NOT a.attnotnull)::text
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """);
        var indexes = await RowsAsync(conn, """
            SELECT t.relname, i.indisunique::text, string_agg(a.attname, ',' ORDER BY k.ord)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = 'public' AND NOT i.indisprimary
            GROUP BY t.relname, ic.relname, i.indisunique
            """);
        var fks = await RowsAsync(conn, """
            SELECT t.relname, string_agg(a.attname, ',' ORDER BY k.ord), p.relname, c.confdeltype::text
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_class p ON p.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE c.contype = 'f' AND n.nspname = 'public'
            GROUP BY t.relname, c.conname, p.relname, c.confdeltype
            """);
        return new(
            [.. tables],
            [.. columns.Where(r => tables.Contains(r[0])).Select(r => Column(r[0], r[1], r[2], r[3] == "true"))],
            [.. indexes.Where(r => tables.Contains(r[0])).Select(r => Index(r[0], r[2].Split(','), r[1] == "true"))],
            [.. fks.Select(r => ForeignKey(r[0], r[1].Split(','), r[2], Action(r[3])))]);
    }

    private static ReferentialAction Action(string stored) => stored.ToUpperInvariant() switch
    {
        "CASCADE" or "C" => ReferentialAction.Cascade,
        "SET NULL" or "N" => ReferentialAction.SetNull,
        "RESTRICT" or "R" => ReferentialAction.Restrict,
        "SET DEFAULT" or "D" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    internal static async Task<List<string[]>> RowsAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}
