namespace Tandem.Matching.Solver;

/// <summary>Outcome of an independent optimality check.</summary>
public sealed record CertificateReport(bool Ok, IReadOnlyList<string> Violations)
{
    public override string ToString() => Ok ? "certificate ok" : string.Join(Environment.NewLine, Violations);
}

/// <summary>
/// Verifies a <see cref="MatchResult"/> from the problem data alone, sharing no code with the
/// solvers: primal feasibility, dual feasibility over every allowed pair, and equal primal and dual
/// objectives (which proves optimality). All sums in Int128.
/// For the lexicographic objective it also checks that BigM is large enough that one extra pair
/// outweighs any score difference: BigM &gt; (K − 1)·(maxS − minS) − minS, K = largest possible
/// matching size.
/// </summary>
public static class CertificateChecker
{
    private const int MaxListed = 20;

    public static CertificateReport Check(ArcProblem p, MatchResult result, MatchObjective objective)
    {
        var rows = new ArcRows(p);
        return CheckCore(rows, p.MenteeCount, p.MentorCount, p.Capacities, result, objective);
    }

    public static CertificateReport Check(IPairSource source, MatchResult result, MatchObjective objective)
    {
        var caps = new int[source.MentorCount];
        for (int j = 0; j < caps.Length; j++) caps[j] = source.Capacity(j);
        return CheckCore(new SourceRows(source), source.MenteeCount, source.MentorCount, caps, result, objective);
    }

    /// <summary>Row access: all allowed (mentor, score) pairs of a mentee, copied into the buffers.</summary>
    private interface IRows
    {
        int MaxRow { get; }

        int Fill(int mentee, int[] mentors, long[] scores);
    }

    private sealed class ArcRows(ArcProblem p) : IRows
    {
        public int MaxRow
        {
            get
            {
                int widest = 0;
                for (int i = 0; i < p.MenteeCount; i++) widest = Math.Max(widest, p.RowStart[i + 1] - p.RowStart[i]);
                return widest;
            }
        }

        public int Fill(int mentee, int[] mentors, long[] scores)
        {
            int c = 0;
            for (int a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++, c++)
            {
                mentors[c] = p.ArcMentor[a];
                scores[c] = p.ArcScore[a];
            }
            return c;
        }
    }

    private sealed class SourceRows(IPairSource s) : IRows
    {
        private readonly long[] _row = new long[s.MentorCount];

        public int MaxRow => s.MentorCount;

        public int Fill(int mentee, int[] mentors, long[] scores)
        {
            s.ScoreRow(mentee, _row);
            int c = 0;
            for (int j = 0; j < _row.Length; j++)
            {
                if (_row[j] == long.MinValue) continue;
                mentors[c] = j;
                scores[c++] = _row[j];
            }
            return c;
        }
    }

    private static CertificateReport CheckCore(IRows rows, int n, int m, int[] caps, MatchResult r, MatchObjective objective)
    {
        var bad = new List<string>();
        void Bad(string s) { if (bad.Count < MaxListed) bad.Add(s); else if (bad.Count == MaxListed) bad.Add("… more violations omitted"); }

        var c = r.Certificate;
        if (r.MentorOf.Length != n) return Fail($"MentorOf has {r.MentorOf.Length} entries, expected {n}.");
        if (c.MenteePrice.Length != n) return Fail($"MenteePrice has {c.MenteePrice.Length} entries, expected {n}.");
        if (c.MentorPrice.Length != m) return Fail($"MentorPrice has {c.MentorPrice.Length} entries, expected {m}.");
        long bigM = c.BigM;
        if (objective == MatchObjective.TotalScore && bigM != 0) Bad($"BigM must be 0 for the total-score objective, got {bigM}.");

        for (int i = 0; i < n; i++)
        {
            if (c.MenteePrice[i] < 0) Bad($"Mentee {i} has negative price {c.MenteePrice[i]}.");
        }
        for (int j = 0; j < m; j++)
        {
            if (c.MentorPrice[j] < 0) Bad($"Mentor {j} has negative price {c.MentorPrice[j]}.");
        }

        int widest = rows.MaxRow;
        var mentorBuf = new int[widest];
        var scoreBuf = new long[widest];
        var load = new int[m];
        long matched = 0, menteesWithPair = 0;
        Int128 total = 0, primal = 0, minSlack = Int128.MaxValue;
        long maxS = long.MinValue, minS = long.MaxValue;
        int minSlackMentee = -1, minSlackMentor = -1;

        for (int i = 0; i < n; i++)
        {
            int chosen = r.MentorOf[i];
            if (chosen < -1 || chosen >= m) { Bad($"Mentee {i} has mentor {chosen}, out of range."); chosen = -1; }
            bool found = false;
            long chosenScore = long.MinValue;
            Int128 ui = c.MenteePrice[i];
            int count = rows.Fill(i, mentorBuf, scoreBuf);
            bool any = count > 0;
            for (int q = 0; q < count; q++)
            {
                int j = mentorBuf[q];
                long s = scoreBuf[q];
                if (s > maxS) maxS = s;
                if (s < minS) minS = s;
                if (j == chosen) { found = true; chosenScore = Math.Max(chosenScore, s); }
                // slack of the constraint u_i + v_j ≥ s + BigM, kept without BigM so one pass suffices
                Int128 slack = ui + c.MentorPrice[j] - s;
                if (slack < minSlack) { minSlack = slack; minSlackMentee = i; minSlackMentor = j; }
            }
            if (any) menteesWithPair++;
            if (chosen < 0) continue;
            if (!found) { Bad($"Mentee {i} is matched to mentor {chosen}, which is not an allowed pair."); continue; }
            matched++;
            load[chosen]++;
            total += chosenScore;
            primal += (Int128)chosenScore + bigM;
        }

        for (int j = 0; j < m; j++)
        {
            if (load[j] > caps[j]) Bad($"Mentor {j} has {load[j]} mentees, capacity {caps[j]}.");
        }
        if (matched != r.Matched) Bad($"Reported {r.Matched} matched, recomputed {matched}.");
        if (total != r.TotalScore) Bad($"Reported total score {r.TotalScore}, recomputed {total}.");

        if (minSlackMentee >= 0 && minSlack < bigM)
        {
            Bad($"Dual constraint violated: mentee {minSlackMentee} + mentor {minSlackMentor}: "
                + $"u + v − score = {minSlack} < BigM = {bigM}.");
        }

        Int128 dual = 0;
        foreach (long u in c.MenteePrice) dual += u;
        for (int j = 0; j < m; j++) dual += (Int128)caps[j] * c.MentorPrice[j];
        if (dual != primal) Bad($"Dual objective {dual} differs from the chosen weight {primal}: not proven optimal.");

        if (objective == MatchObjective.MostMatchedThenScore && menteesWithPair > 0)
        {
            long capSum = 0;
            foreach (int cap in caps) capSum += cap;
            Int128 k = Math.Min(menteesWithPair, capSum);
            // One more pair must outweigh any score gap; for K = 1 that only needs every weight positive.
            Int128 needed = k <= 1 ? -(Int128)minS : (k - 1) * ((Int128)maxS - minS) - minS;
            if (k >= 1 && (Int128)bigM <= needed) Bad($"BigM = {bigM} is too small to rank matched count first (needs > {needed}).");
        }

        return new CertificateReport(bad.Count == 0, bad);
    }

    private static CertificateReport Fail(string s) => new(false, [s]);
}
