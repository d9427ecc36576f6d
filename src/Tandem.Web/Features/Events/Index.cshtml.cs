using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

/// <summary>The program calendar: upcoming (or past) events and webinars by month, in the viewer's time zone.</summary>
[Authorize]
public sealed class IndexModel(ProgramCalendar calendar, ViewerTime time) : PageModel
{
    public bool Past { get; private set; }
    public PageResponse<CalendarEntry> Result { get; private set; } = PageResponse<CalendarEntry>.Empty(ProgramCalendar.PageSize);
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    public int LastPage => Result.TotalPages;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Past = Request.Query["past"] == "true";
        Zone = await time.ZoneAsync(User.Id(), ct);
        Result = await calendar.PageAsync(User.Id(), User.IsCoordinator(), Past, Paging.Parse(Request.Query["page"]), ct);
    }
}
