namespace Tandem.Matching.Solver;

/// <summary>
/// Turns "most matched, then highest score" into one weighted problem: every arc gets
/// w' = score + BigM. With BigM = K·(maxS − minS) + max(0, −minS) + 1, where K bounds the
/// matching size, one more matched pair always outweighs any score difference among K pairs,
/// and every w' is positive. The sum of K weights (and the solver's distance sums, at most
/// three weights) must fit in a long; otherwise we refuse rather than overflow.
/// </summary>
internal static class LexicographicWeight
{
    public static long BigM(long maxScore, long minScore, long maxMatchSize)
    {
        if (maxMatchSize == 0) return 1;
        Int128 range = (Int128)maxScore - minScore;
        Int128 m = maxMatchSize * range + Int128.Max(0, -(Int128)minScore) + 1;
        Int128 heaviest = m + maxScore;
        if (heaviest * Math.Max(maxMatchSize, 4) > long.MaxValue / 2)
            throw new OverflowException(
                $"Scores span {range} over up to {maxMatchSize} pairs; the lexicographic weights would overflow a 64-bit integer. Scale the scores down.");
        return (long)m;
    }

    public static void CheckTotalFits(long maxScore, long maxMatchSize)
    {
        if ((Int128)Math.Max(maxScore, 0) * Math.Max(maxMatchSize, 4) > long.MaxValue / 2)
            throw new OverflowException("Scores are too large: the total could overflow a 64-bit integer.");
    }

    /// <summary>Largest possible matching size: mentees with an arc, bounded by total capacity.</summary>
    public static long MaxMatchSize(ArcProblem p)
    {
        long withArc = 0;
        for (int i = 0; i < p.MenteeCount; i++)
        {
            if (p.RowStart[i + 1] > p.RowStart[i]) withArc++;
        }
        long capSum = 0;
        foreach (int c in p.Capacities) capSum += c;
        return Math.Min(withArc, capSum);
    }
}
