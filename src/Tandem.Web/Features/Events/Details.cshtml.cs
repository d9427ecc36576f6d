using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

/// <summary>One event: RSVP or cancel; the coordinator (checked per handler) takes attendance and may cancel the event.</summary>
[Authorize]
public sealed class DetailsModel(EventBook book, ViewerTime time, IStringLocalizer<EventsText> t) : PageModel
{
    public EventResponse Event { get; private set; } = null!;
    public IReadOnlyList<AttendeeResponse> Attendees { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRsvpAsync(int id, CancellationToken ct)
    {
        var outcome = await book.RsvpAsync(id, User.Id(), ct);
        return await this.AnswerAsync(outcome,
            status => status == RsvpStatus.Going ? t["You're going. See you there!"] : t["The event is full: you're on the waitlist. We'll email you if a seat opens up."],
            _ => Redirect($"/Events/{id}"), () => LoadAsync(id, ct), prefix: "");
    }

    public async Task<IActionResult> OnPostCancelRsvpAsync(int id, CancellationToken ct)
    {
        if (!await book.CancelRsvpAsync(id, User.Id(), ct)) return NotFound();
        this.Flash(t["Your RSVP was cancelled."]);
        return Redirect($"/Events/{id}");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, string[] attended, CancellationToken ct)
    {
        if (!User.IsCoordinator()) return Forbid();
        var outcome = await book.SetAttendanceAsync(id, attended, ct);
        return await this.AnswerAsync(outcome, count => t["Attendance saved: {0} attended.", count], _ => Redirect($"/Events/{id}"), () => LoadAsync(id, ct), prefix: "");
    }

    public async Task<IActionResult> OnPostCancelEventAsync(int id, CancellationToken ct)
    {
        if (!User.IsCoordinator()) return Forbid();
        if (!await book.CancelEventAsync(id, ct)) return NotFound();
        this.Flash(t["The event was cancelled."]);
        return Redirect($"/Events/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await book.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (e is null) return false;
        Event = e;
        Zone = await time.ZoneAsync(User.Id(), ct);
        if (User.IsCoordinator()) Attendees = await book.AttendeesAsync(id, ct) ?? [];
        return true;
    }
}
