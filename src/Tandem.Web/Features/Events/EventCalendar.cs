using Ical.Net;
using Ical.Net.CalendarComponents;
using Tandem.Web.Shared.Calendar;

namespace Tandem.Web.Features.Events;

/// <summary>The .ics invitation of a group event.</summary>
public static class EventCalendar
{
    public static string Invite(EventResponse e, string baseUrl, DateTime now) =>
        CalendarFile.Write([new IcsEvent($"event-{e.Id}@tandem", e.StartsAt, e.EndsAt, e.Title, e.Location, e.Description,
                $"{baseUrl}/Events/{e.Id}", 0, e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed)],
            e.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish, now);
}
