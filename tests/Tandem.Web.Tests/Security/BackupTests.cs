using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>The backup command's work, taken while the app runs, restored, and compared table by table.</summary>
public sealed class BackupTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ABackupTakenWhileTheAppRunsRestoresEveryRow(Db provider)
    {
        using var factory = new TandemFactory(provider, new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        // The app is running and holds its own connections while the backup is taken.
        await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var output = Path.Combine(Path.GetTempPath(), "tandem-backup-" + Guid.NewGuid().ToString("N") + ".backup");
        string? restoredDatabase = null;
        try
        {
            var configuration = factory.Services.GetRequiredService<IConfiguration>();
            var size = await Backup.WriteAsync(configuration, factory.Services.GetRequiredService<IHostEnvironment>(), output, ct);
            size.ShouldBeGreaterThan(0);
            File.Exists(output + ".partial").ShouldBeFalse();

            DbConnection restored;
            if (provider == Db.Sqlite)
                restored = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
            else
            {
                restoredDatabase = "tandem_restored_" + Guid.NewGuid().ToString("N")[..10];
                await using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString()))
                {
                    await admin.OpenAsync(ct);
                    await new NpgsqlCommand($"CREATE DATABASE {restoredDatabase}", admin).ExecuteNonQueryAsync(ct);
                }
                var target = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString()) { Database = restoredDatabase };
                var start = new ProcessStartInfo("pg_restore") { RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "--no-owner", "--host", target.Host!, "--port", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", target.Username!, "--dbname", restoredDatabase, output })
                    start.ArgumentList.Add(a);
                start.Environment["PGPASSWORD"] = target.Password;
                using var process = Process.Start(start)!;
                var errors = await process.StandardError.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                process.ExitCode.ShouldBe(0, errors);
                restored = new NpgsqlConnection(target.ToString());
            }
            await using var _ = restored;
            await restored.OpenAsync(ct);

            var tables = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList()));
            tables.Count.ShouldBeGreaterThan(30);
            var compared = 0;
            foreach (var table in tables)
            {
                var live = await factory.WithDbAsync(async db =>
                {
                    await db.Database.OpenConnectionAsync();
                    return await CountAsync(db.Database.GetDbConnection(), table, ct);
                });
                (await CountAsync(restored, table, ct)).ShouldBe(live, table);
                if (live > 0) compared++;
            }
            compared.ShouldBeGreaterThan(15, "the demo fills many tables");
            // And the rows themselves: the demo people, by email.
            await using var emails = restored.CreateCommand();
            emails.CommandText = "SELECT \"Email\" FROM \"AspNetUsers\" ORDER BY \"Email\"";
            var restoredEmails = new List<string>();
            await using (var reader = await emails.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) restoredEmails.Add(reader.GetString(0));
            restoredEmails.ShouldBe(await factory.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(output);
            if (restoredDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString());
                await admin.OpenAsync(CancellationToken.None);
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {restoredDatabase} WITH (FORCE)", admin).ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheCommandRefusesToRunWithoutAnOutputFile()
    {
        (await Backup.RunAsync(["backup"])).ShouldBe(2);
        (await Backup.RunAsync(["backup", "--out"])).ShouldBe(2);
    }
}
