using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tandem.Web.Shared.Email;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Email;

/// <summary>A real SMTP exchange with Debian's aiosmtpd (python3-aiosmtpd); CI installs it.</summary>
public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task AMessageIsDeliveredOverSmtpWithItsChineseSubjectIntact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-smtp-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_sink.py");
        using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, folder])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start python3.");
        try
        {
            var ready = await server.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)
                ?? throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed?): " + await server.StandardError.ReadToEndAsync());
            var port = int.Parse(ready.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

            var sender = new SmtpEmailSender(Options.Create(new EmailOptions { Host = "127.0.0.1", Port = port, From = "Tandem <no-reply@tandem.test>" }),
                NullLogger<SmtpEmailSender>.Instance);
            await sender.SendAsync(new EmailMessage("mentee@example.com", "您的申请已收到 — application received", "你好，\nYour application is in."));

            var line = await server.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
            line.ShouldNotBeNull().ShouldStartWith("MSG ");
            var mail = Outbox.Parse(line[4..]);
            mail.To.ShouldBe("mentee@example.com");
            mail.Subject.ShouldBe("您的申请已收到 — application received");
            mail.Body.ShouldContain("你好");
            (await File.ReadAllTextAsync(line[4..])).ShouldContain("X-Envelope-To: mentee@example.com");
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(5000)) server.Kill();
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }
}
