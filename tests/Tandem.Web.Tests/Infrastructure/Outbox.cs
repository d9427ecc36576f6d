using MimeKit;

namespace Tandem.Web.Tests.Infrastructure;

public sealed record SentMail(string To, string Subject, string Body);

/// <summary>Reads the .eml files the app wrote to its pickup folder, with MimeKit's parser.</summary>
public static class Outbox
{
    public static IReadOnlyList<SentMail> Read(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.eml").OrderBy(File.GetCreationTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(Parse).ToList();
    }

    /// <summary>The body is every text part (plain, HTML, a text attachment such as an .ics), decoded, one after another.</summary>
    public static SentMail Parse(string path)
    {
        using var message = MimeMessage.Load(path);
        var body = string.Join("\n", message.BodyParts.OfType<TextPart>().Select(p => p.Text));
        return new SentMail(message.To.Mailboxes.Single().Address, message.Subject ?? "", body);
    }
}
