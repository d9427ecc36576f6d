using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;

namespace Tandem.Web.Shared;

/// <summary>Who a library item, event or webinar is for. Mentee and mentor are not global roles: they come
/// from accepted applications, so a person may be both (in different cohorts).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Audience>))]
public enum Audience
{
    All = 0,
    Mentees = 1,
    Mentors = 2,
}

/// <summary>The audiences a person belongs to, from their accepted applications; coordinators see everything.</summary>
public sealed record Reach(bool Coordinator, bool Mentee, bool Mentor)
{
    public bool Sees(Audience audience) => Coordinator || audience switch
    {
        Audience.Mentees => Mentee,
        Audience.Mentors => Mentor,
        _ => true,
    };

    public static async Task<Reach> OfAsync(TandemDb db, string? userId, bool coordinator, CancellationToken ct)
    {
        if (userId is null) return new Reach(false, false, false);
        var roles = await db.Applications.AsNoTracking()
            .Where(a => a.UserId == userId && a.Status == ApplicationStatus.Accepted)
            .Select(a => a.Role).Distinct().ToListAsync(ct);
        return new Reach(coordinator, roles.Contains(ApplicationRole.Mentee), roles.Contains(ApplicationRole.Mentor));
    }
}
