using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Webinars;

namespace Tandem.Web.Features.Events;

public sealed record EngagementResponse(string UserId, int EventsAttended, int WebinarsAttended);

/// <summary>How much a person took part in the community (counts only): reusable by reports and pace.</summary>
public sealed class Engagement(TandemDb db)
{
    public async Task<EngagementResponse?> ForAsync(string userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return null;
        var events = await db.EventRsvps.CountAsync(r => r.UserId == userId && r.Attended, ct);
        var webinars = await db.WebinarRegistrations.CountAsync(r => r.UserId == userId && r.Attended && r.Status == RegistrationStatus.Registered, ct);
        return new EngagementResponse(userId, events, webinars);
    }
}
