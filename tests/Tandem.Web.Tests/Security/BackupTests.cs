using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>The backup command's work, taken while the app runs, restored, and compared table by table.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task ASqliteBackupTakenWhileTheAppRunsRestoresEveryRow()
    {
        using var factory = new TandemFactory(extra: new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        // The app is running and holds its own connections while the backup is taken.
        await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var output = Path.Combine(Path.GetTempPath(), "tandem-backup-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var configuration = factory.Services.GetRequiredService<IConfiguration>();
            var size = await Backup.WriteAsync(configuration, factory.Services.GetRequiredService<IHostEnvironment>(), output, ct);
            size.ShouldBeGreaterThan(0);
            File.Exists(output + ".partial").ShouldBeFalse();

            var tables = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList()));
            tables.Count.ShouldBeGreaterThan(30);
            await using var restored = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
            await restored.OpenAsync(ct);
            var compared = 0;
            foreach (var table in tables)
            {
                var live = await factory.WithDbAsync(async db =>
                {
                    await db.Database.OpenConnectionAsync();
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                    return (long)(await command.ExecuteScalarAsync())!;
                });
                await using var count = restored.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                ((long)(await count.ExecuteScalarAsync(ct))!).ShouldBe(live, table);
                if (live > 0) compared++;
            }
            compared.ShouldBeGreaterThan(15, "the demo fills many tables");
            // And the rows themselves: the demo people, by email.
            await using var emails = restored.CreateCommand();
            emails.CommandText = "SELECT Email FROM AspNetUsers ORDER BY Email";
            var restoredEmails = new List<string>();
            await using (var reader = await emails.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) restoredEmails.Add(reader.GetString(0));
            restoredEmails.ShouldBe(await factory.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(output);
        }
    }

    [Fact]
    public async Task TheCommandRefusesToRunWithoutAnOutputFile()
    {
        (await Backup.RunAsync(["backup"])).ShouldBe(2);
        (await Backup.RunAsync(["backup", "--out"])).ShouldBe(2);
    }
}
