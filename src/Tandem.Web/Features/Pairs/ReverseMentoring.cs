using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

public sealed record ReverseRequest(bool? Reverse);

public sealed record ReverseResponse(int PairId, bool Reverse);

/// <summary>
/// Reverse mentoring: each of the two teaches the other (the mentor a newer view or skill, the mentee experience and
/// context). A pair is reverse when matching paired them on their reverse fit (both opted in and the person in the
/// mentor's seat is the more junior one), or when the pair or a coordinator says so later. It is stored on the pair.
/// </summary>
public sealed class ReverseMentoring(TandemDb db, IStringLocalizer<PairsText> t)
{
    /// <summary>Marks the newly published pairs whose match rests on reverse fit: both opted in, and the mentor is more junior.</summary>
    public static Task<int> MarkMatchedAsync(TandemDb db, IReadOnlyCollection<int> pairIds, CancellationToken ct) =>
        db.Pairs.Where(p => pairIds.Contains(p.Id)
                && db.Applications.Any(a => a.Id == p.MenteeApplicationId && a.OpenToReverse)
                && db.Applications.Any(a => a.Id == p.MentorApplicationId && a.OpenToReverse)
                && db.Profiles.Any(mentor => mentor.UserId == p.MentorId && mentor.Seniority != null
                    && db.Profiles.Any(mentee => mentee.UserId == p.MenteeId && mentee.Seniority != null && mentor.Seniority < mentee.Seniority)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Reverse, true), ct);

    /// <summary>The pair (either member, while it is active) or a coordinator marks it as reverse mentoring, or not.</summary>
    public async Task<Outcome<bool>> SetAsync(int pairId, string me, bool coordinator, ReverseRequest r, CancellationToken ct)
    {
        var pair = await db.Pairs.SingleOrDefaultAsync(p => p.Id == pairId && (coordinator || p.MenteeId == me || p.MentorId == me), ct);
        if (pair is null) return Refusal.NotFound;
        if (r.Reverse is not { } reverse) return Errors.One(nameof(r.Reverse), t["Please say whether this is reverse mentoring (true or false)."]);
        if (pair.Status != PairStatus.Active) return Errors.One("", t["This mentorship is closed: its space is read-only, so nothing new can be added."]);
        pair.Reverse = reverse;
        await db.SaveChangesAsync(ct);
        return reverse;
    }
}
