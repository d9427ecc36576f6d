using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

public sealed record MeetingRequest(DateTimeOffset? StartsAt, int? DurationMinutes, MeetingFormat? Format, string? Location, string? Agenda);

public sealed record HeldRequest(string? Summary, string? ActionItems);

public sealed record LogMeetingRequest(DateTimeOffset? StartsAt, int? DurationMinutes, MeetingFormat? Format, string? Location, string? Agenda, string? Summary, string? ActionItems);

public sealed record NoteRequest(string? Text);

public sealed record ContactRequest(DateTimeOffset? At, ContactChannel? Channel, string? Note);

/// <summary>
/// A pair's meetings: the mentee proposes (with intentional questions), the other accepts or proposes another
/// time, either cancels or logs it as held. Only held meetings count as meetings; contacts count as contact.
/// </summary>
public sealed class MeetingBook(TandemDb db, TimeProvider clock, Notices notices, IStringLocalizer<MeetingsText> t, IStringLocalizer<PairsText> pt,
    IStringLocalizer<SharedText> s)
{
    public async Task<Outcome<Meeting>> ProposeAsync(int pairId, string me, MeetingRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (Validate(r, pair, future: true) is { } errors) return errors;
        var now = Now;
        var meeting = New(pairId, me, r, now);
        meeting.Proposals.Add(Trace(meeting, now));
        db.Meetings.Add(meeting);
        await notices.SaveWithAsync(() => NotifyAsync(pair, meeting, NoticeKinds.MeetingProposed, ct), ct);
        return meeting;
    }

    public async Task<Outcome<Meeting>> AcceptAsync(int meetingId, string me, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var meeting)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (meeting.Status != MeetingStatus.Proposed || meeting.ProposedById == me)
            return Errors.One("", t["Only the other person can accept a proposed meeting."]);
        if (meeting.StartsAt <= Now) return Errors.One("", t["This proposed time has passed; please propose another time."]);
        meeting.Status = MeetingStatus.Accepted;
        meeting.UpdatedAt = Now;
        await NotifyAsync(pair, meeting, NoticeKinds.MeetingAccepted, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>
    /// Answers a proposal with another time. The meeting stays one thread: it moves to the new time, now proposed by
    /// this person, and its history keeps every time proposed (a proposal made before threads gets its first trace here).
    /// </summary>
    public async Task<Outcome<Meeting>> CounterAsync(int meetingId, string me, MeetingRequest r, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var meeting)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (meeting.Status != MeetingStatus.Proposed || meeting.ProposedById == me)
            return Errors.One("", t["Only the other person can propose another time for a proposed meeting."]);
        // The mentee's questions carry over unless the counter-proposal brings its own.
        r = r with { Agenda = string.IsNullOrWhiteSpace(r.Agenda) ? meeting.Agenda : r.Agenda, Format = r.Format ?? meeting.Format, Location = r.Location ?? meeting.Location, DurationMinutes = r.DurationMinutes ?? meeting.DurationMinutes };
        if (Validate(r, pair, future: true) is { } errors) return errors;
        var now = Now;
        if (!await db.Set<MeetingProposal>().AnyAsync(p => p.MeetingId == meeting.Id, ct))
            db.Set<MeetingProposal>().Add(new MeetingProposal { MeetingId = meeting.Id, ProposedById = meeting.ProposedById, StartsAt = meeting.StartsAt, DurationMinutes = meeting.DurationMinutes, ProposedAt = meeting.CreatedAt });
        meeting.ProposedById = me;
        meeting.StartsAt = r.StartsAt!.Value.UtcDateTime;
        meeting.DurationMinutes = r.DurationMinutes!.Value;
        meeting.Format = r.Format!.Value;
        meeting.Location = Clean(r.Location);
        meeting.Agenda = Clean(r.Agenda);
        meeting.Sequence++;
        meeting.UpdatedAt = now;
        db.Set<MeetingProposal>().Add(Trace(meeting, now));
        await NotifyAsync(pair, meeting, NoticeKinds.MeetingCountered, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>
    /// Moves an accepted meeting to another time. Either member may; it stays accepted and one thread (the old time stays in
    /// its history), its calendar SEQUENCE goes up so calendars update it, and the partner is told. The partner who cannot
    /// make the new time moves it again or cancels.
    /// </summary>
    public async Task<Outcome<Meeting>> RescheduleAsync(int meetingId, string me, MeetingRequest r, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var meeting)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (meeting.Status != MeetingStatus.Accepted)
            return Errors.One("", t["Only an accepted meeting can be moved; answer a proposal with another time instead."]);
        r = r with { Agenda = meeting.Agenda, Format = r.Format ?? meeting.Format, Location = r.Location ?? meeting.Location, DurationMinutes = r.DurationMinutes ?? meeting.DurationMinutes };
        // Moving keeps the questions already agreed on; it does not ask for them again.
        if (Validate(r, pair, future: true, asksQuestions: false) is { } errors) return errors;
        var startsAt = r.StartsAt!.Value.UtcDateTime;
        if (startsAt == meeting.StartsAt && r.DurationMinutes == meeting.DurationMinutes)
            return Errors.One(nameof(r.StartsAt), t["The meeting is already at this time; please choose another time."]);
        var now = Now;
        if (!await db.Set<MeetingProposal>().AnyAsync(p => p.MeetingId == meeting.Id, ct))
            db.Set<MeetingProposal>().Add(new MeetingProposal { MeetingId = meeting.Id, ProposedById = meeting.ProposedById, StartsAt = meeting.StartsAt, DurationMinutes = meeting.DurationMinutes, ProposedAt = meeting.CreatedAt });
        meeting.StartsAt = startsAt;
        meeting.DurationMinutes = r.DurationMinutes!.Value;
        meeting.Format = r.Format!.Value;
        meeting.Location = Clean(r.Location);
        meeting.Sequence++;
        meeting.UpdatedAt = now;
        db.Set<MeetingProposal>().Add(new MeetingProposal { MeetingId = meeting.Id, ProposedById = me, StartsAt = meeting.StartsAt, DurationMinutes = meeting.DurationMinutes, ProposedAt = now });
        await NotifyAsync(pair, meeting, NoticeKinds.MeetingRescheduled, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private static MeetingProposal Trace(Meeting meeting, DateTime now) =>
        new() { MeetingId = meeting.Id, ProposedById = meeting.ProposedById, StartsAt = meeting.StartsAt, DurationMinutes = meeting.DurationMinutes, ProposedAt = now };

    public async Task<Outcome<Meeting>> CancelAsync(int meetingId, string me, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var meeting)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (meeting.Status is not (MeetingStatus.Proposed or MeetingStatus.Accepted))
            return Errors.One("", t["Only a proposed or accepted meeting can be cancelled."]);
        meeting.Status = MeetingStatus.Cancelled;
        meeting.Sequence++;
        meeting.UpdatedAt = Now;
        await NotifyAsync(pair, meeting, NoticeKinds.MeetingCancelled, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Logs a proposed or accepted meeting as held, with the shared summary; a held meeting's summary can be edited again.</summary>
    public async Task<Outcome<Meeting>> HeldAsync(int meetingId, string me, HeldRequest r, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var meeting)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (meeting.Status is MeetingStatus.Declined or MeetingStatus.Cancelled)
            return Errors.One("", t["A declined or cancelled meeting cannot be logged as held."]);
        if (meeting.StartsAt > Now) return Errors.One("", t["This meeting has not started yet; log it once it has taken place."]);
        if (ValidateSummary(r.Summary, r.ActionItems) is { } errors) return errors;
        meeting.Status = MeetingStatus.Held;
        meeting.Summary = Clean(r.Summary);
        meeting.ActionItems = Clean(r.ActionItems);
        meeting.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Logs a meeting that happened without a proposal in Tandem.</summary>
    public async Task<Outcome<Meeting>> LogAsync(int pairId, string me, LogMeetingRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var request = new MeetingRequest(r.StartsAt, r.DurationMinutes, r.Format, r.Location, r.Agenda);
        var errors = Validate(request, pair, future: false) ?? new Errors();
        if (ValidateSummary(r.Summary, r.ActionItems) is { } more) foreach (var (field, message) in more.Each) errors.Add(field, message);
        if (errors.Any) return errors;
        var meeting = New(pairId, me, request, Now);
        meeting.Status = MeetingStatus.Held;
        meeting.Summary = Clean(r.Summary);
        meeting.ActionItems = Clean(r.ActionItems);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Writes (or with an empty text, removes) the person's own private note on a meeting.</summary>
    public async Task<Outcome<MeetingNote?>> NoteAsync(int meetingId, string me, NoteRequest r, CancellationToken ct)
    {
        if (await FindAsync(meetingId, me, ct) is not (var pair, var _)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (r.Text?.Length > 8000) return Errors.One(nameof(r.Text), t["Please keep the note under 8000 characters."]);
        var note = await db.MeetingNotes.SingleOrDefaultAsync(n => n.MeetingId == meetingId && n.AuthorId == me, ct);
        if (string.IsNullOrWhiteSpace(r.Text))
        {
            if (note is not null) db.MeetingNotes.Remove(note);
            await db.SaveChangesAsync(ct);
            return new Outcome<MeetingNote?>(null, null);
        }
        if (note is null) db.MeetingNotes.Add(note = new MeetingNote { MeetingId = meetingId, AuthorId = me, Text = "" });
        note.Text = r.Text.Trim();
        note.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return note;
    }

    public async Task<Outcome<Contact>> ContactAsync(int pairId, string me, ContactRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var errors = new Errors();
        if (r.Channel is null || !Enum.IsDefined(r.Channel.Value)) errors.Add(nameof(r.Channel), t["Please say how you were in contact: email, phone or message."]);
        if (r.At is { } at && at.UtcDateTime > Now) errors.Add(nameof(r.At), t["A contact is logged after it happened; the time cannot be in the future."]);
        errors.Date(nameof(r.At), r.At, s);
        if (r.Note?.Length > 2000) errors.Add(nameof(r.Note), t["Please keep the note under 2000 characters."]);
        if (errors.Any) return errors;
        var contact = new Contact { PairId = pairId, ById = me, At = r.At?.UtcDateTime ?? Now, Channel = r.Channel!.Value, Note = Clean(r.Note) };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<(PairMember Pair, Meeting Meeting)?> FindAsync(int meetingId, string me, CancellationToken ct)
    {
        var meeting = await db.Meetings.Where(m => m.Id == meetingId && db.Pairs.OfMember(me).Any(p => p.Id == m.PairId)).SingleOrDefaultAsync(ct);
        if (meeting is null) return null;
        var pair = (await PairAccess.FindAsync(db, meeting.PairId, me, ct))!;
        return (pair, meeting);
    }

    private static Meeting New(int pairId, string me, MeetingRequest r, DateTime now) => new()
    {
        PairId = pairId, ProposedById = me, StartsAt = r.StartsAt!.Value.UtcDateTime, DurationMinutes = r.DurationMinutes!.Value,
        Format = r.Format!.Value, Location = Clean(r.Location), Agenda = Clean(r.Agenda), Status = MeetingStatus.Proposed, CreatedAt = now, UpdatedAt = now,
    };

    private Errors? Validate(MeetingRequest r, PairMember pair, bool future, bool asksQuestions = true)
    {
        var errors = new Errors();
        if (r.StartsAt is null) errors.Add(nameof(r.StartsAt), t["Please choose a date and time."]);
        else if (future && r.StartsAt.Value.UtcDateTime <= Now) errors.Add(nameof(r.StartsAt), t["Please propose a time in the future."]);
        else if (!future && r.StartsAt.Value.UtcDateTime > Now) errors.Add(nameof(r.StartsAt), t["A meeting is logged as held after it happened; the time cannot be in the future."]);
        errors.Date(nameof(r.StartsAt), r.StartsAt, s);
        if (r.DurationMinutes is null or < 15 or > 480) errors.Add(nameof(r.DurationMinutes), t["The duration is from 15 to 480 minutes."]);
        if (r.Format is null || !Enum.IsDefined(r.Format.Value)) errors.Add(nameof(r.Format), t["Please choose in person, video or phone."]);
        if (r.Location?.Length > 500) errors.Add(nameof(r.Location), t["Please keep the place or link under 500 characters."]);
        if (future && asksQuestions && pair.IsMentee && string.IsNullOrWhiteSpace(r.Agenda))
            errors.Add(nameof(r.Agenda), t["Please bring your intentional questions: what exactly do you want to ask or work on in this meeting?"]);
        if (r.Agenda?.Length > 8000) errors.Add(nameof(r.Agenda), t["Please keep the questions under 8000 characters."]);
        return errors.Any ? errors : null;
    }

    private Errors? ValidateSummary(string? summary, string? actionItems)
    {
        var errors = new Errors();
        if (summary?.Length > 8000) errors.Add("Summary", t["Please keep the summary under 8000 characters."]);
        if (actionItems?.Length > 8000) errors.Add("ActionItems", t["Please keep the action items under 8000 characters."]);
        return errors.Any ? errors : null;
    }

    private async Task NotifyAsync(PairMember pair, Meeting meeting, NoticeKind kind, CancellationToken ct) =>
        await notices.AddAsync(kind, new Notice(pair.OtherId, $"/Meetings/{meeting.Id}",
            [NoticeArg.Name(await notices.NameAsync(pair.Me, ct)), NoticeArg.Time(meeting.StartsAt), NoticeArg.Number(meeting.DurationMinutes)]), ct);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
