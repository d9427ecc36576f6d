using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// docs/examples/nginx/tandem.conf, run as written (only ports and certificate paths changed): Debian's nginx ends TLS
/// with a certificate openssl makes for the test, in front of two real app processes in Production. Through it, a
/// sign-in made on one instance is honoured by the other, the app sees https (no redirect, HSTS, Secure cookies) and
/// each caller's own address (the sign-in guard refuses one caller and not another).
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Stranger = "127.0.0.3", Member = "127.0.0.2";

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoInstancesBehindNginxShareSignInsAndSeeHttpsAndEachCallersAddress(Db provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("tandem-proxy-").FullName;
        var processes = new List<Process>();
        string? database = null;
        var nginxConf = Path.Combine(folder, "nginx.conf");
        try
        {
            (await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem")], ct)).ShouldBe(0);
            var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, "cert.pem"));

            string connection;
            if (provider == Db.Postgres)
            {
                database = "tandem_proxy_" + Guid.NewGuid().ToString("N")[..10];
                await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString());
                await admin.OpenAsync(ct);
                await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync(ct);
                connection = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString()) { Database = database }.ToString();
            }
            else connection = $"Data Source={Path.Combine(folder, "tandem.db")}";

            // One after the other: the first prepares the database, the second finds it ready.
            var ports = new List<int>();
            foreach (var i in Enumerable.Range(0, 2))
            {
                var port = ManyInstancesTests.FreePort();
                var process = StartApp(provider, connection, port, Path.Combine(folder, "app" + i.ToString(CultureInfo.InvariantCulture)), folder);
                processes.Add(process);
                var started = await ManyInstancesTests.StartedAsync(process, ct);
                started.Started.ShouldBeTrue(started.Output);
                ports.Add(port);
            }

            var (httpPort, httpsPort) = (ManyInstancesTests.FreePort(), ManyInstancesTests.FreePort());
            await File.WriteAllTextAsync(nginxConf, NginxConfig(folder, ports, httpPort, httpsPort), ct);
            // Without "daemon off" nginx returns once its sockets listen: its exit code says it is ready.
            (await RunAsync("nginx", ["-p", folder, "-c", nginxConf], ct)).ShouldBe(0);

            // The program's own name (HSTS is never sent to "localhost" or an IP address); the client connects to loopback.
            var https = $"https://mentoring.example.org:{httpsPort}";
            using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            var toHttps = await plain.GetAsync($"http://127.0.0.1:{httpPort}/Account/Login", ct);
            toHttps.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
            toHttps.Headers.Location!.ToString().ShouldStartWith("https://");

            using var member = Client(Member, certificate);
            using var stranger = Client(Stranger, certificate);

            // The app sees https: no redirect to it, HSTS (only sent over https), Secure cookies.
            var upstreams = new HashSet<string>();
            var cookies = new List<string>();
            for (var i = 0; i < 2; i++)
            {
                var page = await member.GetAsync($"{https}/Account/Login", ct);
                page.StatusCode.ShouldBe(HttpStatusCode.OK);
                page.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
                // The antiforgery cookie comes with the first page; the second instance accepts it (shared keys).
                if (page.Headers.TryGetValues("Set-Cookie", out var set)) cookies.AddRange(set);
                upstreams.Add(page.Headers.GetValues("X-Test-Upstream").Single());
            }
            upstreams.Count.ShouldBe(2, "nginx sent the requests to both instances");
            cookies.ShouldNotBeEmpty();
            cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

            // The app sees each caller's address: a stranger failing an account is refused (2 failures per instance in
            // this test), while the member, from another address, still signs into that same account.
            for (var i = 0; i < 4; i++)
                (await stranger.PostAsJsonAsync($"{https}/api/v1/account/login", new { email = "mentee@tandem.local", password = "guess" + i }, ct)).StatusCode
                    .ShouldBe(HttpStatusCode.Unauthorized);
            for (var i = 0; i < 2; i++)
                (await stranger.PostAsJsonAsync($"{https}/api/v1/account/login", new { email = "mentee@tandem.local", password = DemoData.Password }, ct)).StatusCode
                    .ShouldBe(HttpStatusCode.TooManyRequests);
            var signIn = await Pages.PostFormAsync(member, $"{https}/Account/Login",
                new() { ["Input.Email"] = "mentee@tandem.local", ["Input.Password"] = DemoData.Password });
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // The cookie one instance issued opens pages on both.
            upstreams.Clear();
            for (var i = 0; i < 4; i++)
            {
                var profile = await member.GetAsync($"{https}/Profiles/Edit", ct);
                profile.StatusCode.ShouldBe(HttpStatusCode.OK);
                upstreams.Add(profile.Headers.GetValues("X-Test-Upstream").Single());
            }
            upstreams.Count.ShouldBe(2);
        }
        finally
        {
            if (File.Exists(Path.Combine(folder, "nginx.pid"))) await RunAsync("nginx", ["-p", folder, "-c", nginxConf, "-s", "stop"], CancellationToken.None);
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString());
                await admin.OpenAsync(CancellationToken.None);
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync(CancellationToken.None);
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The example as an operator would install it, with the test's ports and certificate, inside a minimal nginx.conf.</summary>
    private static string NginxConfig(string folder, IReadOnlyList<int> ports, int httpPort, int httpsPort)
    {
        var example = File.ReadAllText(Path.Combine(Repository(), "docs", "examples", "nginx", "tandem.conf"));
        foreach (var (from, to) in new[]
                 {
                     ("server 127.0.0.1:5001;", $"server 127.0.0.1:{ports[0]};"),
                     ("server 127.0.0.1:5002;", $"server 127.0.0.1:{ports[1]};"),
                     ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
                     ("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;"),
                     ("/etc/ssl/tandem/fullchain.pem", Path.Combine(folder, "cert.pem")),
                     ("/etc/ssl/tandem/privkey.pem", Path.Combine(folder, "key.pem")),
                     // Which instance answered, for the test only.
                     ("proxy_pass http://tandem;", "proxy_pass http://tandem;\n        add_header X-Test-Upstream $upstream_addr always;"),
                 })
        {
            example.ShouldContain(from, customMessage: "the example changed: keep this test's substitutions in step");
            example = example.Replace(from, to, StringComparison.Ordinal);
        }
        // As root, nginx's workers would run as "nobody", who cannot enter the test's private folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                proxy_max_temp_file_size 0;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{example}}
            }
            """;
    }

    private static Process StartApp(Db provider, string connection, int port, string dataFolder, string folder)
    {
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Tandem.Web", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name, "Tandem.Web.dll"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { app, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production",
                     $"--Database:Provider={provider}", $"--ConnectionStrings:Tandem={connection}", "--Demo:Seed=true", $"--Data:Folder={dataFolder}",
                     "--Reminders:Enabled=false", "--Notices:SendEmails=false", $"--Email:PickupFolder={Path.Combine(folder, "outbox")}",
                     "--App:PublicUrl=https://mentoring.example.org", "--RateLimits:SignIn:Permits=2" })
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>A client whose connections go to loopback, whatever the host name, from <paramref name="local"/> (any 127.x
    /// address is loopback), and that trusts exactly the test's certificate.</summary>
    private static HttpClient Client(string local, X509Certificate2 certificate) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private static async Task<int> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0) TestContext.Current.TestOutputHelper?.WriteLine($"{file}: {errors}");
        return process.ExitCode;
    }

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tandem.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Tandem.slnx not found above " + AppContext.BaseDirectory);
    }
}
