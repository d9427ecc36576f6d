using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Matching;

namespace Tandem.Web.Data;

/// <summary>Demo matching content: the program's default weights and rules, and a few mentees' rankings of
/// published mentors in the open cohort (the demo mentee among them).</summary>
public static class DemoMatching
{
    public static async Task SeedAsync(TandemDb db, int programId, string menteeUserId, CancellationToken ct)
    {
        if (!await db.MatchSettings.AnyAsync(s => s.ProgramId == programId, ct))
            db.MatchSettings.Add(new MatchSettings { ProgramId = programId });

        var open = await db.Cohorts.Where(c => c.ProgramId == programId && c.Status == CohortStatus.Open).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (open is int cohortId)
        {
            var mentors = await db.Applications.Where(a => a.CohortId == cohortId && a.Role == ApplicationRole.Mentor && a.PublicProfile
                                                          && (a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Submitted))
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
            var mentees = await db.Applications.Where(a => a.CohortId == cohortId && a.Role == ApplicationRole.Mentee
                                                          && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Declined)
                .OrderBy(a => a.UserId == menteeUserId ? 0 : 1).ThenBy(a => a.Id).Select(a => a.Id).Take(12).ToListAsync(ct);
            if (mentors.Count >= 5)
            {
                for (var i = 0; i < mentees.Count; i++)
                {
                    // A different, deterministic choice of 3–5 mentors per mentee.
                    var count = 3 + i % 3;
                    for (var r = 0; r < count; r++)
                        db.MentorRankings.Add(new MentorRanking { CohortId = cohortId, MenteeApplicationId = mentees[i], MentorApplicationId = mentors[(i * 7 + r) % mentors.Count], Rank = r + 1 });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
