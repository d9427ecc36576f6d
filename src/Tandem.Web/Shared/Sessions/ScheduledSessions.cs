using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;

namespace Tandem.Web.Shared.Sessions;

/// <summary>The rules every <see cref="ScheduledSession"/> follows, written once for events and webinars.</summary>
public static class ScheduledSessions
{
    public const int TitleLength = 200;
    public const int MaxCapacity = 10000;

    /// <summary>The shared fields of a create or update request; the feature adds its own checks to the errors.</summary>
    /// <param name="audienceRefusal">What to say when the audience is missing ("Choose who the event is for.").</param>
    public static Errors Check(ISessionRequest r, IStringLocalizer<SharedText> s, string audienceRefusal)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add("Title", s["Please enter the title."]);
        else if (r.Title.Trim().Length > TitleLength) errors.Add("Title", s["The title can be at most {0} characters.", TitleLength]);
        if (r.Description?.Length > TextLength.Long) errors.Add("Description", s["The description can be at most {0} characters.", TextLength.Long]);
        if (r.TitleZh?.Trim().Length > TitleLength) errors.Add("TitleZh", s["The title can be at most {0} characters.", TitleLength]);
        if (r.DescriptionZh?.Length > TextLength.Long) errors.Add("DescriptionZh", s["The description can be at most {0} characters.", TextLength.Long]);
        if (r.StartsAt is null) errors.Add("StartsAt", s["Please enter when it starts."]);
        if (r.EndsAt is null) errors.Add("EndsAt", s["Please enter when it ends."]);
        else if (r.StartsAt is not null && r.EndsAt <= r.StartsAt) errors.Add("EndsAt", s["It must end after it starts."]);
        errors.Date("StartsAt", r.StartsAt, s).Date("EndsAt", r.EndsAt, s);
        if (r.Capacity is < 1 or > MaxCapacity) errors.Add("Capacity", s["Capacity must be between 1 and 10000, or empty for no limit."]);
        if (r.Audience is null || !Enum.IsDefined(r.Audience.Value)) errors.Add("Audience", audienceRefusal);
        return errors;
    }

    /// <summary>
    /// Takes a seat safely when several people race for the last one. <paramref name="decide"/> reads the fresh
    /// counts, changes what it must and calls <see cref="ScheduledSession.TakeSeat"/> on the tracked session; the
    /// save then fails for all but one of the racers (the seat version is a concurrency token), and each of the
    /// others decides again on fresh data. A decision that changed nothing (already seated, full) is not saved.
    /// </summary>
    public static async Task<Outcome<T>> TakeSeatAsync<T>(TandemDb db, Func<Task<Outcome<T>>> decide, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await decide();
            if (!outcome.Ok || !db.ChangeTracker.HasChanges()) return outcome;
            try
            {
                await db.SaveChangesAsync(ct);
                return outcome;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Marks exactly <paramref name="attended"/> among the seats as attended; returns how many, or why not.</summary>
    public static Outcome<int> RecordAttendance(ScheduledSession session, IReadOnlyList<ISeat> seats, IReadOnlyList<string> attended, DateTime now,
        string notStartedRefusal, string strangerRefusal)
    {
        if (session.StartsAt > now) return Errors.One("", notStartedRefusal);
        if (attended.Except(seats.Select(s => s.UserId)).Any()) return Errors.One("AttendedUserIds", strangerRefusal);
        foreach (var seat in seats) seat.Attended = attended.Contains(seat.UserId);
        return seats.Count(s => s.Attended);
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>API callers may send local or unspecified times; unspecified means UTC.</summary>
    public static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
