using System.Globalization;
using System.Text;

namespace Tandem.Web.Features.Meetings;

public sealed record IcsPerson(string Name, string Email);

public sealed record IcsEvent(string Uid, DateTime Stamp, DateTime Start, DateTime End, string Summary, string? Location, string? Description,
    IcsPerson Organizer, IReadOnlyList<IcsPerson> Attendees, int Sequence, string Status, string? Url);

/// <summary>
/// RFC 5545 text for meetings (Ical.Net is not served here): CRLF line ends, content lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, all times in UTC.
/// </summary>
public static class IcsWriter
{
    /// <param name="method">REQUEST for an invitation, CANCEL for a cancelled one, null for a subscribed feed.</param>
    public static string Write(string? method, string calendarName, IEnumerable<IcsEvent> events)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Tandem//Mentorship meetings//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        if (method is not null) Line(sb, "METHOD:" + method);
        Line(sb, "X-WR-CALNAME:" + Text(calendarName));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Text(e.Uid));
            Line(sb, "DTSTAMP:" + Time(e.Stamp));
            Line(sb, "DTSTART:" + Time(e.Start));
            Line(sb, "DTEND:" + Time(e.End));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "STATUS:" + e.Status);
            Line(sb, "SUMMARY:" + Text(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line(sb, "LOCATION:" + Text(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line(sb, "DESCRIPTION:" + Text(e.Description));
            if (e.Url is not null) Line(sb, "URL:" + e.Url);
            Line(sb, $"ORGANIZER;CN={Param(e.Organizer.Name)}:mailto:{e.Organizer.Email}");
            foreach (var a in e.Attendees)
                Line(sb, $"ATTENDEE;CN={Param(a.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{a.Email}");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value is quoted (it may hold , ; :) and cannot contain a double quote or a line break.</summary>
    private static string Param(string value) =>
        "\"" + value.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    /// <summary>Writes one content line, folded so no physical line exceeds 75 octets (the leading space of a continuation counts).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
