using Tandem.Matching;

namespace Tandem.Matching.Tests.Solver;

/// <summary>Fixed-seed random instances and a brute-force reference for tests.</summary>
internal static class Instances
{
    public static ArcProblem Random(int seed, int mentees, int mentors, double density, int minScore, int maxScore, int maxCap)
    {
        var rng = new Random(seed);
        var caps = new int[mentors];
        for (int j = 0; j < mentors; j++) caps[j] = rng.Next(0, maxCap + 1);
        var rowStart = new int[mentees + 1];
        var arcMentor = new List<int>();
        var arcScore = new List<long>();
        for (int i = 0; i < mentees; i++)
        {
            for (int j = 0; j < mentors; j++)
            {
                if (rng.NextDouble() < density)
                {
                    arcMentor.Add(j);
                    arcScore.Add(rng.Next(minScore, maxScore + 1));
                }
            }
            rowStart[i + 1] = arcMentor.Count;
        }
        return new ArcProblem
        {
            MenteeCount = mentees, MentorCount = mentors, Capacities = caps,
            RowStart = rowStart, ArcMentor = [.. arcMentor], ArcScore = [.. arcScore],
        };
    }

    /// <summary>Best (matched, total) by enumerating every assignment.</summary>
    public static (int Matched, long Total) BruteForce(ArcProblem p, MatchObjective objective)
    {
        var load = new int[p.MentorCount];
        (int M, long T) best = (0, 0);
        void Go(int i, int matched, long total)
        {
            if (i == p.MenteeCount)
            {
                bool better = objective == MatchObjective.TotalScore
                    ? total > best.T
                    : matched > best.M || (matched == best.M && total > best.T);
                if (better) best = (matched, total);
                return;
            }
            Go(i + 1, matched, total);
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                int j = p.ArcMentor[a];
                if (load[j] >= p.Capacities[j]) continue;
                load[j]++;
                Go(i + 1, matched + 1, total + p.ArcScore[a]);
                load[j]--;
            }
        }
        Go(0, 0, 0);
        if (objective == MatchObjective.TotalScore)
        {
            // Among equal totals the brute force keeps the first found; only the total is comparable.
            return (-1, best.T);
        }
        return best;
    }
}
