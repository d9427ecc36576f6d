using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Shared;

/// <summary>
/// Times are stored in UTC and shown in the person's time zone (from their profile). Someone without one
/// sees the program's zone: the program this was built for runs in Beijing, and a program has no zone
/// setting of its own yet (when it gets one, <see cref="Fallback"/> is the one place to read it).
/// </summary>
public static class TimeZones
{
    public const string FallbackId = "Asia/Shanghai";

    public static TimeZoneInfo Fallback { get; } = TimeZoneInfo.TryFindSystemTimeZoneById(FallbackId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The zone with this IANA (or Windows) id, else the fallback.</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : Fallback;

    public static async Task<TimeZoneInfo> OfPersonAsync(TandemDb db, string? userId, CancellationToken ct) =>
        Find(userId is null ? null : await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct));

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>A wall-clock time a person entered (a datetime-local field) in their zone, as UTC.</summary>
    public static DateTime? ToUtc(DateTime? local, TimeZoneInfo zone) =>
        local is null ? null : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), zone);
}

/// <summary>The signed-in person's zone, looked up once per request.</summary>
public sealed class ViewerTime(TandemDb db)
{
    private TimeZoneInfo? zone;

    public async Task<TimeZoneInfo> ZoneAsync(string? userId, CancellationToken ct) => zone ??= await TimeZones.OfPersonAsync(db, userId, ct);

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZones.ToLocal(utc, zone);
}
