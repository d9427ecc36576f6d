using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tandem.Web.Data;

/// <summary>
/// <c>dotnet run --project src/Tandem.Web -- backup --out FILE</c>: a consistent copy of the configured database,
/// taken while the app runs. SQLite: the online backup API (a snapshot that WAL writers do not disturb), giving a
/// database file. PostgreSQL: <c>pg_dump --format=custom</c> (one snapshot transaction), restored with
/// <c>pg_restore</c>. docs/operations.md, "Backups", says how to restore.
/// </summary>
public static class Backup
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "backup";

    /// <summary>Runs the command; the exit code is 0 when the backup is written.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex + 1 >= args.Length || string.IsNullOrWhiteSpace(args[outIndex + 1]))
        {
            await Console.Error.WriteLineAsync("usage: backup --out FILE   (the database's settings are read as the app reads them)");
            return 2;
        }
        var output = Path.GetFullPath(args[outIndex + 1]);
        // The rest (--Database:Provider=..., --environment ...) configures the database exactly as it configures the app.
        var rest = args.Where((_, i) => i != 0 && i != outIndex && i != outIndex + 1).ToArray();
        var builder = WebApplication.CreateBuilder(rest);
        try
        {
            var bytes = await WriteAsync(builder.Configuration, builder.Environment, output, CancellationToken.None);
            Console.WriteLine($"Backup written to {output} ({bytes:N0} bytes).");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or SqliteException or NpgsqlException)
        {
            await Console.Error.WriteLineAsync("The backup failed: " + e.Message);
            return 1;
        }
    }

    /// <summary>Writes the backup to <paramref name="output"/> (replacing it) and returns its size.</summary>
    public static async Task<long> WriteAsync(IConfiguration configuration, IHostEnvironment environment, string output, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var temporary = output + ".partial";
        File.Delete(temporary);
        if (DatabaseSetup.Provider(configuration) == DatabaseProvider.Postgres)
            await PgDumpAsync(configuration, temporary, ct);
        else
            await SqliteBackupAsync(DatabaseSetup.SqliteConnectionString(configuration, environment), temporary, ct);
        // Only a finished backup takes the name: a failure never leaves a half-written file that looks like one.
        File.Move(temporary, output, overwrite: true);
        return new FileInfo(output).Length;
    }

    private static async Task SqliteBackupAsync(string connectionString, string output, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (!File.Exists(source.DataSource)) throw new InvalidOperationException($"There is no database at {source.DataSource}.");
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = output, Pooling = false }.ToString());
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
    }

    private static async Task PgDumpAsync(IConfiguration configuration, string output, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Tandem")
            ?? throw new InvalidOperationException("ConnectionStrings:Tandem is not set."));
        var start = new ProcessStartInfo(configuration["Backup:PgDump"] ?? "pg_dump")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--format=custom", "--no-owner", "--file", output, "--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", cs.Username ?? "postgres", "--dbname", cs.Database ?? "postgres" })
            start.ArgumentList.Add(a);
        // The password goes through the environment, never the command line (which other users can read).
        if (!string.IsNullOrEmpty(cs.Password)) start.Environment["PGPASSWORD"] = cs.Password;
        start.Environment["PGCONNECT_TIMEOUT"] = "15";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump could not be started.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump exited with {process.ExitCode}: {errors.Trim()}");
    }
}
