using Tandem.Matching.Solver;

namespace Tandem.Matching.Cohorts;

/// <summary>Stable mode: mentee-proposing deferred acceptance with capacities over the allowed pairs.</summary>
internal static class CohortStable
{
    /// <summary>Rankings: a mentee lists the mentors it ranked (allowed ones, in its order) first, then the
    /// other allowed mentors by score; a mentor prefers mentees by score (StableMatcher's default).
    /// Ties break by input order.</summary>
    public static int[] Solve(CompiledCohort c, ArcProblem residual)
    {
        int n = c.MenteeCount, m = c.MentorCount;
        var menteeRanking = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var start = residual.RowStart[i];
            var count = residual.RowStart[i + 1] - start;
            var mentors = residual.ArcMentor.AsSpan(start, count).ToArray();
            var scores = residual.ArcScore.AsSpan(start, count).ToArray();
            var order = Enumerable.Range(0, count)
                .OrderBy(k => c.MenteeRank(i, mentors[k]) is var r && r > 0 ? r : int.MaxValue)
                .ThenByDescending(k => scores[k])
                .ThenBy(k => mentors[k]);
            menteeRanking[i] = [.. order.Select(k => mentors[k])];
        }
        return StableMatcher.Solve(residual, menteeRanking, mentorRanking: null).MentorOf;
    }
}
