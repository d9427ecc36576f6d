namespace Tandem.Matching.Solver;

/// <summary>Result of <see cref="OptimalMatcher.SolveAllPairs"/>: optimal over every allowed pair.</summary>
/// <param name="FinalArcs">The arc set of the last solve; the certificate holds over all pairs.</param>
/// <param name="Rounds">Solves performed (1 = the first arc set was already optimal).</param>
/// <param name="ArcsAdded">Arcs added by pricing beyond the first arc set.</param>
public sealed record AllPairsResult(MatchResult Result, ArcProblem FinalArcs, int Rounds, int ArcsAdded);

/// <summary>Knobs of <see cref="OptimalMatcher.SolveAllPairs"/> that tests and benchmarks vary.</summary>
/// <param name="MentorSeed">Each mentor's best MentorSeed × capacity mentees join the first arc set.</param>
/// <param name="Block">Mentors per tile when the source scores tiles.</param>
/// <param name="Warm">Re-solve by re-inserting the mentees that got arcs (false: solve from scratch).</param>
/// <param name="MaxAddedPerRow">Violating pairs added per mentee per round, largest reduced cost first.</param>
internal sealed record AllPairsOptions(int MentorSeed = 10, int Block = PairTiles.DefaultBlock, bool Warm = true, int MaxAddedPerRow = 32);

public static partial class OptimalMatcher
{
    /// <summary>
    /// Optimal over all allowed pairs of <paramref name="source"/> without materialising them
    /// (column generation): solve on each mentee's top-<paramref name="shortlist"/> pairs plus each
    /// mentor's best 10 × capacity mentees, then scan every pair for a positive reduced cost
    /// w' − u_i − v_j, add those, and re-solve until none is left. The final duals are then feasible
    /// for every pair, so the result is optimal overall. Sources that implement
    /// <see cref="IPairTileSource"/> are scored tile by tile.
    /// </summary>
    public static AllPairsResult SolveAllPairs(IPairSource source, MatchObjective objective, int shortlist = 50,
        int threads = 2, IProgress<string>? progress = null, CancellationToken ct = default)
        => SolveAllPairs(source, objective, shortlist, new AllPairsOptions(), threads, progress, ct);

