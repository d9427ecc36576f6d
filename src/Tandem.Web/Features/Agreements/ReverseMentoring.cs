using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Agreements;

/// <summary>
/// A reverse pair: both people opted in to reverse mentoring on their applications and the person in the mentor's
/// seat is the more junior one (matching allows that only with both opt-ins). Each teaches the other: the mentor a
/// newer view or skill, the mentee experience and context.
/// </summary>
public static class ReverseMentoring
{
    public static Task<bool> IsReverseAsync(TandemDb db, int pairId, CancellationToken ct) =>
        db.Pairs.AsNoTracking().Where(p => p.Id == pairId).AnyAsync(p =>
            db.Applications.Any(a => a.Id == p.MenteeApplicationId && a.OpenToReverse)
            && db.Applications.Any(a => a.Id == p.MentorApplicationId && a.OpenToReverse)
            && db.Profiles.Any(mentor => mentor.UserId == p.MentorId && mentor.Seniority != null
                && db.Profiles.Any(mentee => mentee.UserId == p.MenteeId && mentee.Seniority != null && mentor.Seniority < mentee.Seniority)), ct);
}
