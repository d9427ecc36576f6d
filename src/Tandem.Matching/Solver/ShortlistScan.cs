namespace Tandem.Matching.Solver;

/// <summary>One pass over every pair: each mentee's best k pairs plus the global score range.</summary>
internal sealed class ShortlistScan
{
    public required int[][] Mentors { get; init; }
    public required long[][] Scores { get; init; }

    /// <summary>Best score left out of each mentee's shortlist, or long.MinValue when none is.</summary>
    public required long[] NextBest { get; init; }
    public long MaxScore { get; private set; } = long.MinValue;
    public long MinScore { get; private set; } = long.MaxValue;
    public long MenteesWithPair { get; private set; }

    public static ShortlistScan Run(IPairSource source, int k, int threads, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        var scan = new ShortlistScan { Mentors = new int[n][], Scores = new long[n][], NextBest = new long[n] };
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, t =>
        {
            var row = new long[m];
            var top = new TopK(k + 1);
            long max = long.MinValue, min = long.MaxValue, withPair = 0;
            for (int i = t; i < n; i += threads)
            {
                if ((i & 1023) == t) ct.ThrowIfCancellationRequested();
                source.ScoreRow(i, row);
                top.Clear();
                for (int j = 0; j < m; j++)
                {
                    long s = row[j];
                    if (s == long.MinValue) continue;
                    if (s > max) max = s;
                    if (s < min) min = s;
                    top.Offer(s, j);
                }
                if (top.Count > 0) withPair++;
                scan.NextBest[i] = long.MinValue;
                if (top.Count == k + 1)
                {
                    scan.NextBest[i] = top.WorstKey;
                    top.RemoveWorst();
                }
                var mentors = top.Items();
                var scores = new long[mentors.Length];
                for (int q = 0; q < mentors.Length; q++) scores[q] = row[mentors[q]];
                scan.Mentors[i] = mentors;
                scan.Scores[i] = scores;
            }
            lock (gate)
            {
                scan.MaxScore = Math.Max(scan.MaxScore, max);
                scan.MinScore = Math.Min(scan.MinScore, min);
                scan.MenteesWithPair += withPair;
            }
        });
        if (scan.MenteesWithPair == 0) { scan.MaxScore = 0; scan.MinScore = 0; }
        return scan;
    }
}

/// <summary>Keeps the k largest (key, index) entries; ties keep the lower index. Items come out by index.</summary>
internal sealed class TopK(int k)
{
    private readonly long[] _keys = new long[k];
    private readonly int[] _idx = new int[k];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Offer(long key, int index)
    {
        if (Count < k)
        {
            int c = Count++;
            SiftUp(c, key, index);
            return;
        }
        // root is the worst kept; indexes arrive increasing, so an equal key never replaces it
        if (key <= _keys[0]) return;
        SiftDown(key, index);
    }

    /// <summary>The smallest key kept (the first to go).</summary>
    public long WorstKey => _keys[0];

    public void RemoveWorst()
    {
        int last = --Count;
        if (last > 0) SiftDown(_keys[last], _idx[last]);
    }

    public int[] Items()
    {
        var r = new int[Count];
        Array.Copy(_idx, r, Count);
        Array.Sort(r);
        return r;
    }

    private static bool Worse(long k1, int i1, long k2, int i2) => k1 < k2 || (k1 == k2 && i1 > i2);

    private void SiftUp(int c, long key, int index)
    {
        while (c > 0)
        {
            int parent = (c - 1) >> 1;
            if (!Worse(key, index, _keys[parent], _idx[parent])) break;
            _keys[c] = _keys[parent]; _idx[c] = _idx[parent];
            c = parent;
        }
        _keys[c] = key; _idx[c] = index;
    }

    private void SiftDown(long key, int index)
    {
        int c = 0, count = Count;
        while (true)
        {
            int child = 2 * c + 1;
            if (child >= count) break;
            if (child + 1 < count && Worse(_keys[child + 1], _idx[child + 1], _keys[child], _idx[child])) child++;
            if (!Worse(_keys[child], _idx[child], key, index)) break;
            _keys[c] = _keys[child]; _idx[c] = _idx[child];
            c = child;
        }
        _keys[c] = key; _idx[c] = index;
    }
}

/// <summary>Per-mentee arc lists that grow between pricing rounds.</summary>
internal sealed class RowArcs
{
    private readonly int[][] _mentors;
    private readonly long[][] _scores;

    public RowArcs(ShortlistScan scan)
    {
        _mentors = scan.Mentors;
        _scores = scan.Scores;
    }

    private int[]? _lastAdded;

    public int[] MentorsOf(int mentee) => _mentors[mentee];

    public int CountAdded(int mentee) => _lastAdded is null ? 0 : _lastAdded[mentee];

    public void Add(int mentee, int[] mentors, long[] scores)
    {
        _lastAdded ??= new int[_mentors.Length];
        _lastAdded[mentee] = mentors.Length;
        _mentors[mentee] = [.. _mentors[mentee], .. mentors];
        _scores[mentee] = [.. _scores[mentee], .. scores];
    }

    public ArcProblem ToProblem(int mentorCount, int[] caps)
    {
        int n = _mentors.Length;
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + _mentors[i].Length;
        var arcMentor = new int[rowStart[n]];
        var arcScore = new long[rowStart[n]];
        for (int i = 0; i < n; i++)
        {
            _mentors[i].CopyTo(arcMentor, rowStart[i]);
            _scores[i].CopyTo(arcScore, rowStart[i]);
        }
        return new ArcProblem
        {
            MenteeCount = n, MentorCount = mentorCount, Capacities = caps,
            RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore,
        };
    }
}
