using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

[Authorize]
public sealed class InviteModel(WebinarBook book, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var w = await book.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (w is null) return NotFound();
        var ics = WebinarCalendar.Invite(w, $"{Request.Scheme}://{Request.Host}", clock.GetUtcNow().UtcDateTime);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"webinar-{id}.ics");
    }
}
