namespace Tandem.Web.Shared.Email;

/// <summary>One email to one person: a plain-text body, optionally an HTML alternative and attachments (such as an .ics invitation).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <param name="MediaType">For example <c>text/calendar; method=REQUEST</c> for an invitation.</param>
public sealed record EmailAttachment(string FileName, string MediaType, byte[] Content);

/// <summary>The one way the app sends email; the rest of the app never sees SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}
