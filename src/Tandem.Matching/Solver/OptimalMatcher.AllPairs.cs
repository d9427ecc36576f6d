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
        => SolveAllPairs(source, objective, shortlist, DefaultReserve, threads, progress, ct);

    /// <param name="reserve">Next-best pairs per mentee kept for exact re-pricing (tests vary it).</param>
    internal static AllPairsResult SolveAllPairs(IPairSource source, MatchObjective objective, int shortlist, int reserve,
        int threads, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(shortlist, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = source.MenteeCount, m = source.MentorCount;
        var caps = new int[m];
        for (int j = 0; j < m; j++)
        {
            caps[j] = source.Capacity(j);
            if (caps[j] < 0) throw new ArgumentException($"Mentor {j} has negative capacity {caps[j]}.", nameof(source));
        }

        progress?.Report($"Scoring {n:N0} × {m:N0} pairs for the top-{shortlist} shortlist");
        var scan = ShortlistScan.Run(source, shortlist, reserve, threads, ct);
        var rows = new RowArcs(scan);
        // BigM must hold for all pairs, so it comes from the full score range, not the shortlist.
        long bigM = objective == MatchObjective.MostMatchedThenScore
            ? LexicographicWeight.BigM(scan.MaxScore, scan.MinScore, Math.Min(scan.MenteesWithPair, SumOf(caps)))
            : 0;
        if (objective == MatchObjective.TotalScore)
            LexicographicWeight.CheckTotalFits(scan.MaxScore, Math.Min(scan.MenteesWithPair, SumOf(caps)));

        // Pricing without rescoring every row: each mentee keeps a reserve of its next best pairs
        // (checked exactly against the new prices) and an upper bound on w' − v_j over all its
        // other pairs, relative to the mentor prices of its last scan (all zero at first). Loosened
        // by the largest price drop since, a bound that cannot beat u_i proves the row clean.
        var pricing = new PricingState(scan, bigM, m, reserve);
        int rounds = 0, added = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var p = rows.ToProblem(m, caps);
            var engine = new AugmentingPathEngine(p, bigM);
            // Each round solves from scratch: re-inserting the priced mentees into the previous
            // solution was measured slower (forward searches among many unmatched mentees).
            engine.Run(ct);
            rounds++;
            var result = engine.ToResult(p, bigM);
            progress?.Report($"Round {rounds}: {p.ArcMentor.Length:N0} arcs, matched {result.Matched:N0}; pricing all pairs");
            var pending = PriceOut(source, rows, result.Certificate, pricing, threads, out int rescored, out long drop, ct);
            progress?.Report($"Round {rounds}: rescored {rescored:N0} rows (largest mentor price drop {drop}), {pending.Count:N0} mentees got new arcs");
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

    private const int DefaultReserve = 32;

    private sealed class PricingState
    {
        public PricingState(ShortlistScan scan, long bigM, int m, int reserve)
        {
            Reserve = reserve;
            BigM = bigM;
            NearMentors = scan.NearMentors;
            NearScores = scan.NearScores;
            RestBound = new long[scan.RestBest.Length];
            for (int i = 0; i < RestBound.Length; i++) RestBound[i] = scan.RestBest[i] == long.MinValue ? NoPairLeft : scan.RestBest[i] + bigM;
            BoundPrices = new long[m];
        }

        public int Reserve { get; }
        public long BigM { get; }
        public int[][] NearMentors { get; }
        public long[][] NearScores { get; }
        public long[] RestBound { get; }
        public long[] BoundPrices { get; }
    }

    /// <summary>
    /// Adds, per mentee, up to a few pairs whose reduced cost is positive; refreshes reserves and
    /// bounds. Returns the mentees that got arcs, ascending.
    /// </summary>
    private static List<int> PriceOut(IPairSource source, RowArcs rows, DualCertificate c, PricingState st,
        int threads, out int rescored, out long drop, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        long bigM = st.BigM;
        var v = c.MentorPrice;
        long maxDrop = 0;
        for (int j = 0; j < m; j++) maxDrop = Math.Max(maxDrop, st.BoundPrices[j] - v[j]);
        drop = maxDrop;
        int scored = 0;
        var extra = new (int[] Mentor, long[] Score)?[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, t =>
        {
            var row = new long[m];
            int keep = MaxAddedPerRowPerRound + st.Reserve;
            var top = new TopK(keep);
            var idx = new int[keep];
            var keys = new long[keep];
            for (int i = t; i < n; i += threads)
            {
                if ((i & 1023) == t) ct.ThrowIfCancellationRequested();
                long ui = c.MenteePrice[i];
                long rest = st.RestBound[i];
                int count;
                if (rest != NoPairLeft && rest + maxDrop > ui)
                {
                    // The bound cannot rule the row out: rescore it.
                    Interlocked.Increment(ref scored);
                    source.ScoreRow(i, row);
                    // Pairs already in the arc set are left out (their duals are feasible).
                    foreach (int j in rows.MentorsOf(i)) row[j] = long.MinValue;
                    top.Clear();
                    long ignoredMax = long.MinValue, ignoredMin = long.MaxValue;
                    top.OfferRow(row, v, bigM, ref ignoredMax, ref ignoredMin);
                    count = top.DrainSorted(idx, keys); // may drop entries: read MaxDropped after
                    st.RestBound[i] = top.MaxDropped;
                    for (int q = 0; q < count; q++) keys[q] = row[idx[q]];
                }
                else
                {
                    if (rest != NoPairLeft) st.RestBound[i] = rest + maxDrop;
                    // Re-rank the reserve under the new prices.
                    var nm = st.NearMentors[i];
                    var ns = st.NearScores[i];
                    count = nm.Length;
                    top.Clear();
                    for (int q = 0; q < count; q++) top.Offer(ns[q] + bigM - v[nm[q]], nm[q]);
                    count = top.DrainSorted(idx, keys);
                    for (int q = 0; q < count; q++) keys[q] = ns[Array.IndexOf(nm, idx[q])];
                }
                // idx/keys: candidates by w' − v descending, keys holding raw scores.
                int add = 0;
                while (add < count && add < MaxAddedPerRowPerRound && keys[add] + bigM - v[idx[add]] > ui) add++;
                st.NearMentors[i] = idx[add..count];
                st.NearScores[i] = keys[add..count];
                if (add > 0) extra[i] = (idx[..add], keys[..add]);
            }
        });
        Array.Copy(v, st.BoundPrices, m);
        rescored = scored;
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
