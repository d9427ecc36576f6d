using System.Globalization;
using System.Text;

namespace Tandem.Web.Shared.Calendar;

public sealed record IcsPerson(string Name, string Email);

/// <summary>One VEVENT. Times are UTC. <paramref name="Status"/> is CONFIRMED, TENTATIVE or CANCELLED.</summary>
public sealed record IcsEvent(
    string Uid, DateTime Start, DateTime End, string Summary, string? Location = null, string? Description = null,
    string? Url = null, int Sequence = 0, string Status = "CONFIRMED", IcsPerson? Organizer = null, IReadOnlyList<IcsPerson>? Attendees = null);

/// <summary>
/// A small RFC 5545 writer (Ical.Net is not served here): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, new line). Any feature's
/// calendar files (events, webinars, meetings) go through it.
/// </summary>
public static class IcsWriter
{
    /// <param name="method">PUBLISH for a download, REQUEST for an invitation, CANCEL for a cancellation, null for a subscribed feed.</param>
    /// <param name="calendarName">Shown by calendar apps for a subscribed feed (X-WR-CALNAME).</param>
    public static string Write(IEnumerable<IcsEvent> events, string? method = "PUBLISH", DateTime? stamp = null, string? calendarName = null)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Tandem//Mentorship//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        if (method is not null) Line(sb, "METHOD:" + method);
        if (calendarName is not null) Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        var dtstamp = Utc(stamp ?? DateTime.UnixEpoch);
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Escape(e.Uid));
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART:" + Utc(e.Start));
            Line(sb, "DTEND:" + Utc(e.End));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "STATUS:" + e.Status);
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location)) Line(sb, "LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrEmpty(e.Description)) Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrEmpty(e.Url)) Line(sb, "URL:" + e.Url);
            if (e.Organizer is { } organizer) Line(sb, $"ORGANIZER;CN={Param(organizer.Name)}:mailto:{organizer.Email}");
            foreach (var a in e.Attendees ?? [])
                Line(sb, $"ATTENDEE;CN={Param(a.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{a.Email}");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>A parameter value is quoted (it may hold , ; :) and cannot contain a double quote or a line break.</summary>
    private static string Param(string value) =>
        "\"" + value.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    private static string Utc(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Folds a content line at 75 octets: continuation lines start with one space (which counts toward their 75).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(element);
            octets += size;
        }
        sb.Append("\r\n");
    }
}
