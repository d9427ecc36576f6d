using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Tandem.Web.Shared.Calendar;

public sealed record IcsPerson(string Name, string Email);

/// <summary>One VEVENT. <paramref name="Start"/> and <paramref name="End"/> are UTC (as stored);
/// <paramref name="Status"/> is one of Ical.Net's <see cref="EventStatus"/> values.</summary>
public sealed record IcsEvent(
    string Uid, DateTime Start, DateTime End, string Summary, string? Location = null, string? Description = null,
    string? Url = null, int Sequence = 0, string Status = EventStatus.Confirmed, IcsPerson? Organizer = null,
    IReadOnlyList<IcsPerson>? Attendees = null);

/// <summary>
/// Every calendar file Tandem serves (meeting invitations and feeds, event and webinar invitations) is built here with
/// Ical.Net, which does the RFC 5545 work: escaping, folding at 75 octets, CRLF, VTIMEZONE.
/// </summary>
public static class CalendarFile
{
    /// <param name="method">A <see cref="CalendarMethods"/> value: PUBLISH for a download, REQUEST for an invitation,
    /// CANCEL for a cancellation; null for a subscribed feed.</param>
    /// <param name="stamp">DTSTAMP (UTC): when the file was made.</param>
    /// <param name="name">Shown by calendar apps for a subscribed feed (X-WR-CALNAME).</param>
    /// <param name="zone">The reader's zone: times are written in it with a TZID and its VTIMEZONE; UTC (or null) writes UTC times.</param>
    public static string Write(IEnumerable<IcsEvent> entries, string? method, DateTime stamp, string? name = null, TimeZoneInfo? zone = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Tandem//Mentorship//EN", Scale = "GREGORIAN" };
        if (method is not null) calendar.Method = method;
        if (name is not null) calendar.AddProperty("X-WR-CALNAME", name);
        var tzid = TzidOf(zone);
        if (tzid is not null) calendar.AddTimeZone(tzid);

        foreach (var e in entries)
        {
            var vevent = new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = new CalDateTime(Utc(stamp)),
                DtStart = Time(e.Start, zone, tzid),
                DtEnd = Time(e.End, zone, tzid),
                Sequence = e.Sequence,
                Status = e.Status,
                Summary = e.Summary,
                Location = string.IsNullOrEmpty(e.Location) ? null : e.Location,
                Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
                Url = string.IsNullOrEmpty(e.Url) ? null : new Uri(e.Url),
            };
            if (e.Organizer is { } organizer)
                vevent.Organizer = new Organizer("mailto:" + organizer.Email) { CommonName = CommonName(organizer.Name) };
            foreach (var a in e.Attendees ?? [])
                vevent.Attendees.Add(new Attendee("mailto:" + a.Email) { CommonName = CommonName(a.Name), Role = "REQ-PARTICIPANT", ParticipationStatus = "ACCEPTED" });
            calendar.Events.Add(vevent);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string? TzidOf(TimeZoneInfo? zone)
    {
        if (zone is null || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime) return null;
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    private static CalDateTime Time(DateTime utc, TimeZoneInfo? zone, string? tzid) =>
        tzid is null
            ? new CalDateTime(Utc(utc))
            : new CalDateTime(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), zone!), DateTimeKind.Unspecified), tzid);

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// <summary>A parameter value may be quoted but cannot hold a double quote or a line break (RFC 5545 3.2); Ical.Net
    /// drops the quote but keeps the break, which would split the line.</summary>
    private static string CommonName(string name) =>
        name.Replace('"', '\'').Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
