using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tandem.Matching.Solver;

/// <summary>
/// Keeps the k best (key, index) entries, better = larger key, then smaller index. Indexes must be
/// offered in increasing order. Entries above a cut-off are appended to a buffer; when it fills,
/// a quickselect keeps the k best and raises the cut-off (cheaper than a heap per entry).
/// </summary>
internal sealed class TopK
{
    private readonly int _k;
    private readonly long[] _keys;
    private readonly int[] _idx;
    private long _cut = long.MinValue; // keys ≤ cut cannot enter (ties lose: their index is larger)
    private bool _hasCut;

    public TopK(int k)
    {
        _k = k;
        // a buffer of 2k: measured a little cheaper than 4k, and than a binary heap
        _keys = new long[Math.Max(2 * k, 64)];
        _idx = new int[_keys.Length];
    }

    public int Count { get; private set; }

    /// <summary>Keys at or below this cannot enter any more (long.MinValue until the set first fills).</summary>
    public long Cut => _hasCut ? _cut : long.MinValue;

    /// <summary>Largest key offered but not kept (long.MinValue if none).</summary>
    public long MaxDropped { get; private set; } = long.MinValue;

    public void Clear()
    {
        Count = 0;
        MaxDropped = long.MinValue;
        _cut = long.MinValue;
        _hasCut = false;
    }

    /// <summary>From now on keys at or below <paramref name="floor"/> are not taken (an estimate of the
    /// final cut-off, so fewer entries pass through the buffer).</summary>
    public void SetFloor(long floor)
    {
        if (_hasCut && _cut >= floor) return;
        _cut = floor;
        _hasCut = true;
    }

    public void Offer(long key, int index)
    {
        if (_hasCut && key <= _cut)
        {
            if (key > MaxDropped) MaxDropped = key;
            return;
        }
        _keys[Count] = key;
        _idx[Count++] = index;
        if (Count == _keys.Length) Shrink();
    }

    /// <summary>
    /// Offers key = row[j] + add − (prices?[j] ?? 0) for every allowed j (row[j] != long.MinValue),
    /// four at a time: only keys above the cut-off are looked at one by one. Also tracks the
    /// allowed raw scores' range in <paramref name="max"/>/<paramref name="min"/>.
    /// </summary>
    public void OfferRow(long[] row, long[]? prices, long add, ref long max, ref long min)
    {
        // Long rows: start from a cut-off estimated on a sample, so few entries reach the buffer.
        // It is only kept if at least k entries beat it (then the k best all do); else redo without.
        if (Count == 0 && !_hasCut && row.Length >= 32 * _k && EstimateCut(row, prices, add, out long estimate))
        {
            _cut = estimate;
            _hasCut = true;
            long max0 = max, min0 = min;
            OfferRowFrom(row, prices, add, ref max, ref min);
            if (Count >= _k) return;
            Clear();
            max = max0;
            min = min0;
        }
        OfferRowFrom(row, prices, add, ref max, ref min);
    }

