using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Tandem.Web.Tests.Infrastructure;

public sealed record SentMail(string To, string Subject, string Body);

/// <summary>Reads the .eml files System.Net.Mail wrote to the pickup folder (headers, base64 or quoted-printable bodies).</summary>
public static partial class Outbox
{
    public static IReadOnlyList<SentMail> Read(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.eml").OrderBy(File.GetCreationTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(Parse).ToList();
    }

    public static SentMail Parse(string path)
    {
        var raw = File.ReadAllText(path);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = Unfold(raw[..split]);
        var to = Header(headers, "To");
        var subject = DecodeWords(Header(headers, "Subject"));
        return new SentMail(new MailAddress(to).Address, subject, DecodeBody(raw));
    }

    private static string DecodeBody(string raw)
    {
        var sb = new StringBuilder();
        // Each part: its headers, a blank line, its content up to the next boundary.
        foreach (Match part in PartRegex().Matches(raw))
        {
            var encoding = part.Groups["enc"].Value.Trim().ToLowerInvariant();
            var content = part.Groups["body"].Value;
            var cut = content.IndexOf("\r\n--", StringComparison.Ordinal);
            if (cut >= 0) content = content[..cut];
            sb.AppendLine(encoding switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(content.Split('\r', '\n')))),
                "quoted-printable" => QuotedPrintable(content),
                _ => content,
            });
        }
        return sb.ToString();
    }

    private static string QuotedPrintable(string s)
    {
        s = s.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Header(string headers, string name) =>
        Regex.Match(headers, "^" + name + @":\s*(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value.Trim();

    private static string Unfold(string headers) => Regex.Replace(headers, @"\r\n[ \t]+", " ");

    /// <summary>RFC 2047: adjacent encoded words are one text (the space between them is not content), and a
    /// character's UTF-8 bytes may be split across two words, so their bytes are joined before decoding.</summary>
    private static string DecodeWords(string s) => EncodedRunRegex().Replace(s, run =>
    {
        var words = EncodedWordRegex().Matches(run.Value);
        var bytes = words.SelectMany(m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(m.Groups[3].Value)
            : Encoding.UTF8.GetBytes(QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')))).ToArray();
        return Encoding.GetEncoding(words[0].Groups[1].Value).GetString(bytes);
    });

    [GeneratedRegex(@"=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s+=\?[^?]+\?[BbQq]\?[^?]*\?=)*")]
    private static partial Regex EncodedRunRegex();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordRegex();

    [GeneratedRegex(@"Content-Transfer-Encoding:(?<enc>[^\r\n]*)\r\n(?:[^\r\n]+\r\n)*\r\n(?<body>[\s\S]*?)(?=\r\n--|\z)", RegexOptions.IgnoreCase)]
    private static partial Regex PartRegex();
}
