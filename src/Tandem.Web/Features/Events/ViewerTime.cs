using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Events;

/// <summary>Times are stored in UTC and shown in the viewer's time zone (from their profile), else the program's.</summary>
public sealed class ViewerTime(TandemDb db)
{
    /// <summary>The program's home zone (the program this was built for runs in Beijing).</summary>
    public const string ProgramZone = "Asia/Shanghai";

    private TimeZoneInfo? zone;

    public async Task<TimeZoneInfo> ZoneAsync(string? userId, CancellationToken ct)
    {
        if (zone is not null) return zone;
        var id = userId is null ? null : await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        zone = (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z)) ? z
            : TimeZoneInfo.TryFindSystemTimeZoneById(ProgramZone, out var p) ? p : TimeZoneInfo.Utc;
        return zone;
    }

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
