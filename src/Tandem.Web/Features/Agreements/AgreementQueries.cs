using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Agreements;

public sealed record AgreementResponse(int PairId, string? AreasForGrowth, string? DesiredOutcomes, string? MenteeExpectations, string? MentorExpectations,
    string? RolesAndResponsibilities, string? MeetingCadence, bool ConfidentialityAcknowledged, DateTime? MenteeConfirmedAt, DateTime? MentorConfirmedAt,
    bool Confirmed, IReadOnlyList<GoalResponse> Goals);

public sealed record GoalResponse(int Id, string Title, string Measure, DateOnly TargetDate, GoalStatus Status, int Progress, IReadOnlyList<GoalUpdateResponse> Updates);

public sealed record GoalUpdateResponse(int Id, string AuthorId, string AuthorName, int? Progress, string Note, DateTime At);

public static class AgreementQueries
{
    /// <summary>The pair's agreement (empty fields when nobody wrote it yet) with its goals; null when the person is not in the pair.</summary>
    public static async Task<AgreementResponse?> GetAsync(TandemDb db, int pairId, string me, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        var a = await db.Agreements.AsNoTracking().Where(a => a.PairId == pairId).SingleOrDefaultAsync(ct) ?? new Agreement { PairId = pairId };
        var goals = await GoalsAsync(db, pairId, null, ct);
        return new AgreementResponse(pairId, a.AreasForGrowth, a.DesiredOutcomes, a.MenteeExpectations, a.MentorExpectations, a.RolesAndResponsibilities,
            a.MeetingCadence, a.ConfidentialityAcknowledged, a.MenteeConfirmedAt, a.MentorConfirmedAt, a.MenteeConfirmedAt is not null && a.MentorConfirmedAt is not null, goals);
    }

    /// <summary>Goals of a pair (the caller has checked membership), oldest first, each with its updates.</summary>
    public static async Task<IReadOnlyList<GoalResponse>> GoalsAsync(TandemDb db, int pairId, int? goalId, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.PairId == pairId && (goalId == null || g.Id == goalId)).OrderBy(g => g.TargetDate).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Title, g.Measure, g.TargetDate, g.Status, g.Progress }).ToListAsync(ct);
        var ids = goals.Select(g => g.Id).ToList();
        var updates = await (from u in db.GoalUpdates.AsNoTracking()
                             join p in db.Profiles on u.AuthorId equals p.UserId
                             where ids.Contains(u.GoalId)
                             orderby u.At, u.Id
                             select new { u.GoalId, Update = new GoalUpdateResponse(u.Id, u.AuthorId, p.DisplayName, u.Progress, u.Note, u.At) }).ToListAsync(ct);
        return goals.Select(g => new GoalResponse(g.Id, g.Title, g.Measure, g.TargetDate, g.Status, g.Progress,
            updates.Where(u => u.GoalId == g.Id).Select(u => u.Update).ToList())).ToList();
    }
}
