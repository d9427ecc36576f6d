using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tandem.Web.Shared.Observability;

namespace Tandem.Web.Shared.Email;

/// <summary>
/// Sends through an SMTP relay with MailKit, or writes .eml files to the pickup folder (Development). MimeKit builds
/// the message either way, so what lands in the outbox is what a relay would have received.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private static long sequence;

    /// <summary>An .eml file has CRLF line ends (RFC 5322) on every platform; MimeKit's default follows the OS.</summary>
    private static readonly FormatOptions Eml = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var mime = Build(message, o.From, clock.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(o.PickupFolder))
        {
            var path = await WriteToPickupAsync(mime, o.PickupFolder, ct);
            TandemMetrics.EmailsSent.Add(1, new KeyValuePair<string, object?>("tandem.email.delivery", "pickup"));
            logger.LogInformation("Email '{Subject}' to {To} written to {Path}", message.Subject, message.To, path);
            return;
        }
        if (string.IsNullOrWhiteSpace(o.Host))
            throw new InvalidOperationException("Email:Host is not set and no Email:PickupFolder is configured.");

        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(o.CertificateThumbprint))
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || Pinned(certificate, o.CertificateThumbprint);
        await client.ConnectAsync(o.Host, o.Port, Socket(o.EffectiveSecurity), ct);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
        TandemMetrics.EmailsSent.Add(1, new KeyValuePair<string, object?>("tandem.email.delivery", "smtp"));
        logger.LogInformation("Email '{Subject}' to {To} sent via {Host}:{Port}", message.Subject, message.To, o.Host, o.Port);
    }

    public static MimeMessage Build(EmailMessage message, string from, DateTimeOffset date)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = date };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments ?? [])
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.MediaType));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>Written under a temporary name and then renamed, so a reader never sees half a message; names sort in
    /// the order the messages were written.</summary>
    private async Task<string> WriteToPickupAsync(MimeMessage mime, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        // 7-bit transfer encodings (quoted-printable, base64): the file is valid for any reader or relay it is handed to.
        mime.Prepare(EncodingConstraint.SevenBit);
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Interlocked.Increment(ref sequence):D6}-{Guid.NewGuid():N}.eml");
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await mime.WriteToAsync(Eml, temporary, ct);
        File.Move(temporary, path);
        return path;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static bool Pinned(X509Certificate? certificate, string thumbprint) =>
        certificate is not null && CryptographicOperations.FixedTimeEquals(
            Convert.FromHexString(thumbprint.Replace(":", "", StringComparison.Ordinal).Trim()), certificate.GetCertHash(HashAlgorithmName.SHA256));
}
