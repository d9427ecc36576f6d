using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

/// <summary>One meeting: accept, propose another time, move an accepted one, cancel, log as held with the shared summary, and one's own private note.</summary>
[Authorize]
public sealed class DetailsModel(TandemDb db, MeetingBook book, IStringLocalizer<MeetingsText> t, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public DateTime? StartsAt { get; set; }
        public string? Summary { get; set; }
        public string? ActionItems { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public MeetingResponse Meeting { get; private set; } = null!;
    public PairMember Pair { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    public TimeZoneInfo OtherZone { get; private set; } = TimeZones.Fallback;
    public string OtherName { get; private set; } = "";
    public MeetingTime Time(DateTime utc) => new(utc, Zone, OtherZone, OtherName);
    public bool Mine => Meeting.ProposedById == Pair.Me;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { Summary = Meeting.Summary, ActionItems = Meeting.ActionItems, Note = Meeting.MyNote };
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        DoAsync(id, () => book.AcceptAsync(id, User.Id(), ct), t["You accepted the meeting."], ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        DoAsync(id, () => book.CancelAsync(id, User.Id(), ct), t["The meeting is cancelled."], ct);

    public Task<IActionResult> OnPostHeldAsync(int id, CancellationToken ct) =>
        DoAsync(id, () => book.HeldAsync(id, User.Id(), new HeldRequest(Input.Summary, Input.ActionItems), ct), t["The meeting is logged as held."], ct);

    /// <summary>Another time moves the proposal; the thread keeps the times proposed before.</summary>
    public async Task<IActionResult> OnPostCounterAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await book.CounterAsync(id, User.Id(), new MeetingRequest(UserClock.FromLocal(Input.StartsAt, Zone), null, null, null, null), ct);
        return await this.AnswerAsync(outcome, _ => t["You proposed another time."], m => RedirectToPage("/Meetings/Details", new { id = m.Id }));
    }

    /// <summary>Moves an accepted meeting; it stays accepted and the thread keeps the old time.</summary>
    public async Task<IActionResult> OnPostRescheduleAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await book.RescheduleAsync(id, User.Id(), new MeetingRequest(UserClock.FromLocal(Input.StartsAt, Zone), null, null, null, null), ct);
        return await this.AnswerAsync(outcome, _ => t["You moved the meeting; {0} is told.", OtherName], m => RedirectToPage("/Meetings/Details", new { id = m.Id }));
    }

    public Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct) =>
        DoAsync(id, () => book.NoteAsync(id, User.Id(), new NoteRequest(Input.Note), ct), t["Your private note is saved."], ct);

    private async Task<IActionResult> DoAsync<T>(int id, Func<Task<Outcome<T>>> action, string flash, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await this.AnswerAsync(await action(), _ => flash, _ => RedirectToPage("/Meetings/Details", new { id }));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await MeetingQueries.OneAsync(db, id, User.Id(), ct) is not { } meeting) return false;
        Meeting = meeting;
        Pair = (await PairAccess.FindAsync(db, meeting.PairId, User.Id(), ct))!;
        Zone = await UserClock.ZoneAsync(db, User.Id(), ct);
        OtherZone = await UserClock.ZoneAsync(db, Pair.OtherId, ct);
        OtherName = await db.Profiles.AsNoTracking().Where(p => p.UserId == Pair.OtherId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return true;
    }
}
