using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tandem.Web.Data;

/// <summary>
/// Writes many new rows of one entity type without change tracking, on both providers: PostgreSQL through binary
/// COPY, SQLite through one prepared INSERT re-executed per row (SQLite's fastest path). Tables, columns and value
/// conversions come from the EF model, so a schema change needs no edit here. Runs inside the context's current
/// transaction when there is one (a caller that must write all or nothing opens it first).
/// </summary>
/// <remarks>
/// Used where EF's per-entity tracking is the cost: the large-program seed (hundreds of thousands of rows) and a
/// matching run's proposals and diagnoses (tens of thousands). Nothing is read back: rows that other rows refer to
/// get their keys from the caller (<paramref name="keepIds"/>), and <see cref="ResetIdentityAsync"/> moves
/// PostgreSQL's identity past them afterwards.
/// </remarks>
public static class BulkInsert
{
    /// <param name="keepIds">Write the entities' own key values (the caller assigned them); otherwise the database generates them.</param>
    public static async Task<int> WriteAsync<T>(TandemDb db, IEnumerable<T> rows, bool keepIds, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => keepIds || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new Column(p, p.GetColumnName(table)!, Getter<T>(p), p.GetTypeMapping().Converter))
            .ToList();
        if (columns.Any(c => c.Property.IsShadowProperty()))
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties; bulk insert needs every value on the entity.");

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, Quote(table), columns, rows, ct)
                : await InsertAsync(db, connection, Quote(table), columns, rows, ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>After rows were written with their own keys: PostgreSQL's identity continues after the largest one
    /// (SQLite's AUTOINCREMENT follows on its own).</summary>
    public static async Task ResetIdentityAsync<T>(TandemDb db, CancellationToken ct) where T : class
    {
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var name = Quote(table);
#pragma warning disable EF1002 // Identifiers come from the EF model, not from input.
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{name.Replace("'", "''", StringComparison.Ordinal)}', '{key}'), COALESCE((SELECT MAX(\"{key}\") FROM {name}), 0) + 1, false)", ct);
#pragma warning restore EF1002
    }

    private sealed record Column(IProperty Property, string Name, Func<object, object?> Get, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object? Value(object entity)
        {
            var value = Get(entity);
            return value is not null && Converter is not null ? Converter.ConvertToProvider(value) : value;
        }
    }

    // One getter delegate per column (the model's getter boxes through an interface per call; this is a plain lambda).
    private static Func<object, object?> Getter<T>(IProperty p)
    {
        var parameter = Expression.Parameter(typeof(object));
        var member = p.PropertyInfo is { } info
            ? Expression.Property(Expression.Convert(parameter, typeof(T)), info)
            : Expression.Field(Expression.Convert(parameter, typeof(T)), p.FieldInfo!);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(member, typeof(object)), parameter).Compile();
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var count = 0;
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Value(row);
                await WriteAsync(importer, value, ct);
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    // Typed writes: binary COPY sends no type names, so each value must be written as its column's type.
    private static Task WriteAsync(NpgsqlBinaryImporter w, object? value, CancellationToken ct) => value switch
    {
        null => w.WriteNullAsync(ct),
        string s => w.WriteAsync(s, ct),
        int i => w.WriteAsync(i, ct),
        long l => w.WriteAsync(l, ct),
        short s => w.WriteAsync(s, ct),
        bool b => w.WriteAsync(b, ct),
        double d => w.WriteAsync(d, ct),
        decimal d => w.WriteAsync(d, ct),
        // timestamptz takes UTC only; the model's DateTimes are UTC, some are built without saying so.
        DateTime d => w.WriteAsync(d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d, DateTimeKind.Utc), ct),
        DateOnly d => w.WriteAsync(d, ct),
        Guid g => w.WriteAsync(g, ct),
        byte[] bytes => w.WriteAsync(bytes, ct),
        _ => throw new NotSupportedException($"Bulk insert cannot write a {value.GetType().Name}."),
    };

    private static async Task<int> InsertAsync<T>(TandemDb db, DbConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var owned = db.Database.CurrentTransaction is null ? await connection.BeginTransactionAsync(ct) : null;
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = owned ?? db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, k) => "$p" + k))})";
            var parameters = columns.Select((c, k) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$p" + k;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            command.Prepare();
            var count = 0;
            foreach (var row in rows)
            {
                for (var k = 0; k < columns.Count; k++)
                    parameters[k].Value = columns[k].Value(row) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
                count++;
            }
            if (owned is not null) await owned.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    private static string Quote(StoreObjectIdentifier table) =>
        table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
