using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

/// <summary>People enter and read meeting times in their profile's time zone (see <see cref="TimeZones"/>); the database keeps UTC.</summary>
public static class UserClock
{
    public static Task<TimeZoneInfo> ZoneAsync(TandemDb db, string userId, CancellationToken ct) => TimeZones.OfPersonAsync(db, userId, ct);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeZones.ToLocal(utc, zone);

    /// <summary>The wall-clock time with the zone's offset at that moment (meetings keep the offset the person saw).</summary>
    public static DateTimeOffset? FromLocal(DateTime? local, TimeZoneInfo zone)
    {
        if (local is null) return null;
        var unspecified = DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
