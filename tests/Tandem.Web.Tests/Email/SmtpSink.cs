using System.Diagnostics;
using System.Globalization;

namespace Tandem.Web.Tests.Email;

/// <summary>Debian's aiosmtpd (python3-aiosmtpd) as a real SMTP server, started by smtp_sink.py; CI installs it.</summary>
public sealed class SmtpSink : IDisposable
{
    public sealed record Received(string Path, bool Tls, string? User);

    private readonly Process server;

    private SmtpSink(Process server, string folder, int port)
    {
        this.server = server;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }
    public int Port { get; }

    public static async Task<SmtpSink> StartAsync(params string[] options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-smtp-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_sink.py");
        var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, folder, .. options])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        var ready = await server.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd): " + await server.StandardError.ReadToEndAsync());
        return new SmtpSink(server, folder, int.Parse(ready.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The next message the server accepted.</summary>
    public async Task<Received> NextAsync()
    {
        var line = await server.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("The SMTP server stopped without a message: " + await server.StandardError.ReadToEndAsync());
        line.ShouldStartWith("MSG ");
        var parts = line[4..].Split(' ');
        var user = parts[2]["user=".Length..];
        return new Received(parts[0], parts[1] == "tls=1", user == "-" ? null : user);
    }

    /// <summary>Stops the server and returns every message line it printed that was not read yet.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        server.StandardInput.Close();
        var rest = await server.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        return rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("MSG ", StringComparison.Ordinal)).ToList();
    }

    public void Dispose()
    {
        if (!server.HasExited)
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(5000)) server.Kill();
        }
        server.Dispose();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, true);
    }
}
