using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Benchmarks;

/// <summary>
/// How long loading the demo program takes (<c>DemoData.SeedAsync</c> into a freshly migrated, empty
/// database). It used to be a stopwatch assertion in DemoDataTests, which failed CI on a busy machine;
/// here it is a figure with its load average instead. Each run builds the real app's services on a new
/// database; only the seeding itself is timed.
/// </summary>
internal static class DemoSeedBenchmark
{
    private const int Warmup = 1, Runs = 5;
    private const string Begin = "<!-- demo-seed:begin -->", End = "<!-- demo-seed:end -->";
    private const string Command = "dotnet run -c Release --project bench/Tandem.Benchmarks -- demo-seed [--postgres \"Host=...;Username=...;Password=...\"]";

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length >= 2 && args[0] == "--postgres" ? args[1] : null;
        var loadBefore = LoadAverage();
        var rows = new List<string>();
        var counts = "";
        foreach (var provider in postgres is null ? ["SQLite"] : new[] { "SQLite", "PostgreSQL" })
        {
            var ms = new List<double>();
            for (var k = 0; k < Warmup + Runs; k++)
            {
                var (elapsed, seeded) = await SeedOnceAsync(provider == "PostgreSQL" ? postgres : null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {provider} run {k + 1}: {elapsed:0} ms{(k < Warmup ? " (warm-up)" : "")}"));
                if (k >= Warmup) ms.Add(elapsed);
                counts = seeded;
            }
            rows.Add(Row(provider, ms));
        }

        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine("## Demo data, seeding")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`{Command}`")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`DemoData.SeedAsync` into a freshly migrated, empty database (what a newcomer's first `dotnet run` does): {counts}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Median of {Runs} runs after {Warmup} warm-up run, each on a new database, {Environment.ProcessorCount} cores, .NET {Environment.Version}, measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, load average before/after {loadBefore} / {LoadAverage()} (the machine is shared).")
            .AppendLine()
            .AppendLine("| database | median ms | min ms | max ms |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendJoin(Environment.NewLine, rows).AppendLine()
            .AppendLine(End)
            .ToString();
        Console.Write(section);
        WriteSection(section);
        return 0;
    }

    private static async Task<(double Ms, string Counts)> SeedOnceAsync(string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("tandem-seed-").FullName;
        var database = "tandem_bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var settings = new Dictionary<string, string?> { ["Data:Folder"] = folder, ["Demo:Seed"] = "false", ["Email:PickupFolder"] = Path.Combine(folder, "outbox") };
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
                settings["Database:Provider"] = "Postgres";
                settings["ConnectionStrings:Tandem"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
            }
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.AddTandem();
            await using var app = builder.Build();
            await app.PrepareDatabaseAsync();

            using var scope = app.Services.CreateScope();
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            var sw = Stopwatch.StartNew();
            await demo.SeedAsync(CancellationToken.None);
            var elapsed = sw.Elapsed.TotalMilliseconds;

            var db = scope.ServiceProvider.GetRequiredService<TandemDb>();
            int people = await db.Users.CountAsync(), applications = await db.Applications.CountAsync(), memberships = await db.Memberships.CountAsync(),
                pairs = await db.Pairs.CountAsync(), meetings = await db.Meetings.CountAsync(), messages = await db.Messages.CountAsync();
            return (elapsed, string.Create(CultureInfo.InvariantCulture,
                $"{people} people, {applications} applications, {memberships} memberships, {pairs} pairs, {meetings} meetings, {messages} messages"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (postgres is not null) await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Row(string what, List<double> ms)
    {
        ms.Sort();
        var median = ms.Count % 2 == 1 ? ms[ms.Count / 2] : (ms[(ms.Count / 2) - 1] + ms[ms.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {median:0} | {ms[0]:0} | {ms[^1]:0} |");
    }

    // Only the text between our markers is ours; the rest of the file belongs to the other benchmarks.
    private static void WriteSection(string section)
    {
        var path = Path.Combine(FindRepoRoot(), "docs", "benchmarks.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? string.Concat(text.AsSpan(0, begin), section.TrimEnd('\n', '\r'), text.AsSpan(end + End.Length))
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote {path}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
