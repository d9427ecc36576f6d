using System.Numerics;

namespace Tandem.Matching.Cohorts;

/// <summary>Interns strings (case-insensitive, trimmed) to small ints so pair checks compare ints and bits.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _ids.Count;

    public int Add(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return -1;
        var key = value.Trim();
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _ids.Count;
            _ids.Add(key, id);
        }
        return id;
    }

    public int Find(string? value) =>
        !string.IsNullOrWhiteSpace(value) && _ids.TryGetValue(value.Trim(), out var id) ? id : -1;
}

/// <summary>Fixed-width bit rows in one flat array: row r is words [r·Width, (r+1)·Width).</summary>
internal sealed class BitRows
{
    public BitRows(int rows, int bits)
    {
        Width = Math.Max(1, (bits + 63) / 64);
        Words = new ulong[rows * Width];
    }

    public int Width { get; }
    public ulong[] Words { get; }

    public void Set(int row, int bit) => Words[(row * Width) + (bit >> 6)] |= 1UL << (bit & 63);

    public ReadOnlySpan<ulong> Row(int row) => Words.AsSpan(row * Width, Width);

    public int Count(int row)
    {
        var n = 0;
        foreach (var w in Row(row))
            n += BitOperations.PopCount(w);
        return n;
    }

    /// <summary>Bits shared by row a of this and row b of other (same width): one popcount when a row fits a word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int AndCount(int a, BitRows other, int b) =>
        Width == 1 ? BitOperations.PopCount(Words[a] & other.Words[b]) : AndCount(Row(a), other.Row(b));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Intersects(int a, BitRows other, int b) =>
        Width == 1 ? (Words[a] & other.Words[b]) != 0 : Intersects(Row(a), other.Row(b));

    public static int AndCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = 0;
        for (var k = 0; k < a.Length; k++)
            n += BitOperations.PopCount(a[k] & b[k]);
        return n;
    }

    public static bool Intersects(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            if ((a[k] & b[k]) != 0)
                return true;
        }
        return false;
    }
}

/// <summary>Splits goals and expertise into comparable word tokens.</summary>
internal static class GoalTokens
{
    // Words that say nothing about what someone wants to learn or can teach.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "or", "the", "to", "of", "in", "on", "at", "for", "with", "into", "from", "by", "as",
        "is", "are", "be", "am", "was", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this", "that",
        "how", "what", "want", "wants", "would", "like", "more", "better", "get", "become", "improve", "learn",
        "about", "next", "year", "years", "skill", "skills", "some", "also", "can", "will", "help", "need", "good",
    };

    public static IEnumerable<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var start = -1;
        for (var k = 0; k <= text.Length; k++)
        {
            var letter = k < text.Length && char.IsLetterOrDigit(text[k]);
            if (letter && start < 0)
                start = k;
            else if (!letter && start >= 0)
            {
                var token = Normalise(text[start..k]);
                start = -1;
                if (token is not null)
                    yield return token;
            }
        }
    }

    private static string? Normalise(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < 2 || StopWords.Contains(w))
            return null;
        // A plural "s" should not stop "negotiations" matching "negotiation".
        if (w.Length > 3 && w[^1] == 's' && w[^2] != 's')
            w = w[..^1];
        return StopWords.Contains(w) ? null : w;
    }
}
