using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Tandem.Cli;

/// <summary>
/// Ids (raw UTF-8 bytes) to dense indexes 0, 1, 2… in order of first appearance. Keys live in one
/// byte arena and the table is open addressing over ints, so a lookup allocates nothing and a new
/// id costs its bytes, not a string object. Strings are made only for ids that are printed.
/// </summary>
internal sealed class Utf8IdTable
{
    private byte[] _arena = new byte[1 << 12];
    private int _arenaUsed;
    private int[] _start = new int[256], _length = new int[256];
    private int[] _slots = new int[512]; // index + 1; 0 = empty
    private int _mask = 511;

    public int Count { get; private set; }

    /// <summary>Index of <paramref name="id"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> id)
    {
        for (int s = (int)Hash(id) & _mask; ; s = (s + 1) & _mask)
        {
            int e = _slots[s] - 1;
            if (e < 0) return -1;
            if (Key(e).SequenceEqual(id)) return e;
        }
    }

    /// <summary>Index of <paramref name="id"/>, added when new (<paramref name="added"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> id, out bool added)
    {
        int s = (int)Hash(id) & _mask;
        for (; ; s = (s + 1) & _mask)
        {
            int e = _slots[s] - 1;
            if (e < 0) break;
            if (Key(e).SequenceEqual(id))
            {
                added = false;
                return e;
            }
        }
        added = true;
        int index = Count++;
        if (index == _start.Length)
        {
            Array.Resize(ref _start, index * 2);
            Array.Resize(ref _length, index * 2);
        }
        if (_arenaUsed + id.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + id.Length));
        id.CopyTo(_arena.AsSpan(_arenaUsed));
        _start[index] = _arenaUsed;
        _length[index] = id.Length;
        _arenaUsed += id.Length;
        _slots[s] = index + 1;
        if (Count * 2 > _slots.Length) Grow();
        return index;
    }

    public ReadOnlySpan<byte> Key(int index) => _arena.AsSpan(_start[index], _length[index]);

    public string Name(int index) => Encoding.UTF8.GetString(Key(index));

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (int e = 0; e < Count; e++)
        {
            int s = (int)Hash(Key(e)) & _mask;
            while (_slots[s] != 0) s = (s + 1) & _mask;
            _slots[s] = e + 1;
        }
    }

    // Ids are short; eight bytes at a time with a multiply-xorshift mix is plenty (the file is the user's own, not an attacker's).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> id)
    {
        ulong h = (ulong)id.Length * 0x9E3779B97F4A7C15UL;
        while (id.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(id)) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
            id = id[8..];
        }
        ulong tail = 0;
        for (int k = 0; k < id.Length; k++) tail |= (ulong)id[k] << (8 * k);
        h = (h ^ tail) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
