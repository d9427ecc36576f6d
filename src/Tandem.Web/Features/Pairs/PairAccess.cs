using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

/// <summary>The signed-in person's place in one pair. Only the pair's mentee and mentor ever get one:
/// everyone else (other members, coordinators) is told the pair does not exist.</summary>
public sealed record PairMember(int PairId, int CohortId, string MenteeId, string MentorId, PairStatus Status, string Me, bool Reverse = false)
{
    public bool IsMentee => Me == MenteeId;
    public bool IsMentor => Me == MentorId;
    public string OtherId => IsMentee ? MentorId : MenteeId;
    public bool Active => Status == PairStatus.Active;
}

public static class PairAccess
{
    /// <summary>The pairs the person belongs to, as mentee or mentor: the ownership check every query of the pair's space starts from.</summary>
    public static IQueryable<Pair> OfMember(this IQueryable<Pair> pairs, string me) => pairs.Where(p => p.MenteeId == me || p.MentorId == me);

    public static Task<PairMember?> FindAsync(TandemDb db, int pairId, string me, CancellationToken ct) =>
        db.Pairs.AsNoTracking().OfMember(me).Where(p => p.Id == pairId)
            .Select(p => new PairMember(p.Id, p.CohortId, p.MenteeId, p.MentorId, p.Status, me, p.Reverse)).SingleOrDefaultAsync(ct);

    /// <summary>Closed pairs keep their history readable, but nothing new is added.</summary>
    public static Errors? ClosedRefusal(PairMember pair, IStringLocalizer<PairsText> t) =>
        pair.Active ? null : Errors.One("", t["This mentorship is closed: its space is read-only, so nothing new can be added."]);
}
