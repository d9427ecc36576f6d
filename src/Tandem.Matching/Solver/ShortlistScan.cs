namespace Tandem.Matching.Solver;

/// <summary>
/// One pass over every pair, tile by tile: each mentee's best k pairs, each mentor's best
/// MentorSeed × capacity mentees (so unpopular mentors have candidates from the first solve on),
/// the global score range, and per mentee the best score left out.
/// </summary>
internal sealed class ShortlistScan
{
    public RowArcs Rows { get; private set; } = null!;

    /// <summary>Lets the per-mentee lists go once they have been copied into a solver.</summary>
    public void ReleaseRows() => Rows = null!;

    /// <summary>Best score outside the mentee's own top k, or long.MinValue when there is none.</summary>
    public required long[] RestBest { get; init; }
    public long MaxScore { get; private set; } = long.MinValue;
    public long MinScore { get; private set; } = long.MaxValue;
    public long MenteesWithPair { get; private set; }

    private sealed class State
    {
        public State(int k, IColumnSink? columns)
        {
            for (int r = 0; r < Top.Length; r++) Top[r] = new TopK(k);
            Array.Fill(Rest, long.MinValue);
            Index = new int[k];
            Key = new long[k];
            Columns = columns;
        }

        public TopK[] Top { get; } = new TopK[PairTiles.TileRows];
        public long[] Rest { get; } = new long[PairTiles.TileRows];
        public int[] Index { get; }
        public long[] Key { get; }
        public IColumnSink? Columns { get; }
        public long Max = long.MinValue, Min = long.MaxValue, WithPair;
    }

    public static ShortlistScan Run(IPairSource source, int[] caps, int k, AllPairsOptions options, int threads, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        var seed = new int[m];
        for (int j = 0; j < m; j++) seed[j] = (int)Math.Min(n, (long)options.MentorSeed * caps[j]);
        var mentors = new int[n][];
        var scores = new long[n][];
        var restBest = new long[n];
        var states = new List<State>();
        var all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        // Large cohorts: a sampled floor per mentor, then every key above it collected in order.
        // Small ones: each mentor's exact top list in flat arrays, in the same single pass.
        bool wantSeeds = options.MentorSeed > 0 && seed.Any(x => x > 0);
        bool sampled = wantSeeds && n >= 64 * SampleEvery;
        var floor = sampled ? SeedFloors(source, seed, threads, options, ct) : null;
        int width = Math.Max(1, seed.Length == 0 ? 1 : seed.Max());
        PairTiles.Run(source, all, options.Block, threads,
            () => new State(k, !wantSeeds ? null : sampled ? new ColumnCandidates((long[])floor!.Clone()) : new ColumnTops(m, width)),
            (st, mentees, j0, width, tile) =>
            {
                for (int r = 0; r < mentees.Length; r++)
                {
                    var row = tile.Slice(r * width, width);
                    // A row's first block gives an estimate of its final cut-off, so most of the row
                    // never reaches the top-k buffer. Keys under it count as left out (RestBest), so a
                    // too-high estimate only shortens the shortlist; the pricing stays exact.
                    if (j0 == 0) st.Top[r].SetFloor(EstimateCut(row, default, k, m));
                    PairTiles.Offer(row, default, j0, st.Top[r], long.MinValue,
                        ref st.Rest[r], ref st.Max, ref st.Min, st.Columns, mentees[r]);
                }
            },
            (st, r, i) =>
            {
                var top = st.Top[r];
                if (top.Count > 0) st.WithPair++;
                int c = top.DrainSorted(st.Index, st.Key); // may drop entries: read MaxDropped after
                restBest[i] = Math.Max(st.Rest[r], top.MaxDropped);
                st.Rest[r] = long.MinValue;
                top.Clear();
                mentors[i] = st.Index[..c];
                scores[i] = st.Key[..c];
            },
            st => { lock (states) states.Add(st); }, ct);

        var scan = new ShortlistScan { RestBest = restBest };
        scan.Rows = new RowArcs(mentors, scores);
        foreach (var st in states)
        {
            scan.MaxScore = Math.Max(scan.MaxScore, st.Max);
            scan.MinScore = Math.Min(scan.MinScore, st.Min);
            scan.MenteesWithPair += st.WithPair;
        }
        if (scan.MenteesWithPair == 0) { scan.MaxScore = 0; scan.MinScore = 0; }
        if (wantSeeds)
            scan.AddMentorSeeds([.. states.Select(st => st.Columns as ColumnCandidates ?? ((ColumnTops)st.Columns!).ToCandidates())], seed, m);
        return scan;
    }

    /// <summary>
    /// A key about 2k entries of the whole row would beat, from every 8th entry of this block (the
    /// block's share of 2k, scaled to the sample); long.MinValue when the block is too small to tell.
    /// Keys are the scores, plus <paramref name="offset"/> when given.
    /// </summary>
    internal static long EstimateCut(ReadOnlySpan<long> block, ReadOnlySpan<long> offset, int k, int rowLength)
    {
        int rank = (int)Math.Min(k, (2L * k * block.Length / Math.Max(1, rowLength) + 7) / 8);
        if (rank < 3 || block.Length < 32 * k) return long.MinValue;
        Span<long> best = stackalloc long[rank];
        int filled = 0;
        for (int c = 0; c < block.Length; c += 8)
        {
            if (block[c] == long.MinValue) continue;
            long key = offset.IsEmpty ? block[c] : block[c] + offset[c];
            if (filled == rank && key <= best[rank - 1]) continue;
            int q = filled < rank ? filled++ : rank - 1;
            while (q > 0 && best[q - 1] < key) { best[q] = best[q - 1]; q--; }
            best[q] = key;
        }
        return filled == rank ? best[rank - 1] - 1 : long.MinValue;
    }

