using Ical.Net;
using Tandem.Web.Shared.Calendar;

namespace Tandem.Web.Features.Webinars;

public static class WebinarCalendar
{
    public static string Invite(WebinarResponse w, string baseUrl, DateTime now) =>
        CalendarFile.Write([new IcsEvent($"webinar-{w.Id}@tandem", w.StartsAt, w.EndsAt, w.Title, w.Link, w.Description, $"{baseUrl}/Webinars/{w.Id}")],
            CalendarMethods.Publish, now);
}
