using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared.Calendar;

namespace Tandem.Web.Features.Meetings;

/// <summary>Meetings as iCalendar: one invitation per meeting, and each person's feed behind a secret link. Times are
/// written in the person's own time zone (as the meeting pages show them).</summary>
public sealed class MeetingCalendar(TandemDb db, TimeProvider clock)
{
    private sealed record Row(Meeting Meeting, string MenteeId, string MentorId);

    private IQueryable<Row> Rows(IQueryable<Meeting> meetings, string me) =>
        from m in meetings
        join p in db.Pairs.OfMember(me) on m.PairId equals p.Id
        select new Row(m, p.MenteeId, p.MentorId);

    /// <summary>The invitation for one meeting (the agenda is the pair's shared content; private notes never appear).</summary>
    public async Task<string?> InviteAsync(int meetingId, string me, string baseUrl, CancellationToken ct)
    {
        var row = await Rows(db.Meetings.AsNoTracking().Where(m => m.Id == meetingId), me).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var people = await PeopleAsync([row], ct);
        var method = row.Meeting.Status is MeetingStatus.Cancelled or MeetingStatus.Declined ? CalendarMethods.Cancel : CalendarMethods.Request;
        return CalendarFile.Write([Event(row, people, baseUrl, row.Meeting.Agenda)], method, clock.GetUtcNow().UtcDateTime, "Tandem",
            await UserClock.ZoneAsync(db, me, ct));
    }

    /// <summary>The person's proposed, accepted and held meetings across all their pairs. The feed carries no agenda:
    /// a feed link ends up in calendar services, so it holds only times, places and a link back.</summary>
    public async Task<string> FeedAsync(string me, string baseUrl, CancellationToken ct)
    {
        var rows = await Rows(db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted || m.Status == MeetingStatus.Held).OrderBy(m => m.StartsAt), me).ToListAsync(ct);
        var people = await PeopleAsync(rows, ct);
        return CalendarFile.Write(rows.Select(r => Event(r, people, baseUrl, null)), method: null, clock.GetUtcNow().UtcDateTime, "Tandem",
            await UserClock.ZoneAsync(db, me, ct));
    }

    public async Task<string?> UserOfFeedAsync(string token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) ? null : await db.CalendarFeeds.AsNoTracking().Where(f => f.Token == token).Select(f => f.UserId).SingleOrDefaultAsync(ct);

    public async Task<string> TokenAsync(string me, CancellationToken ct)
    {
        var token = await ExistingTokenAsync(me, ct);
        if (token is not null) return token;
        try
        {
            // Insert only: a first visit never replaces a link another request has just handed out.
            db.CalendarFeeds.Add(new CalendarFeed { UserId = me, Token = NewToken(), CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            return await ExistingTokenAsync(me, ct) ?? throw new InvalidOperationException("The calendar feed could not be created.");
        }
        catch (DbUpdateException)
        {
            // Two first visits raced (two tabs, a prefetch): the other one created the feed; both show its link.
            db.ChangeTracker.Clear();
            return await ExistingTokenAsync(me, ct) ?? throw new InvalidOperationException("The calendar feed could not be created.");
        }
    }

    private Task<string?> ExistingTokenAsync(string me, CancellationToken ct) =>
        db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == me).Select(f => (string?)f.Token).SingleOrDefaultAsync(ct);

    /// <summary>A new random 32-byte secret; the old link stops working at once.</summary>
    public async Task<string> RegenerateAsync(string me, CancellationToken ct)
    {
        var token = NewToken();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == me, ct);
        if (feed is null) db.CalendarFeeds.Add(feed = new CalendarFeed { UserId = me, Token = token });
        feed.Token = token;
        feed.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return token;
    }

    private static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private async Task<Dictionary<string, IcsPerson>> PeopleAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(r => new[] { r.MenteeId, r.MentorId }).Distinct().ToList();
        return await (from u in db.Users.AsNoTracking()
                      where ids.Contains(u.Id)
                      select new { u.Id, u.Email, Name = db.Profiles.Where(p => p.UserId == u.Id).Select(p => p.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(x => x.Id, x => new IcsPerson(x.Name ?? x.Email ?? "", x.Email ?? ""), ct);
    }

    private static IcsEvent Event(Row row, Dictionary<string, IcsPerson> people, string baseUrl, string? agenda)
    {
        var r = row.Meeting;
        var mentee = people[row.MenteeId];
        var mentor = people[row.MentorId];
        var organizer = r.ProposedById == row.MentorId ? mentor : mentee;
        var link = $"{baseUrl}/Meetings/{r.Id}";
        var format = r.Format switch { MeetingFormat.InPerson => "In person", MeetingFormat.Video => "Video", _ => "Phone" };
        var description = string.IsNullOrWhiteSpace(agenda) ? $"{format}. {link}" : $"{format}.\n{agenda}\n\n{link}";
        var status = r.Status switch
        {
            MeetingStatus.Proposed => EventStatus.Tentative,
            MeetingStatus.Accepted or MeetingStatus.Held => EventStatus.Confirmed,
            _ => EventStatus.Cancelled,
        };
        return new IcsEvent($"meeting-{r.Id}@tandem", r.StartsAt, r.StartsAt.AddMinutes(r.DurationMinutes),
            $"Tandem: {mentee.Name} & {mentor.Name}", r.Location, description, link, r.Sequence, status, organizer, [mentee, mentor]);
    }
}
