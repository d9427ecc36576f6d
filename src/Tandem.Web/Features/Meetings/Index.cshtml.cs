using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

/// <summary>A pair's meetings and contacts, with forms to propose a meeting, log one that happened, and log a contact.</summary>
[Authorize]
public sealed class IndexModel(TandemDb db, MeetingBook book, SchedulingAssistant assistant, IStringLocalizer<MeetingsText> t) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>In the person's profile time zone.</summary>
        public DateTime? StartsAt { get; set; }
        public int? DurationMinutes { get; set; } = 60;
        public MeetingFormat? Format { get; set; }
        public string? Location { get; set; }
        public string? Agenda { get; set; }
        public string? Summary { get; set; }
        public string? ActionItems { get; set; }
    }

    public sealed class ContactInputModel
    {
        public DateTime? At { get; set; }
        public ContactChannel? Channel { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public ContactInputModel ContactInput { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "contacts")] public int? ContactsPage { get; set; }
    public PairMember Pair { get; private set; } = null!;
    public PageResponse<MeetingResponse> Meetings { get; private set; } = null!;
    public PageResponse<ContactResponse> Contacts { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    /// <summary>The scheduling assistant's times for an active pair.</summary>
    public IReadOnlyList<SuggestedTime> Suggested { get; private set; } = [];
    public bool Reverse { get; private set; }
    public TimeZoneInfo OtherZone { get; private set; } = TimeZones.Fallback;
    public string OtherName { get; private set; } = "";
    public MeetingTime Time(DateTime utc) => new(utc, Zone, OtherZone, OtherName);

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var outcome = await book.ProposeAsync(pairId, User.Id(), new MeetingRequest(UserClock.FromLocal(Input.StartsAt, Zone), Input.DurationMinutes, Input.Format, Input.Location, Input.Agenda), ct);
        return await DoneAsync(pairId, outcome, t["Your proposal is sent."], "Input.", ct);
    }

    /// <summary>One click on a suggested time proposes it (an hour, by video); the mentee's questions come with it.</summary>
    public async Task<IActionResult> OnPostSuggestedAsync(int pairId, DateTimeOffset? startsAtUtc, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var outcome = await book.ProposeAsync(pairId, User.Id(), new MeetingRequest(startsAtUtc, 60, MeetingFormat.Video, null, Input.Agenda), ct);
        return await DoneAsync(pairId, outcome, t["Your proposal is sent."], "Input.", ct);
    }

    public async Task<IActionResult> OnPostLogAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var request = new LogMeetingRequest(UserClock.FromLocal(Input.StartsAt, Zone), Input.DurationMinutes, Input.Format, Input.Location, Input.Agenda, Input.Summary, Input.ActionItems);
        var outcome = await book.LogAsync(pairId, User.Id(), request, ct);
        return await DoneAsync(pairId, outcome, t["The meeting is logged as held."], "Input.", ct);
    }

    public async Task<IActionResult> OnPostContactAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var outcome = await book.ContactAsync(pairId, User.Id(), new ContactRequest(UserClock.FromLocal(ContactInput.At, Zone), ContactInput.Channel, ContactInput.Note), ct);
        return await DoneAsync(pairId, outcome, t["The contact is logged."], "ContactInput.", ct);
    }

    private Task<IActionResult> DoneAsync<T>(int pairId, Outcome<T> outcome, string flash, string prefix, CancellationToken ct) =>
        this.AnswerAsync(outcome, _ => flash, _ => RedirectToPage("/Meetings/Index", new { pairId }), prefix: prefix);

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, User.Id(), ct) is not { } pair) return false;
        Pair = pair;
        Zone = await UserClock.ZoneAsync(db, User.Id(), ct);
        OtherZone = await UserClock.ZoneAsync(db, Pair.OtherId, ct);
        OtherName = await db.Profiles.AsNoTracking().Where(p => p.UserId == Pair.OtherId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        Meetings = (await MeetingQueries.ListAsync(db, pairId, User.Id(), PageNumber, ct))!;
        Contacts = (await MeetingQueries.ContactsAsync(db, pairId, User.Id(), ContactsPage, ct))!;
        Reverse = pair.Reverse;
        if (pair.Active) Suggested = await assistant.SuggestAsync(pairId, User.Id(), 60, ct) ?? [];
        return true;
    }
}
