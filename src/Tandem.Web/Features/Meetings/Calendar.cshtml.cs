using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

/// <summary>The person's secret calendar feed link, and a way to replace it when it leaked.</summary>
[Authorize]
public sealed class CalendarModel(MeetingCalendar calendar, IStringLocalizer<MeetingsText> t) : PageModel
{
    public string FeedUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => FeedUrl = Link(await calendar.TokenAsync(User.Id(), ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await calendar.RegenerateAsync(User.Id(), ct);
        this.Flash(t["Your calendar link is replaced; the old link no longer works."]);
        return RedirectToPage("/Meetings/Calendar");
    }

    private string Link(string token) => $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
}