    internal static AllPairsResult SolveAllPairs(IPairSource source, MatchObjective objective, int shortlist, AllPairsOptions options,
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

        progress?.Report($"Scoring {n:N0} × {m:N0} pairs for each mentee's top {shortlist} and each mentor's top {options.MentorSeed} × capacity");
        var scan = ShortlistScan.Run(source, caps, shortlist, options, threads, ct);
        // BigM must hold for all pairs, so it comes from the full score range, not the shortlist.
        long k = Math.Min(scan.MenteesWithPair, SumOf(caps));
        long bigM = objective == MatchObjective.MostMatchedThenScore ? LexicographicWeight.BigM(scan.MaxScore, scan.MinScore, k) : 0;
        if (objective == MatchObjective.TotalScore) LexicographicWeight.CheckTotalFits(scan.MaxScore, k);

        var pricing = new Pricing(scan, bigM, m, options.MaxAddedPerRow);
        // Warm: the engine's own rows are the arc set from here on (the scan's lists are dropped
        // before the engine is built, so the arcs are held once). Cold: the lists grow and each
        // round builds a new engine from them.
        var rows = options.Warm ? null : scan.Rows;
        var first = scan.Rows.ToProblem(m, caps);
        scan.ReleaseRows();
        var engine = new AugmentingPathEngine(first, bigM, mentorSide: true, bothSides: options.Warm);
        first = null;
        ReleaseGarbage(engine.ArcCount);
        engine.Run(ct);
        int rounds = 1, added = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var result = engine.ToResult();
            progress?.Report($"Round {rounds}: {engine.ArcCount:N0} arcs, matched {result.Matched:N0}; pricing all pairs");
            var pending = pricing.Run(source, (IArcRows?)rows ?? engine, result.Certificate, options.Block, threads, ct);
            progress?.Report($"Round {rounds}: rescored {pricing.Rescored:N0} rows (largest mentor price drop {pricing.Drop}), {pending.Count:N0} mentees got new arcs");
            if (pending.Count == 0)
                return new AllPairsResult(result, rows?.ToProblem(m, caps) ?? engine.ToProblem(caps), rounds, added);
            foreach (var (_, mentors, _) in pending) added += mentors.Length;
            if (rows is null)
            {
                engine.AddArcsAndResolve(pending, ct);
                ReleaseGarbage(engine.ArcCount);
            }
            else
            {
                foreach (var (i, mentors, scores) in pending) rows.Add(i, mentors, scores);
                engine = new AugmentingPathEngine(rows.ToProblem(m, caps), bigM, mentorSide: true);
                engine.Run(ct);
            }
            rounds++;
        }
    }

    /// <summary>
    /// On big instances the scan's lists, the first arc problem, the engine's sort buffers and each
    /// merge's old rows and columns are hundreds of MB of large-object garbage at once; left to the
    /// GC's own pace it piles up (2 GB at 200k × 40k). One blocking collection at those points keeps
    /// the process near its live set, for a few hundred ms against a solve of tens of seconds.
    /// </summary>
    private static void ReleaseGarbage(int arcs)
    {
        if (arcs >= 4_000_000) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    private static long SumOf(int[] caps)
    {
        long s = 0;
        foreach (int c in caps) s += c;
        return s;
    }

    /// <summary>
    /// Pricing without rescoring every row. Each mentee keeps a reserve: its best pairs outside the
    /// arc set at its last scan (up to <see cref="Reserve"/>), re-priced exactly every round, and a
    /// bound on w' − v_j over all its other pairs, relative to the mentor prices of its last scan (all
    /// zero at first). Loosened by the largest price drop since, a bound that cannot beat u_i proves
    /// the row clean apart from its reserve, whose violators are added without scoring anything.
    /// </summary>
    private sealed class Pricing(ShortlistScan scan, long bigM, int m, int maxAdded)
    {
        private const long NoPairLeft = long.MinValue;
        private const int Reserve = 32;
        private readonly long[] _restBound = InitialBounds(scan.RestBest, bigM);
        private readonly long[] _boundPrices = new long[m];
        private readonly int[]?[] _reserveMentor = new int[]?[scan.RestBest.Length];
        private readonly long[]?[] _reserveScore = new long[]?[scan.RestBest.Length];

        public int Rescored { get; private set; }
        public long Drop { get; private set; }

        private static long[] InitialBounds(long[] restBest, long bigM)
        {
            var bound = new long[restBest.Length];
            for (int i = 0; i < bound.Length; i++) bound[i] = restBest[i] == long.MinValue ? NoPairLeft : restBest[i] + bigM;
            return bound;
        }

        /// <summary>Per mentee with violating pairs (ascending): up to maxAdded of them, largest reduced cost first.</summary>
        public List<(int Mentee, int[] Mentors, long[] Scores)> Run(IPairSource source, IArcRows rows, DualCertificate c,
            int block, int threads, CancellationToken ct)
        {
            int n = source.MenteeCount;
            var u = c.MenteePrice;
            var v = c.MentorPrice;
            long maxDrop = 0;
            for (int j = 0; j < m; j++) maxDrop = Math.Max(maxDrop, _boundPrices[j] - v[j]);
            Drop = maxDrop;
            var found = new (int[] Mentors, long[] Scores)?[n];
            var dirty = new List<int>();
            for (int i = 0; i < n; i++)
            {
                long rest = _restBound[i];
                if (rest != NoPairLeft && rest + maxDrop > u[i])
                {
                    dirty.Add(i);
                    continue;
                }
                if (rest != NoPairLeft) _restBound[i] = rest + maxDrop;
                found[i] = FromReserve(i, u[i], v);
            }
            Rescored = dirty.Count;
            // key = score + (BigM − v_j): the pair's w' − v_j, compared with u_i.
            var offset = new long[m + 8];
            for (int j = 0; j < m; j++) offset[j] = bigM - v[j];
            PairTiles.Run(source, [.. dirty], block, threads,
                () => new PricingState(maxAdded + Reserve),
                (st, mentees, j0, width, scores) =>
                {
                    for (int r = 0; r < mentees.Length; r++)
                    {
                        int i = mentees[r];
                        var row = scores.Slice(r * width, width);
                        // Pairs in the arc set are dual feasible already; leaving them out keeps the bound tight.
                        foreach (int j in rows.MentorsOf(i))
                        {
                            if ((uint)(j - j0) < (uint)width) row[j - j0] = long.MinValue;
                        }
                        if (j0 == 0) st.Top[r].SetFloor(Floor(i, u[i], v, row, offset.AsSpan(0, width), m));
                        long ignoredMax = 0, ignoredMin = 0;
                        PairTiles.Offer(row, offset.AsSpan(j0, width), j0, st.Top[r], long.MinValue, ref st.Rest[r], ref ignoredMax, ref ignoredMin, null, i);
                    }
                },
                (st, r, i) =>
                {
                    var top = st.Top[r];
                    int count = top.DrainSorted(st.Index, st.Key); // may drop entries: read MaxDropped after
                    _restBound[i] = Math.Max(st.Rest[r], top.MaxDropped);
                    st.Rest[r] = long.MinValue;
                    top.Clear();
                    // Sorted by key: the violators first (up to maxAdded are added), the rest is the reserve.
                    int add = 0;
                    while (add < count && add < maxAdded && st.Key[add] > u[i]) add++;
                    var scores = new long[count];
                    for (int q = 0; q < count; q++) scores[q] = st.Key[q] - offset[st.Index[q]];
                    _reserveMentor[i] = st.Index[add..count];
                    _reserveScore[i] = scores[add..count];
                    if (add > 0) found[i] = (st.Index[..add], scores[..add]);
                },
                _ => { }, ct);
            Array.Copy(v, _boundPrices, m);
            var pending = new List<(int, int[], long[])>();
            for (int i = 0; i < n; i++)
            {
                if (found[i] is { } f) pending.Add((i, f.Mentors, f.Scores));
            }
            return pending;
        }

        /// <summary>The reserve's violators under the current prices (up to maxAdded, best first),
        /// taken out of the reserve; null when there are none.</summary>
        private (int[], long[])? FromReserve(int i, long ui, long[] v)
        {
            var mentors = _reserveMentor[i];
            if (mentors is null || mentors.Length == 0) return null;
            var scores = _reserveScore[i]!;
            var order = new List<(long Key, int Mentor, long Score)>();
            for (int q = 0; q < mentors.Length; q++)
            {
                long key = scores[q] + bigM - v[mentors[q]];
                if (key > ui) order.Add((key, mentors[q], scores[q]));
            }
            if (order.Count == 0) return null;
            order.Sort((a, b) => a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Mentor.CompareTo(b.Mentor));
            if (order.Count > maxAdded) order.RemoveRange(maxAdded, order.Count - maxAdded);
            var taken = order.Select(o => o.Mentor).ToHashSet();
            var keep = Enumerable.Range(0, mentors.Length).Where(q => !taken.Contains(mentors[q])).ToArray();
            _reserveMentor[i] = [.. keep.Select(q => mentors[q])];
            _reserveScore[i] = [.. keep.Select(q => scores[q])];
            return ([.. order.Select(o => o.Mentor)], [.. order.Select(o => o.Score)]);
        }

        /// <summary>
        /// Where a rescored row's top list may start: below the mentee's price and below every
        /// reserve pair's key (so the old reserve passes again), else an estimate from the row's
        /// first block. Keys under it count as left out, so a high floor only shortens the reserve.
        /// </summary>
        private long Floor(int i, long ui, long[] v, ReadOnlySpan<long> firstBlock, ReadOnlySpan<long> offset, int rowLength)
        {
            var mentors = _reserveMentor[i];
            if (mentors is { Length: > 0 })
            {
                long low = ui;
                var scores = _reserveScore[i]!;
                for (int q = 0; q < mentors.Length; q++) low = Math.Min(low, scores[q] + bigM - v[mentors[q]]);
                return low - 1;
            }
            return Math.Min(ui, ShortlistScan.EstimateCut(firstBlock, offset, maxAdded + Reserve, rowLength));
        }
    }

    private sealed class PricingState
    {
        public PricingState(int maxAdded)
        {
            for (int r = 0; r < Top.Length; r++) Top[r] = new TopK(maxAdded);
            Array.Fill(Rest, long.MinValue);
            Index = new int[maxAdded];
            Key = new long[maxAdded];
        }

        public TopK[] Top { get; } = new TopK[PairTiles.TileRows];
        public long[] Rest { get; } = new long[PairTiles.TileRows];
        public int[] Index { get; }
        public long[] Key { get; }
    }
}
