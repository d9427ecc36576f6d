using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Meetings;

/// <summary>People enter and read meeting times in their profile's time zone; the database keeps UTC.</summary>
public static class UserClock
{
    public static async Task<TimeZoneInfo> ZoneAsync(TandemDb db, string userId, CancellationToken ct)
    {
        var id = await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateTimeOffset? FromLocal(DateTime? local, TimeZoneInfo zone)
    {
        if (local is null) return null;
        var unspecified = DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
