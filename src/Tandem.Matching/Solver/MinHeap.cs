using System.Runtime.CompilerServices;

namespace Tandem.Matching.Solver;

/// <summary>Binary min-heap of (key, item) with lazy deletion left to the caller; ties by item index.</summary>
internal sealed class MinHeap
{
    private long[] _keys = new long[64];
    private int[] _items = new int[64];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(long key, int item)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _items, Count * 2);
        }
        int c = Count++;
        while (c > 0)
        {
            int parent = (c - 1) >> 1;
            if (!Less(key, item, _keys[parent], _items[parent])) break;
            _keys[c] = _keys[parent]; _items[c] = _items[parent];
            c = parent;
        }
        _keys[c] = key; _items[c] = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (long Key, int Item) Pop()
    {
        var top = (_keys[0], _items[0]);
        int last = --Count;
        if (last > 0)
        {
            long key = _keys[last];
            int item = _items[last];
            int c = 0;
            while (true)
            {
                int child = 2 * c + 1;
                if (child >= last) break;
                if (child + 1 < last && Less(_keys[child + 1], _items[child + 1], _keys[child], _items[child])) child++;
                if (!Less(_keys[child], _items[child], key, item)) break;
                _keys[c] = _keys[child]; _items[c] = _items[child];
                c = child;
            }
            _keys[c] = key; _items[c] = item;
        }
        return top;
    }

    private static bool Less(long k1, int i1, long k2, int i2) => k1 < k2 || (k1 == k2 && i1 < i2);
}