    private const int SampleEvery = 16, MaxSampleRank = 64;

    /// <summary>
    /// A floor under each mentor's seed cut-off: from every 16th mentee, the score that about twice
    /// the wanted number of mentees beat. The main pass then
    /// only collects keys above it, appended in order, instead of keeping a top list per mentor (a
    /// cache miss per offer). A floor set too high only leaves a mentor with fewer seeds; the
    /// pricing rounds stay exact either way.
    /// </summary>
    private static long[] SeedFloors(IPairSource source, int[] seed, int threads, AllPairsOptions options, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        const int every = SampleEvery;
        var rank = new int[m];
        int width = 1;
        for (int j = 0; j < m; j++)
        {
            if (seed[j] == 0) continue;
            rank[j] = Math.Min(MaxSampleRank, Math.Max(2, (2 * seed[j] + every - 1) / every));
            width = Math.Max(width, rank[j]);
        }
        var sample = new int[(n + every - 1) / every];
        for (int q = 0; q < sample.Length; q++) sample[q] = q * every;
        var states = new List<ColumnTops>();
        PairTiles.Run(source, sample, options.Block, threads,
            () => new State(1, new ColumnTops(m, width)),
            (st, mentees, j0, w, tile) =>
            {
                for (int r = 0; r < mentees.Length; r++)
                {
                    PairTiles.Offer(tile.Slice(r * w, w), default, j0, st.Top[r], long.MaxValue,
                        ref st.Rest[r], ref st.Max, ref st.Min, st.Columns, mentees[r]);
                }
            },
            (st, r, i) => st.Top[r].Clear(),
            st => { lock (states) states.Add((ColumnTops)st.Columns!); }, ct);
        var floor = new long[m + 8];
        Array.Fill(floor, long.MaxValue); // mentors without seeds (and the padding) take nothing
        var best = new List<long>();
        for (int j = 0; j < m; j++)
        {
            if (rank[j] == 0) continue;
            best.Clear();
            foreach (var tops in states) best.AddRange(tops.Keys(j));
            if (best.Count < rank[j])
            {
                floor[j] = long.MinValue; // few allowed mentees: take them all
                continue;
            }
            best.Sort();
            floor[j] = best[^rank[j]] - 1; // keys at or below the floor are not taken
        }
        return floor;
    }

    /// <summary>Each mentor's best seed[j] candidates over all threads (score, then lower mentee
    /// index), added to those mentees' arcs unless already there.</summary>
    private void AddMentorSeeds(ColumnCandidates[] lists, int[] seed, int m)
    {
        int total = lists.Sum(l => l.Count);
        var start = new int[m + 1];
        foreach (var l in lists)
        {
            for (int q = 0; q < l.Count; q++) start[l.Mentor[q] + 1]++;
        }
        for (int j = 0; j < m; j++) start[j + 1] += start[j];
        var fill = (int[])start.Clone();
        var key = new long[total];
        var mentee = new int[total];
        foreach (var l in lists)
        {
            for (int q = 0; q < l.Count; q++)
            {
                int at = fill[l.Mentor[q]]++;
                key[at] = -l.Key[q];
                mentee[at] = l.Mentee[q];
            }
        }
        var perMentee = new List<(int Mentee, int Mentor, long Score)>();
        for (int j = 0; j < m; j++)
        {
            int from = start[j], count = start[j + 1] - from;
            if (count == 0) continue;
            // Keys descending, then mentee ascending: sort on (−key, mentee) pairs.
            var order = new (long, int)[count];
            for (int q = 0; q < count; q++) order[q] = (key[from + q], mentee[from + q]);
            Array.Sort(order);
            for (int q = 0; q < Math.Min(seed[j], count); q++)
            {
                var (negKey, i) = order[q];
                if (Rows.MentorsOf(i).IndexOf(j) < 0) perMentee.Add((i, j, -negKey));
            }
        }
        perMentee.Sort((a, b) => a.Mentee != b.Mentee ? a.Mentee.CompareTo(b.Mentee) : a.Mentor.CompareTo(b.Mentor));
        for (int q = 0; q < perMentee.Count;)
        {
            int i = perMentee[q].Mentee, e = q;
            while (e < perMentee.Count && perMentee[e].Mentee == i) e++;
            Rows.Add(i, [.. perMentee[q..e].Select(x => x.Mentor)], [.. perMentee[q..e].Select(x => x.Score)]);
            q = e;
        }
    }
}

/// <summary>The mentors each mentee has an arc to (the arc set pricing leaves out).</summary>
internal interface IArcRows
{
    ReadOnlySpan<int> MentorsOf(int mentee);
}

/// <summary>Per-mentee arc lists that grow between pricing rounds.</summary>
internal sealed class RowArcs(int[][] mentors, long[][] scores) : IArcRows
{
    public ReadOnlySpan<int> MentorsOf(int mentee) => mentors[mentee];

    public void Add(int mentee, int[] newMentors, long[] newScores)
    {
        mentors[mentee] = [.. mentors[mentee], .. newMentors];
        scores[mentee] = [.. scores[mentee], .. newScores];
    }

    public ArcProblem ToProblem(int mentorCount, int[] caps)
    {
        int n = mentors.Length;
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + mentors[i].Length;
        var arcMentor = new int[rowStart[n]];
        var arcScore = new long[rowStart[n]];
        for (int i = 0; i < n; i++)
        {
            mentors[i].CopyTo(arcMentor, rowStart[i]);
            scores[i].CopyTo(arcScore, rowStart[i]);
        }
        return new ArcProblem
        {
            MenteeCount = n, MentorCount = mentorCount, Capacities = caps,
            RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore,
        };
    }
}
