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
        long bigM = BigMFor(p, objective);
        var engine = new AugmentingPathEngine(p, bigM, mentorSide);
        engine.Run(ct);
        return engine.ToResult();
    }

    /// <summary>The constant added to every score (w' = score + BigM), 0 for the pure total;
    /// refuses scores whose sums could overflow.</summary>
    internal static long BigMFor(ArcProblem p, MatchObjective objective)
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
            return 0;
        }
        return LexicographicWeight.BigM(maxS, minS, k);
    }
}
