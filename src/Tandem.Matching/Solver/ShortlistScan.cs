namespace Tandem.Matching.Solver;

/// <summary>One pass over every pair: each mentee's best k pairs plus the global score range.</summary>
internal sealed class ShortlistScan
{
    public required int[][] Mentors { get; init; }
    public required long[][] Scores { get; init; }

    /// <summary>The next best pairs after the shortlist (a reserve the pricing checks exactly).</summary>
    public required int[][] NearMentors { get; init; }
    public required long[][] NearScores { get; init; }

    /// <summary>Best score beyond shortlist and reserve, or long.MinValue when there is none.</summary>
    public required long[] RestBest { get; init; }
    public long MaxScore { get; private set; } = long.MinValue;
    public long MinScore { get; private set; } = long.MaxValue;
    public long MenteesWithPair { get; private set; }

    public static ShortlistScan Run(IPairSource source, int k, int reserve, int threads, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        var scan = new ShortlistScan
        {
            Mentors = new int[n][], Scores = new long[n][], NearMentors = new int[n][], NearScores = new long[n][], RestBest = new long[n],
        };
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, t =>
        {
            var row = new long[m];
            var top = new TopK(k + reserve);
            var idx = new int[k + reserve];
            var keys = new long[k + reserve];
            long max = long.MinValue, min = long.MaxValue, withPair = 0;
            for (int i = t; i < n; i += threads)
            {
                if ((i & 1023) == t) ct.ThrowIfCancellationRequested();
                source.ScoreRow(i, row);
                top.Clear();
                top.OfferRow(row, null, 0, ref max, ref min);
                if (top.Count > 0) withPair++;
                int c = top.DrainSorted(idx, keys); // may drop entries: read MaxDropped after
                scan.RestBest[i] = top.MaxDropped;
                int inList = Math.Min(c, k);
                scan.Mentors[i] = idx[..inList];
                scan.Scores[i] = keys[..inList];
                scan.NearMentors[i] = idx[inList..c];
                scan.NearScores[i] = keys[inList..c];
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