    /// <summary>A key that about 2k entries of the row beat, from every 8th entry; false if too few.</summary>
    private bool EstimateCut(long[] row, long[]? prices, long add, out long estimate)
    {
        int rank = Math.Max(2, _k / 4); // the (k/4)-th best of 1-in-8 is about the 2k-th best overall
        Span<long> best = rank <= 256 ? stackalloc long[rank] : new long[rank];
        int filled = 0;
        for (int j = 0; j < row.Length; j += 8)
        {
            long s = row[j];
            if (s == long.MinValue) continue;
            long key = s + add - (prices is null ? 0 : prices[j]);
            if (filled == rank && key <= best[rank - 1]) continue;
            int q = filled < rank ? filled++ : rank - 1;
            while (q > 0 && best[q - 1] < key) { best[q] = best[q - 1]; q--; }
            best[q] = key;
        }
        estimate = filled == rank ? best[rank - 1] : long.MinValue;
        return filled == rank;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OfferRowFrom(long[] row, long[]? prices, long add, ref long max, ref long min)
    {
        int m = row.Length, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var none = Vector256.Create(long.MinValue);
            var vMax = none;
            var vMin = Vector256.Create(long.MaxValue);
            var vAdd = Vector256.Create(add);
            var dropped = none;
            ref long r0 = ref MemoryMarshal.GetArrayDataReference(row);
            ref long p0 = ref prices is null ? ref Unsafe.NullRef<long>() : ref MemoryMarshal.GetArrayDataReference(prices);
            bool priced = prices is not null;
            var cut = Vector256.Create(_hasCut ? _cut : long.MinValue);
            for (; j + 4 <= m; j += 4)
            {
                var s = Vector256.LoadUnsafe(ref r0, (nuint)j);
                var allowed = ~Vector256.Equals(s, none);
                vMax = MaxOf(vMax, Vector256.ConditionalSelect(allowed, s, none));
                vMin = MinOf(vMin, Vector256.ConditionalSelect(allowed, s, Vector256.Create(long.MaxValue)));
                var key = s + vAdd;
                if (priced) key -= Vector256.LoadUnsafe(ref p0, (nuint)j);
                key = Vector256.ConditionalSelect(allowed, key, none);
                var pass = Vector256.GreaterThan(key, cut);
                if (pass == Vector256<long>.Zero)
                {
                    dropped = MaxOf(dropped, key);
                    continue;
                }
                dropped = MaxOf(dropped, Vector256.ConditionalSelect(pass, none, key));
                for (int q = 0; q < 4; q++)
                {
                    if (pass.GetElement(q) != 0) Offer(key.GetElement(q), j + q);
                }
                if (_hasCut) cut = Vector256.Create(_cut);
            }
            for (int q = 0; q < 4; q++)
            {
                max = Math.Max(max, vMax.GetElement(q));
                min = Math.Min(min, vMin.GetElement(q));
                if (dropped.GetElement(q) > MaxDropped) MaxDropped = dropped.GetElement(q);
            }
        }
        for (; j < m; j++)
        {
            long s = row[j];
            if (s == long.MinValue) continue;
            if (s > max) max = s;
            if (s < min) min = s;
            Offer(s + add - (prices is null ? 0 : prices[j]), j);
        }
    }

    /// <summary>Kept entries by key descending (ties by index); leaves the set empty.</summary>
    public int DrainSorted(int[] idx, long[] keys)
    {
        if (Count > _k) Shrink();
        int c = Count;
        for (int q = 0; q < c; q++) { idx[q] = _idx[q]; keys[q] = _keys[q]; }
        for (int q = 1; q < c; q++)
        {
            long key = keys[q];
            int id = idx[q];
            int r = q - 1;
            while (r >= 0 && Better(key, id, keys[r], idx[r]))
            {
                keys[r + 1] = keys[r]; idx[r + 1] = idx[r];
                r--;
            }
            keys[r + 1] = key; idx[r + 1] = id;
        }
        Count = 0;
        return c;
    }

    /// <summary>Kept indexes, ascending.</summary>
    public int[] Items()
    {
        if (Count > _k) Shrink();
        var r = _idx[..Count];
        Array.Sort(r);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> MaxOf(Vector256<long> a, Vector256<long> b) => Vector256.ConditionalSelect(Vector256.GreaterThan(a, b), a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> MinOf(Vector256<long> a, Vector256<long> b) => Vector256.ConditionalSelect(Vector256.GreaterThan(a, b), b, a);

    private static bool Better(long k1, int i1, long k2, int i2) => k1 > k2 || (k1 == k2 && i1 < i2);

    /// <summary>Quickselect the k best into the front, drop the rest, raise the cut-off.</summary>
    private void Shrink()
    {
        int lo = 0, hi = Count - 1, target = _k;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            long pk = _keys[mid];
            int pi = _idx[mid];
            int a = lo, b = hi;
            while (a <= b)
            {
                while (Better(_keys[a], _idx[a], pk, pi)) a++;
                while (Better(pk, pi, _keys[b], _idx[b])) b--;
                if (a <= b)
                {
                    (_keys[a], _keys[b]) = (_keys[b], _keys[a]);
                    (_idx[a], _idx[b]) = (_idx[b], _idx[a]);
                    a++; b--;
                }
            }
            if (target <= b) hi = b;
            else if (target >= a) lo = a;
            else break;
        }
        long worstKept = long.MaxValue;
        for (int q = 0; q < _k; q++) worstKept = Math.Min(worstKept, _keys[q]);
        for (int q = _k; q < Count; q++)
        {
            if (_keys[q] > MaxDropped) MaxDropped = _keys[q];
        }
        Count = _k;
        _cut = worstKept;
        _hasCut = true;
    }
}
