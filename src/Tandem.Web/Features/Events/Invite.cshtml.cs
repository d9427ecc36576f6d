using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

/// <summary>The event as an RFC 5545 file for any calendar app.</summary>
[Authorize]
public sealed class InviteModel(EventBook book, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var e = await book.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (e is null) return NotFound();
        var ics = EventCalendar.Invite(e, $"{Request.Scheme}://{Request.Host}", clock.GetUtcNow().UtcDateTime);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"event-{id}.ics");
    }
}
