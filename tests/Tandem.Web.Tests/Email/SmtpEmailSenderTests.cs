using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tandem.Web.Shared.Email;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Email;

/// <summary>Real SMTP exchanges with Debian's aiosmtpd; the written .eml files are read back by Python's email parser.</summary>
public sealed class SmtpEmailSenderTests
{
    private const string ChineseSubject = "您的申请已收到 — application received";
    private const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Test//EN\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";

    private static readonly EmailMessage Invitation = new("mentee@example.com", ChineseSubject, "你好，\nYour application is in.",
        "<p>你好，<b>Your application</b> is in.</p>", [new EmailAttachment("meeting.ics", "text/calendar; method=REQUEST", Encoding.UTF8.GetBytes(Ics))]);

    [Fact]
    public async Task AMessageIsDeliveredOverSmtpWithItsChineseSubjectHtmlAndCalendarAttachment()
    {
        using var sink = await SmtpSink.StartAsync();
        await Sender(new EmailOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None }).SendAsync(Invitation, TestContext.Current.CancellationToken);

        var received = await sink.NextAsync();
        received.Tls.ShouldBeFalse();
        (await File.ReadAllTextAsync(received.Path, TestContext.Current.CancellationToken)).ShouldStartWith("X-Envelope-To: mentee@example.com");
        var mail = await ParseAsync(received.Path);
        mail.GetProperty("subject").GetString().ShouldBe(ChineseSubject);
        mail.GetProperty("to").GetString().ShouldBe("mentee@example.com");
        mail.GetProperty("from").GetString().ShouldBe("Tandem <no-reply@tandem.test>");
        mail.GetProperty("text").GetString()!.ShouldContain("你好，\nYour application is in.");
        mail.GetProperty("html").GetString()!.ShouldContain("<b>Your application</b>");
        var attachment = mail.GetProperty("attachments").EnumerateArray().Single();
        attachment.GetProperty("filename").GetString().ShouldBe("meeting.ics");
        attachment.GetProperty("content_type").GetString().ShouldBe("text/calendar");
        attachment.GetProperty("method").GetString().ShouldBe("REQUEST");
        attachment.GetProperty("content").GetString()!.Replace("\r\n", "\n").ShouldBe(Ics.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task OverStartTlsTheSenderAuthenticatesToARelayWhoseSelfSignedCertificateIsPinned()
    {
        using var tls = SelfSignedCertificate.Create();
        using var sink = await SmtpSink.StartAsync("--cert", tls.CertPath, "--key", tls.KeyPath, "--user", "tandem", "--password", "s3cret-中文");
        await Sender(new EmailOptions
        {
            Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.StartTls, UserName = "tandem", Password = "s3cret-中文",
            CertificateThumbprint = tls.Thumbprint,
        }).SendAsync(Invitation, TestContext.Current.CancellationToken);

        var received = await sink.NextAsync();
        received.Tls.ShouldBeTrue();
        received.User.ShouldBe("tandem");
        (await ParseAsync(received.Path)).GetProperty("subject").GetString().ShouldBe(ChineseSubject);
    }

    [Fact]
    public async Task ByDefaultARelayWithAnUnverifiableCertificateIsRefusedAndNothingIsSent()
    {
        using var tls = SelfSignedCertificate.Create();
        using var sink = await SmtpSink.StartAsync("--cert", tls.CertPath, "--key", tls.KeyPath);
        var sender = Sender(new EmailOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.StartTls });

        await Should.ThrowAsync<SslHandshakeException>(() => sender.SendAsync(Invitation, TestContext.Current.CancellationToken));
        (await sink.StopAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndNothingIsSent()
    {
        using var tls = SelfSignedCertificate.Create();
        using var sink = await SmtpSink.StartAsync("--cert", tls.CertPath, "--key", tls.KeyPath, "--user", "tandem", "--password", "right");
        var sender = Sender(new EmailOptions
        {
            Host = "127.0.0.1", Port = sink.Port, UserName = "tandem", Password = "wrong", CertificateThumbprint = tls.Thumbprint,
        });

        await Should.ThrowAsync<AuthenticationException>(() => sender.SendAsync(Invitation, TestContext.Current.CancellationToken));
        (await sink.StopAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenStartTlsIsRequiredARelayWithoutItGetsNothingInPlainText()
    {
        using var sink = await SmtpSink.StartAsync();
        var sender = Sender(new EmailOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.StartTls });

        await Should.ThrowAsync<NotSupportedException>(() => sender.SendAsync(Invitation, TestContext.Current.CancellationToken));
        (await sink.StopAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ThePickupFolderGetsAnEmlFileThatPythonsEmailParserReads()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sender = Sender(new EmailOptions { PickupFolder = folder });
            await sender.SendAsync(Invitation, TestContext.Current.CancellationToken);
            await sender.SendAsync(Invitation with { Subject = "第二封 second" }, TestContext.Current.CancellationToken);

            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            files.Count.ShouldBe(2);
            files.ShouldAllBe(f => f.EndsWith(".eml"));
            var first = await ParseAsync(files[0]);
            first.GetProperty("defects").GetArrayLength().ShouldBe(0);
            first.GetProperty("subject").GetString().ShouldBe(ChineseSubject);
            first.GetProperty("text").GetString()!.ShouldContain("你好");
            first.GetProperty("attachments")[0].GetProperty("filename").GetString().ShouldBe("meeting.ics");
            (await ParseAsync(files[1])).GetProperty("subject").GetString().ShouldBe("第二封 second");
            // Written 7-bit clean (quoted-printable or base64), so any relay or reader accepts the file as it is.
            (await File.ReadAllBytesAsync(files[0], TestContext.Current.CancellationToken)).ShouldAllBe(b => b < 128);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("Development", null, null, "/srv/tandem/data/outbox")]
    [InlineData("Development", null, "/var/mail/tandem", "/var/mail/tandem")]
    [InlineData("Development", "relative-data", null, "/app/relative-data/outbox")]
    [InlineData("Development", "relative-data", "mail", "/app/mail")]
    [InlineData("Production", null, null, null)]
    public void TheOutboxFollowsTheDataFolderInDevelopmentUnlessItIsSetOnItsOwn(string environment, string? dataFolder, string? pickup, string? expected)
    {
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = dataFolder ?? "/srv/tandem/data" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new EmailOptions { PickupFolder = pickup };
        new EmailOptionsSetup(configuration, new Environment(environment, "/app")).PostConfigure(null, options);
        options.PickupFolder.ShouldBe(expected);
    }

    [Fact]
    public async Task TheAppInDevelopmentWritesItsConfirmationEmailsToTheDataFoldersOutbox()
    {
        var data = Path.Combine(Path.GetTempPath(), "tandem-data-" + Guid.NewGuid().ToString("N"));
        using var factory = new DevelopmentFactory(data);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");  // the email speaks the language the person registered in
        var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email = "new.member@example.com", password = "Passw0rd-long-enough" }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = Outbox.Read(Path.Combine(data, "outbox")).ShouldHaveSingleItem();
        mail.To.ShouldBe("new.member@example.com");
        mail.Subject.ShouldContain("确认");
    }

    private static SmtpEmailSender Sender(EmailOptions options)
    {
        options.From = "Tandem <no-reply@tandem.test>";
        return new SmtpEmailSender(Options.Create(options), TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);
    }

    private static async Task<JsonElement> ParseAsync(string eml)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "eml_parse.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, eml]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, "Python's email parser could not read the message: " + error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Tandem.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>The app as `dotnet run` starts it (Development), with only its data folder moved.</summary>
    private sealed class DevelopmentFactory(string data) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Data:Folder", data);
            builder.UseSetting("Demo:Seed", "false");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(data)) Directory.Delete(data, true);
        }
    }
}

/// <summary>A throwaway self-signed certificate for 127.0.0.1, as PEM files the Python server loads.</summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-cert-" + Guid.NewGuid().ToString("N"));

    private SelfSignedCertificate() => Directory.CreateDirectory(folder);

    public string CertPath => Path.Combine(folder, "cert.pem");
    public string KeyPath => Path.Combine(folder, "key.pem");
    public string Thumbprint { get; private set; } = "";

    public static SelfSignedCertificate Create()
    {
        var result = new SelfSignedCertificate();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        // The TLS handshake checks validity against the real clock, so the window is around the real now.
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(result.CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(result.KeyPath, rsa.ExportPkcs8PrivateKeyPem());
        result.Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return result;
    }

    public void Dispose() => Directory.Delete(folder, true);
}
