using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tandem.Matching.Solver;

/// <summary>
/// Walks mentees × mentors in tiles: a few mentees against a block of mentors at a time, so the
/// block stays in cache while every mentee of the tile is scored against it. Mentees are handed to
/// the threads in chunks, in ascending order per thread (top-k ties break by index).
/// </summary>
internal static class PairTiles
{
    public const int TileRows = 8;
    public const int ChunkRows = 64;
    public const int DefaultBlock = 2048;

    /// <summary>Called per tile and mentor block; scores[r * width + c] is mentee mentees[r] × mentor mentorStart + c.</summary>
    public delegate void Body<TState>(TState state, ReadOnlySpan<int> mentees, int mentorStart, int width, Span<long> scores);

    /// <summary>Called once per mentee after its last block (slot = its row in the tile).</summary>
    public delegate void RowDone<TState>(TState state, int slot, int mentee);

    public static void Run<TState>(IPairSource source, int[] mentees, int block, int threads, Func<TState> init,
        Body<TState> body, RowDone<TState> rowDone, Action<TState> finish, CancellationToken ct)
    {
        int m = source.MentorCount;
        var tiles = source as IPairTileSource;
        int width = tiles is null ? m : Math.Clamp(block, 8, Math.Max(8, m));
        int chunks = (mentees.Length + ChunkRows - 1) / ChunkRows;
        int next = -1;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, _ =>
        {
            var state = init();
            var scores = new long[TileRows * Math.Max(width, 1)];
            int c;
            while ((c = Interlocked.Increment(ref next)) < chunks)
            {
                ct.ThrowIfCancellationRequested();
                int end = Math.Min(mentees.Length, (c + 1) * ChunkRows);
                for (int t = c * ChunkRows; t < end; t += TileRows)
                {
                    var tile = mentees.AsSpan(t, Math.Min(TileRows, end - t));
                    if (tiles is null)
                    {
                        for (int r = 0; r < tile.Length; r++) source.ScoreRow(tile[r], scores.AsSpan(r * m, m));
                        body(state, tile, 0, m, scores.AsSpan(0, tile.Length * m));
                    }
                    else
                    {
                        for (int j0 = 0; j0 < m; j0 += width)
                        {
                            int w = Math.Min(width, m - j0);
                            var span = scores.AsSpan(0, tile.Length * w);
                            tiles.ScoreTile(tile, j0, w, span);
                            body(state, tile, j0, w, span);
                        }
                    }
                    for (int r = 0; r < tile.Length; r++) rowDone(state, r, tile[r]);
                }
            }
            finish(state);
        });
    }

    /// <summary>
    /// For each key = scores[c] + offset[c] (or the score itself when offset is empty) of an allowed
    /// pair: keys above <paramref name="rowCut"/> (and the row's own cut) go to <paramref name="row"/>;
    /// with column tops given, keys above that column's cut go to the column's top-k as well.
    /// Everything else only raises <paramref name="rest"/> (the best key left out). A vector loop
    /// without calls finds the few vectors with a passing lane; those are handled one by one after
    /// each stretch, with the cut-offs they raised.
    /// </summary>
    public static void Offer(ReadOnlySpan<long> scores, ReadOnlySpan<long> offset, int mentorStart, TopK row, long rowCut,
        ref long rest, ref long max, ref long min, IColumnSink? columns, int mentee)
    {
        const int Stretch = 1024;
        Span<int> hits = stackalloc int[Stretch / 4];
        bool priced = !offset.IsEmpty;
        var columnCut = columns?.Cut;
        ReadOnlySpan<long> colCut = columnCut is null ? default : columnCut.AsSpan(mentorStart, scores.Length);
        for (int from = 0; from < scores.Length; from += Stretch)
        {
            int to = Math.Min(scores.Length, from + Stretch);
            long cut = Math.Max(rowCut, row.Cut);
            var s = scores[from..to];
            int found = priced
                ? FindPriced(s, offset[from..to], cut, hits, ref rest)
                : FindRaw(s, colCut.IsEmpty ? default : colCut[from..to], cut, hits, ref rest, ref max, ref min);
            int lanes = Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : 1;
            int done = 0; // hits ascend; a tail hit is one lane, not a vector: never visit a lane twice
            for (int h = 0; h < found; h++)
            {
                int c0 = Math.Max(hits[h], done);
                done = Math.Min(hits[h] + lanes, s.Length);
                for (int c = c0; c < done; c++)
                {
                    if (s[c] == long.MinValue) continue;
                    long key = priced ? s[c] + offset[from + c] : s[c];
                    int j = mentorStart + from + c;
                    if (key > cut)
                    {
                        row.Offer(key, j);
                        cut = Math.Max(cut, row.Cut);
                    }
                    else rest = Math.Max(rest, key);
                    if (!priced && columnCut is not null && key > columnCut[j]) columns!.Add(j, key, mentee);
                }
            }
        }
    }

    /// <summary>Raw scores: range, best key under the cut, and the starts of vectors with a lane
    /// above the row cut or its column's cut (those lanes are not counted in rest here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindRaw(ReadOnlySpan<long> s, ReadOnlySpan<long> colCut, long cut, Span<int> hits, ref long rest, ref long max, ref long min)
    {
        int w = s.Length, c = 0, found = 0;
        bool columns = !colCut.IsEmpty;
        ref long s0 = ref MemoryMarshal.GetReference(s);
        ref long k0 = ref MemoryMarshal.GetReference(colCut);
        if (Vector512.IsHardwareAccelerated)
        {
            var none = Vector512.Create(long.MinValue);
            var top = Vector512.Create(long.MaxValue);
            Vector512<long> vRest = none, vMax = none, vMin = top, vCut = Vector512.Create(cut);
            for (; c + 8 <= w; c += 8)
            {
                var x = Vector512.LoadUnsafe(ref s0, (nuint)c);
                vMax = Vector512.Max(vMax, x);
                vMin = Vector512.Min(vMin, Vector512.ConditionalSelect(Vector512.Equals(x, none), top, x));
                var pass = Vector512.GreaterThan(x, vCut);
                if (columns) pass |= Vector512.GreaterThan(x, Vector512.LoadUnsafe(ref k0, (nuint)c));
                vRest = Vector512.Max(vRest, Vector512.ConditionalSelect(pass, none, x));
                if (pass != Vector512<long>.Zero) hits[found++] = c;
            }
            rest = Math.Max(rest, HorizontalMax(vRest));
            max = Math.Max(max, HorizontalMax(vMax));
            min = Math.Min(min, -HorizontalMax(-vMin));
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var none = Vector256.Create(long.MinValue);
            var top = Vector256.Create(long.MaxValue);
            Vector256<long> vRest = none, vMax = none, vMin = top, vCut = Vector256.Create(cut);
            for (; c + 4 <= w; c += 4)
            {
                var x = Vector256.LoadUnsafe(ref s0, (nuint)c);
                vMax = Vector256.Max(vMax, x);
                vMin = Vector256.Min(vMin, Vector256.ConditionalSelect(Vector256.Equals(x, none), top, x));
                var pass = Vector256.GreaterThan(x, vCut);
                if (columns) pass |= Vector256.GreaterThan(x, Vector256.LoadUnsafe(ref k0, (nuint)c));
                vRest = Vector256.Max(vRest, Vector256.ConditionalSelect(pass, none, x));
                if (pass != Vector256<long>.Zero) hits[found++] = c;
            }
            for (int q = 0; q < 4; q++)
            {
                rest = Math.Max(rest, vRest.GetElement(q));
                max = Math.Max(max, vMax.GetElement(q));
                min = Math.Min(min, vMin.GetElement(q));
            }
        }
        for (; c < w; c++)
        {
            long x = s[c];
            if (x == long.MinValue) continue;
            max = Math.Max(max, x);
            min = Math.Min(min, x);
            if (x > cut || (columns && x > colCut[c])) hits[found++] = c;
            else rest = Math.Max(rest, x);
        }
        return found;
    }

    /// <summary>Priced keys (score + offset, allowed pairs only): best key under the cut, and the
    /// starts of vectors with a lane above it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindPriced(ReadOnlySpan<long> s, ReadOnlySpan<long> offset, long cut, Span<int> hits, ref long rest)
    {
        int w = s.Length, c = 0, found = 0;
        ref long s0 = ref MemoryMarshal.GetReference(s);
        ref long o0 = ref MemoryMarshal.GetReference(offset);
        if (Vector512.IsHardwareAccelerated)
        {
            var none = Vector512.Create(long.MinValue);
            Vector512<long> vRest = none, vCut = Vector512.Create(cut);
            for (; c + 8 <= w; c += 8)
            {
                var x = Vector512.LoadUnsafe(ref s0, (nuint)c);
                var key = Vector512.ConditionalSelect(Vector512.Equals(x, none), none, x + Vector512.LoadUnsafe(ref o0, (nuint)c));
                var pass = Vector512.GreaterThan(key, vCut);
                vRest = Vector512.Max(vRest, Vector512.ConditionalSelect(pass, none, key));
                if (pass != Vector512<long>.Zero) hits[found++] = c;
            }
            rest = Math.Max(rest, HorizontalMax(vRest));
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var none = Vector256.Create(long.MinValue);
            Vector256<long> vRest = none, vCut = Vector256.Create(cut);
            for (; c + 4 <= w; c += 4)
            {
                var x = Vector256.LoadUnsafe(ref s0, (nuint)c);
                var key = Vector256.ConditionalSelect(Vector256.Equals(x, none), none, x + Vector256.LoadUnsafe(ref o0, (nuint)c));
                var pass = Vector256.GreaterThan(key, vCut);
                vRest = Vector256.Max(vRest, Vector256.ConditionalSelect(pass, none, key));
                if (pass != Vector256<long>.Zero) hits[found++] = c;
            }
            for (int q = 0; q < 4; q++) rest = Math.Max(rest, vRest.GetElement(q));
        }
        for (; c < w; c++)
        {
            if (s[c] == long.MinValue) continue;
            long key = s[c] + offset[c];
            if (key > cut) hits[found++] = c;
            else rest = Math.Max(rest, key);
        }
        return found;
    }

    private static long HorizontalMax(Vector512<long> v)
    {
        var m = Vector256.Max(v.GetLower(), v.GetUpper());
        long r = long.MinValue;
        for (int q = 0; q < 4; q++) r = Math.Max(r, m.GetElement(q));
        return r;
    }

}

