using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Meetings;

/// <summary>
/// When a pair closes, its proposed and accepted meetings that have not started yet are cancelled: each gets a new
/// iCalendar sequence, so its invitation becomes a CANCEL that calendars apply, and it leaves the calendar feeds.
/// Only adds the changes to the context; the caller saves them with the closure.
/// </summary>
public static class PairMeetingsCancel
{
    public static async Task<IReadOnlyList<Meeting>> CancelFutureAsync(TandemDb db, int pairId, DateTime now, CancellationToken ct)
    {
        var meetings = await db.Meetings
            .Where(m => m.PairId == pairId && m.StartsAt >= now && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted))
            .ToListAsync(ct);
        foreach (var m in meetings)
        {
            m.Status = MeetingStatus.Cancelled;
            m.Sequence++;
            m.UpdatedAt = now;
        }
        return meetings;
    }

    /// <summary>How many meetings closing the pair now would cancel.</summary>
    public static Task<int> CountFutureAsync(TandemDb db, int pairId, DateTime now, CancellationToken ct) =>
        db.Meetings.AsNoTracking().CountAsync(m => m.PairId == pairId && m.StartsAt >= now && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted), ct);
}
