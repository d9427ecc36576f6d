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