/// <summary>Where the scan sends keys that beat a mentor's cut-off (Cut, padded by 8 for vector loads).</summary>
internal interface IColumnSink
{
    long[] Cut { get; }

    void Add(int mentor, long key, int mentee);
}

/// <summary>
/// The best few keys of every mentor, and their mentees, in flat arrays (a mentor's list fits a
/// cache line or two), sorted descending; ties keep the first mentee offered (mentees come in
/// ascending order within a thread).
/// </summary>
internal sealed class ColumnTops : IColumnSink
{
    private readonly int _width;
    private readonly long[] _keys;
    private readonly int[] _mentees;
    private readonly int[] _count;

    public ColumnTops(int mentors, int width)
    {
        _width = width;
        _keys = new long[mentors * width];
        _mentees = new int[mentors * width];
        _count = new int[mentors];
        Cut = new long[mentors + 8];
        Array.Fill(Cut, long.MinValue, 0, mentors);
        Array.Fill(Cut, long.MaxValue, mentors, 8);
    }

    public long[] Cut { get; }

    public void Add(int mentor, long key, int mentee)
    {
        var keys = _keys.AsSpan(mentor * _width, _width);
        var who = _mentees.AsSpan(mentor * _width, _width);
        int c = _count[mentor];
        int q = c < _width ? c : _width - 1;
        if (c < _width) _count[mentor] = ++c;
        while (q > 0 && keys[q - 1] < key) { keys[q] = keys[q - 1]; who[q] = who[q - 1]; q--; }
        keys[q] = key;
        who[q] = mentee;
        if (c == _width) Cut[mentor] = keys[_width - 1];
    }

