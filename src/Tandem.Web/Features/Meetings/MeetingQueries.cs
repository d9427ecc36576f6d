using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

public sealed record MeetingResponse(int Id, int PairId, string ProposedById, string ProposedByName, DateTime StartsAt, int DurationMinutes, MeetingFormat Format,
    string? Location, string? Agenda, string? Summary, string? ActionItems, MeetingStatus Status, int? ReplacesId, int Sequence, string? MyNote,
    IReadOnlyList<ProposalResponse> History);

/// <summary>One time proposed in the meeting's thread; the last one is the meeting's current time.</summary>
public sealed record ProposalResponse(string ProposedById, string ProposedByName, DateTime StartsAt, int DurationMinutes, DateTime ProposedAt);

public sealed record ContactResponse(int Id, string ById, string ByName, DateTime At, ContactChannel Channel, string? Note);

public static class MeetingQueries
{
    public const int PageSize = 20;

    /// <summary>The meetings the person can see (their own pairs'), each with only the person's own private note.</summary>
    public static IQueryable<Meeting> Visible(TandemDb db, string me) =>
        db.Meetings.AsNoTracking().Where(m => db.Pairs.OfMember(me).Any(p => p.Id == m.PairId));

    public static IQueryable<MeetingResponse> Project(this IQueryable<Meeting> meetings, TandemDb db, string me) =>
        from m in meetings
        select new MeetingResponse(m.Id, m.PairId, m.ProposedById,
            db.Profiles.Where(p => p.UserId == m.ProposedById).Select(p => p.DisplayName).FirstOrDefault() ?? "",
            m.StartsAt, m.DurationMinutes, m.Format, m.Location, m.Agenda, m.Summary, m.ActionItems, m.Status, m.ReplacesId, m.Sequence,
            db.MeetingNotes.Where(n => n.MeetingId == m.Id && n.AuthorId == me).Select(n => n.Text).FirstOrDefault(),
            db.Set<MeetingProposal>().Where(p => p.MeetingId == m.Id).OrderBy(p => p.ProposedAt).ThenBy(p => p.Id)
                .Select(p => new ProposalResponse(p.ProposedById, db.Profiles.Where(x => x.UserId == p.ProposedById).Select(x => x.DisplayName).FirstOrDefault() ?? "", p.StartsAt, p.DurationMinutes, p.ProposedAt))
                .ToList());

    public static Task<MeetingResponse?> OneAsync(TandemDb db, int meetingId, string me, CancellationToken ct) =>
        Visible(db, me).Where(m => m.Id == meetingId).Project(db, me).SingleOrDefaultAsync(ct);

    /// <summary>A pair's meetings, the latest first; null when the person is not in the pair.</summary>
    public static async Task<PageResponse<MeetingResponse>?> ListAsync(TandemDb db, int pairId, string me, int? page, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        return await Visible(db, me).Where(m => m.PairId == pairId).OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .ToPageAsync(page, PageSize, rows => rows.Project(db, me).ToListAsync(ct), ct);
    }

    public static async Task<PageResponse<ContactResponse>?> ContactsAsync(TandemDb db, int pairId, string me, int? page, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        return await db.Contacts.AsNoTracking().Where(c => c.PairId == pairId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .ProjectContacts(db).ToPageAsync(page, PageSize, ct);
    }

    /// <summary>One contact, wherever it falls in the list (a back-dated contact is not on the first page).</summary>
    public static Task<ContactResponse> ContactAsync(TandemDb db, int contactId, CancellationToken ct) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == contactId).ProjectContacts(db).SingleAsync(ct);

    private static IQueryable<ContactResponse> ProjectContacts(this IQueryable<Contact> contacts, TandemDb db) =>
        contacts.Select(c => new ContactResponse(c.Id, c.ById, db.Profiles.Where(p => p.UserId == c.ById).Select(p => p.DisplayName).FirstOrDefault() ?? "", c.At, c.Channel, c.Note));
}
