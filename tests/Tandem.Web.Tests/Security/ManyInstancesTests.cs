using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Three real app processes started together on one empty PostgreSQL database: all come up, the schema is made
/// once, there is one program and one demo, and a sign-in made on one instance is honoured by another (the keys
/// live in the database). SQLite serves one instance, so this runs on PostgreSQL (always in CI).
/// </summary>
public sealed class ManyInstancesTests
{
    public static TheoryData<Db> PostgresOnly()
    {
        var data = new TheoryData<Db>();
        if (PostgresServer.Configured is not null || PostgresServer.InCi) data.Add(Db.Postgres);
        // Without a server (and outside CI) there is nothing to start them on; SQLite's start stays covered elsewhere.
        if (data.Count == 0) data.Add(Db.Sqlite);
        return data;
    }

    [Theory]
    [MemberData(nameof(PostgresOnly))]
    public async Task ThreeInstancesStartedTogetherOnAnEmptyDatabaseAllComeUpAndSeedOnce(Db provider)
    {
        if (provider == Db.Sqlite)
        {
            // One instance on SQLite: the advisory lock is not used, and the start still prepares the database once.
            using var single = new TandemFactory(extra: new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
            (await single.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Programs))).ShouldBe(1);
            return;
        }
        var ct = TestContext.Current.CancellationToken;
        var database = "tandem_instances_" + Guid.NewGuid().ToString("N")[..10];
        var server = PostgresServer.ConnectionString();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(ct);
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync(ct);
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Tandem.Web", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name, "Tandem.Web.dll"));
        File.Exists(app).ShouldBeTrue(app);
        var folder = Directory.CreateTempSubdirectory("tandem-instances-").FullName;
        var processes = new List<(Process Process, int Port)>();
        try
        {
            foreach (var i in Enumerable.Range(0, 3))
            {
                var port = FreePort();
                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = Path.GetDirectoryName(app)!,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var a in new[] { app, "--urls", $"http://127.0.0.1:{port}", "--environment", "Development",
                             "--Database:Provider=Postgres", $"--ConnectionStrings:Tandem={connection}", "--Demo:Seed=true",
                             $"--Data:Folder={Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture))}",
                             "--Reminders:Enabled=false", "--Notices:SendEmails=false", $"--Email:PickupFolder={Path.Combine(folder, "outbox")}" })
                    start.ArgumentList.Add(a);
                processes.Add((Process.Start(start)!, port));
            }
            // Each instance says when it listens, or ends: read its output until one of the two.
            var started = await Task.WhenAll(processes.Select(p => StartedAsync(p.Process, ct)));
            started.ShouldAllBe(s => s.Started, string.Join("\n---\n", started.Select(s => s.Output)));

            using var http = new HttpClient();
            foreach (var (_, port) in processes)
                (await http.GetAsync($"http://127.0.0.1:{port}/health/ready", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync(ct);
            async Task<long> Count(string sql) => (long)(await new NpgsqlCommand(sql, db).ExecuteScalarAsync(ct))!;
            (await Count("SELECT COUNT(*) FROM \"Programs\"")).ShouldBe(1);
            (await Count("SELECT COUNT(*) FROM \"AspNetUsers\"")).ShouldBe(await Count("SELECT COUNT(DISTINCT \"NormalizedEmail\") FROM \"AspNetUsers\""));
            (await Count("SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'mentee@tandem.local'")).ShouldBe(1);
            (await Count("SELECT COUNT(*) FROM \"AspNetRoles\"")).ShouldBe(1);
            (await Count("SELECT COUNT(*) FROM \"DataProtectionKeys\"")).ShouldBe(1);

            // A bearer token from the first instance opens the second and third.
            var login = await http.PostAsJsonAsync($"http://127.0.0.1:{processes[0].Port}/api/v1/account/login", new { email = "mentee@tandem.local", password = DemoData.Password }, ct);
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("accessToken").GetString();
            foreach (var (_, port) in processes.Skip(1))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/api/v1/me/pairs");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                (await http.SendAsync(request, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            foreach (var (process, _) in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync(CancellationToken.None);
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync(CancellationToken.None);
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<(bool Started, string Output)> StartedAsync(Process process, CancellationToken ct)
    {
        var output = new System.Text.StringBuilder();
        // Errors go to stderr: drain it so the process never blocks on a full pipe, and keep it for the message.
        var errors = process.StandardError.ReadToEndAsync(ct);
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            output.AppendLine(line);
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                // Keep reading in the background so the pipe never fills.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return (true, output.ToString());
            }
        }
        return (false, output + "\nstderr:\n" + await errors);
    }
}
