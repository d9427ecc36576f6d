using Microsoft.Extensions.Options;

namespace Tandem.Web.Shared.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, TLS from the start on port 465.</summary>
    Auto,
    /// <summary>Plain text (a relay on the same host or network only).</summary>
    None,
    /// <summary>Upgrade with STARTTLS; refuse to send if the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>The <c>Email</c> section (see docs/operations.md).</summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "Tandem <no-reply@tandem.local>";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>Kept for settings written for the old sender: true means <see cref="SmtpSecurity.StartTls"/>.</summary>
    public bool EnableSsl { get; set; }
    /// <summary>When set, the sender authenticates (over TLS unless <see cref="Security"/> is None).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>SHA-256 thumbprint (hex) of a relay certificate to accept although it does not validate (a self-signed
    /// internal relay). Empty: certificates must validate normally.</summary>
    public string? CertificateThumbprint { get; set; }
    /// <summary>When set, messages are written as .eml files here instead of sent. Development defaults to
    /// <c>&lt;Data:Folder&gt;/outbox</c>; a relative path is under the content root.</summary>
    public string? PickupFolder { get; set; }

    public SmtpSecurity EffectiveSecurity => EnableSsl && Security == SmtpSecurity.Auto ? SmtpSecurity.StartTls : Security;
}

/// <summary>Resolves the pickup folder: its own setting wins; in Development it follows <c>Data:Folder</c>, so a
/// second data folder (a second instance, a test) gets its own outbox.</summary>
public sealed class EmailOptionsSetup(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<EmailOptions>
{
    public void PostConfigure(string? name, EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            if (!environment.IsDevelopment()) return;
            var data = Path.GetFullPath(configuration["Data:Folder"] is { Length: > 0 } folder ? folder : "App_Data", environment.ContentRootPath);
            options.PickupFolder = Path.Combine(data, "outbox");
        }
        else
        {
            options.PickupFolder = Path.GetFullPath(options.PickupFolder, environment.ContentRootPath);
        }
    }
}
