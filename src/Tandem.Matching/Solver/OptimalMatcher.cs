namespace Tandem.Matching.Solver;

/// <summary>
/// Exact maximum-weight bipartite b-matching (each mentee at most one mentor, mentor j at most
/// Capacities[j] mentees) with an integer dual certificate. See docs/benchmarks.md for figures.
/// </summary>
public static partial class OptimalMatcher
{
    public static MatchResult Solve(ArcProblem p, MatchObjective objective, CancellationToken ct = default)
        => Solve(p, objective, mentorSide: null, ct);

    /// <param name="mentorSide">Force the search direction (tests); null picks by instance shape.</param>
    internal static MatchResult Solve(ArcProblem p, MatchObjective objective, bool? mentorSide, CancellationToken ct)
    {
        ArcProblemChecks.Validate(p);
        var engine = new AugmentingPathEngine(p, WeightsFor(p, objective, out long bigM));
        engine.Run(ct, mentorSide);
        return engine.ToResult(p, bigM);
    }

    /// <summary>w' per arc: score + BigM, or the score itself for the pure total.</summary>
    internal static long[] WeightsFor(ArcProblem p, MatchObjective objective, out long bigM)
    {
        long maxS = long.MinValue, minS = long.MaxValue;
        foreach (long s in p.ArcScore)
        {
            if (s > maxS) maxS = s;
            if (s < minS) minS = s;
        }
        long k = LexicographicWeight.MaxMatchSize(p);
        if (p.ArcScore.Length == 0) maxS = minS = 0;
        if (objective == MatchObjective.TotalScore)
        {
            LexicographicWeight.CheckTotalFits(maxS, k);
            bigM = 0;
            return p.ArcScore;
        }
        bigM = LexicographicWeight.BigM(maxS, minS, k);
        var w = new long[p.ArcScore.Length];
        for (int a = 0; a < w.Length; a++) w[a] = p.ArcScore[a] + bigM;
        return w;
    }
}
