namespace Tandem.Matching.Solver;

/// <summary>Result of <see cref="OptimalMatcher.SolveAllPairs"/>: optimal over every allowed pair.</summary>
/// <param name="FinalArcs">The arc set of the last solve; the certificate holds over all pairs.</param>
/// <param name="Rounds">Solves performed (1 = the shortlist was already optimal).</param>
/// <param name="ArcsAdded">Arcs added by pricing beyond the initial shortlist.</param>
public sealed record AllPairsResult(MatchResult Result, ArcProblem FinalArcs, int Rounds, int ArcsAdded);

public static partial class OptimalMatcher
{
    /// <summary>Violating pairs added per mentee per pricing round (largest reduced cost first).</summary>
    private const int MaxAddedPerRowPerRound = 32;

    /// <summary>
    /// Optimal over all allowed pairs of <paramref name="source"/> without materialising them
    /// (column generation): solve on each mentee's top-<paramref name="shortlist"/> pairs, then scan
    /// every pair and add those with positive reduced cost w' − u_i − v_j, and re-solve until none
    /// is left. The final duals are then feasible for every pair, so the result is optimal overall.
    /// </summary>
    public static AllPairsResult SolveAllPairs(IPairSource source, MatchObjective objective, int shortlist = 50,
        int threads = 2, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(shortlist, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = source.MenteeCount, m = source.MentorCount;
        var caps = new int[m];
        for (int j = 0; j < m; j++) caps[j] = source.Capacity(j);

        progress?.Report($"Scoring {n:N0} × {m:N0} pairs for the top-{shortlist} shortlist");
        var scan = ShortlistScan.Run(source, shortlist, threads, ct);
        var rows = new RowArcs(scan);
        // BigM must hold for all pairs, so it comes from the full score range, not the shortlist.
        long bigM = objective == MatchObjective.MostMatchedThenScore
            ? LexicographicWeight.BigM(scan.MaxScore, scan.MinScore, Math.Min(scan.MenteesWithPair, SumOf(caps)))
            : 0;
        if (objective == MatchObjective.TotalScore)
            LexicographicWeight.CheckTotalFits(scan.MaxScore, Math.Min(scan.MenteesWithPair, SumOf(caps)));

        // Upper bound, per mentee, on w' − v_j over its pairs outside the arc set, relative to the
        // mentor prices of the last pricing scan (all zero before the first). A row whose bound,
        // loosened by the largest price drop since, cannot beat u_i has no violator and is not rescored.
        var bound = new long[n];
        for (int i = 0; i < n; i++) bound[i] = scan.NextBest[i] == long.MinValue ? NoPairLeft : scan.NextBest[i] + bigM;
        var boundPrices = new long[m];
        int rounds = 0, added = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var p = rows.ToProblem(m, caps);
            var w = new long[p.ArcScore.Length];
            for (int a = 0; a < w.Length; a++) w[a] = p.ArcScore[a] + bigM;
            var engine = new AugmentingPathEngine(p, w);
            // Each round solves from scratch: re-inserting the priced mentees into the previous
            // solution was measured slower (forward searches among many unmatched mentees).
            engine.Run(ct);
            rounds++;
            var result = engine.ToResult(p, bigM);
            progress?.Report($"Round {rounds}: {p.ArcMentor.Length:N0} arcs, matched {result.Matched:N0}; pricing all pairs");
            var pending = PriceOut(source, rows, result.Certificate, bigM, bound, boundPrices, threads, ct);
            if (pending.Count == 0) return new AllPairsResult(result, p, rounds, added);
            foreach (int i in pending) added += rows.CountAdded(i);
        }
    }

    private static long SumOf(int[] caps)
    {
        long s = 0;
        foreach (int c in caps) s += c;
        return s;
    }

    private const long NoPairLeft = long.MinValue;

    /// <summary>
    /// Adds, per mentee, up to a few pairs whose reduced cost is positive; updates the row bounds.
    /// Returns the mentees that got arcs, ascending.
    /// </summary>
    private static List<int> PriceOut(IPairSource source, RowArcs rows, DualCertificate c, long bigM,
        long[] bound, long[] boundPrices, int threads, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        var v = c.MentorPrice;
        long drop = 0;
        for (int j = 0; j < m; j++) drop = Math.Max(drop, boundPrices[j] - v[j]);
        var extra = new (int[] Mentor, long[] Score)?[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, t =>
        {
            var row = new long[m];
            var inArcs = new bool[m];
            var top = new TopK(MaxAddedPerRowPerRound + 1);
            for (int i = t; i < n; i += threads)
            {
                if ((i & 1023) == t) ct.ThrowIfCancellationRequested();
                long ui = c.MenteePrice[i];
                if (bound[i] == NoPairLeft) continue;
                if (bound[i] + drop <= ui)
                {
                    bound[i] += drop;
                    continue;
                }
                source.ScoreRow(i, row);
                var own = rows.MentorsOf(i);
                foreach (int j in own) inArcs[j] = true;
                top.Clear();
                long rest = NoPairLeft;
                for (int j = 0; j < m; j++)
                {
                    long s = row[j];
                    if (s == long.MinValue || inArcs[j]) continue;
                    long x = s + bigM - v[j];
                    if (x > ui) top.Offer(x - ui, j);
                    else if (x > rest) rest = x;
                }
                foreach (int j in own) inArcs[j] = false;
                if (top.Count == MaxAddedPerRowPerRound + 1)
                {
                    rest = Math.Max(rest, top.WorstKey + ui);
                    top.RemoveWorst();
                }
                bound[i] = rest;
                if (top.Count == 0) continue;
                var ms = top.Items();
                var ss = new long[ms.Length];
                for (int k = 0; k < ms.Length; k++) ss[k] = row[ms[k]];
                extra[i] = (ms, ss);
            }
        });
        Array.Copy(v, boundPrices, m);
        var pending = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (extra[i] is not { } e) continue;
            rows.Add(i, e.Mentor, e.Score);
            pending.Add(i);
        }
        return pending;
    }
}
