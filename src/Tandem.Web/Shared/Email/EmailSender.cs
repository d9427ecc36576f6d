using System.Net;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Shared.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    public string From { get; set; } = "Tandem <no-reply@tandem.local>";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>When set (Development default), messages are written as .eml files here instead of sent.</summary>
    public string? PickupFolder { get; set; }
}

/// <summary>SMTP through System.Net.Mail (MailKit is not served here); a pickup folder for local runs.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var mail = new MailMessage { From = new MailAddress(o.From), Subject = message.Subject };
        mail.To.Add(message.To);
        mail.SubjectEncoding = System.Text.Encoding.UTF8;
        mail.BodyEncoding = System.Text.Encoding.UTF8;
        mail.Body = message.TextBody;
        if (message.HtmlBody is not null)
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, "text/html"));

        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(o.PickupFolder))
        {
            Directory.CreateDirectory(o.PickupFolder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(o.PickupFolder);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(o.Host))
                throw new InvalidOperationException("Email:Host is not set and no Email:PickupFolder is configured.");
            client.Host = o.Host;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
            if (!string.IsNullOrEmpty(o.UserName))
                client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }
        await client.SendMailAsync(mail, ct);
        logger.LogInformation("Email '{Subject}' to {To} sent via {Route}", message.Subject, message.To,
            client.DeliveryMethod == SmtpDeliveryMethod.Network ? $"{o.Host}:{o.Port}" : o.PickupFolder);
    }
}

/// <summary>Identity's account emails (confirm, reset) through the same sender.</summary>
public sealed class IdentityEmailSender(IEmailSender sender) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        sender.SendAsync(new EmailMessage(email, "Confirm your Tandem account / 确认您的 Tandem 账户",
            $"Please confirm your account by opening this link:\n{WebUtility.HtmlDecode(confirmationLink)}\n\n请打开以上链接确认您的账户。"));

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        sender.SendAsync(new EmailMessage(email, "Reset your Tandem password / 重置 Tandem 密码",
            $"Reset your password by opening this link:\n{WebUtility.HtmlDecode(resetLink)}\n\n请打开以上链接重置密码。"));

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        sender.SendAsync(new EmailMessage(email, "Your Tandem password reset code / 密码重置码",
            $"Your password reset code is: {resetCode}\n\n您的密码重置码：{resetCode}"));
}