    public ReadOnlySpan<long> Keys(int mentor) => _keys.AsSpan(mentor * _width, _count[mentor]);

    public ReadOnlySpan<int> Mentees(int mentor) => _mentees.AsSpan(mentor * _width, _count[mentor]);

    /// <summary>The kept entries as a candidate list (mentor by mentor).</summary>
    public ColumnCandidates ToCandidates()
    {
        var list = new ColumnCandidates(Cut);
        for (int j = 0; j < _count.Length; j++)
        {
            var keys = Keys(j);
            var who = Mentees(j);
            for (int q = 0; q < keys.Length; q++) list.Add(j, keys[q], who[q]);
        }
        return list;
    }
}

/// <summary>Every key above a fixed per-mentor floor, appended in scan order (sequential writes).</summary>
internal sealed class ColumnCandidates(long[] floor) : IColumnSink
{
    public long[] Cut { get; } = floor;
    public int Count { get; private set; }
    public int[] Mentor { get; private set; } = new int[1024];
    public long[] Key { get; private set; } = new long[1024];
    public int[] Mentee { get; private set; } = new int[1024];

    public void Add(int mentor, long key, int mentee)
    {
        if (Count == Mentor.Length)
        {
            Mentor = [.. Mentor, .. new int[Count]];
            Key = [.. Key, .. new long[Count]];
            Mentee = [.. Mentee, .. new int[Count]];
        }
        Mentor[Count] = mentor;
        Key[Count] = key;
        Mentee[Count++] = mentee;
    }
}
