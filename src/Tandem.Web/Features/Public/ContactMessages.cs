using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Public;

/// <summary><paramref name="Website"/> is a honeypot: hidden from people, filled in by form-spamming bots.</summary>
public sealed record ContactRequest(string? Name, string? Email, string? Subject, string? Message, string? Website = null);

public sealed record ContactResponse(string Message);

/// <summary>Relays a visitor's message to the program's contact address (the Contact page and the API).</summary>
public sealed class ContactMessages(TandemDb db, IEmailSender email, IStringLocalizer<PublicText> t, ILogger<ContactMessages> logger)
{
    public const int NameLength = 100, EmailLength = 200, SubjectLength = 150, MessageMin = 10, MessageLength = 4000;

    public async Task<Outcome<ContactResponse>> SendAsync(ContactRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        var from = request.Email?.Trim() ?? "";
        var subject = request.Subject?.Trim() ?? "";
        var message = request.Message?.Trim() ?? "";

        var errors = new Errors();
        if (name.Length == 0) errors.Add("Name", t["Please enter your name."]);
        else if (name.Length > NameLength || HasLineBreak(name)) errors.Add("Name", t["Your name can be at most {0} characters on one line.", NameLength]);
        if (from.Length == 0) errors.Add("Email", t["Please enter your email address so we can reply."]);
        else if (from.Length > EmailLength || !MailAddress.TryCreate(from, out var parsed) || parsed.Address != from || !from.Contains('.', StringComparison.Ordinal))
            errors.Add("Email", t["Please enter a valid email address."]);
        if (subject.Length == 0) errors.Add("Subject", t["Please enter a subject."]);
        else if (subject.Length > SubjectLength || HasLineBreak(subject)) errors.Add("Subject", t["The subject can be at most {0} characters on one line.", SubjectLength]);
        if (message.Length < MessageMin) errors.Add("Message", t["Please write a message of at least {0} characters.", MessageMin]);
        else if (message.Length > MessageLength) errors.Add("Message", t["The message can be at most {0} characters.", MessageLength]);
        if (errors.Any) return errors;

        var confirmation = new ContactResponse(t["Thank you, {0}. Your message has been sent; we will reply to {1}.", name, from]);
        if (!string.IsNullOrWhiteSpace(request.Website))
        {
            // Same answer as a real send, so a bot learns nothing from the response.
            logger.LogInformation("Contact form honeypot filled; message from {Email} dropped", from);
            return confirmation;
        }

        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Name, p.ContactEmail }).FirstOrDefaultAsync(ct);
        if (program is null || string.IsNullOrWhiteSpace(program.ContactEmail))
            return Errors.One("", t["The program has no contact address yet. Please try again later."]);

        var body = $"""
            Message from the contact form of {program.Name}
            From: {name} <{from}>
            Reply to: {from}
            Subject: {subject}

            {message}
            """;
        await email.SendAsync(new EmailMessage(program.ContactEmail, "[Tandem contact] " + subject, body), ct);
        return confirmation;
    }

    private static bool HasLineBreak(string s) => s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal);
}
