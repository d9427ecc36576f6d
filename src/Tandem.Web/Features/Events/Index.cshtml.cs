using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Applications;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

/// <summary>The program calendar: upcoming (or past) events and webinars by month, in the viewer's time zone.</summary>
[Authorize]
public sealed class IndexModel(ProgramCalendar calendar, ViewerTime time) : PageModel
{
    public bool Past { get; private set; }
    public PageResponse<CalendarEntry> Result { get; private set; } = new([], 1, ProgramCalendar.PageSize, 0);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public int LastPage => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Past = Request.Query["past"] == "true";
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Result = await calendar.PageAsync(User.Id(), User.IsCoordinator(), Past, page, ct);
    }
}
