using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tandem.Matching.Solver;

/// <summary>
/// Linear-time orderings of arcs for the engine's setup: by score (LSD radix sort) and then by mentor
/// or mentee (stable counting sort), instead of a comparison sort per column.
/// </summary>
internal static class ArcSort
{
    private const int MaxDigitBits = 16; // a 256 KB histogram: stays in L2

    /// <summary>
    /// Arc indexes by score descending, ties by index ascending. LSD radix sort on maxScore − score,
    /// at most 16 bits per pass over the bits the score range needs; a pass whose digit is the same
    /// for every arc is skipped. Scores spanning 14 bits (the synthetic instances) take one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] ByScoreDescending(ReadOnlySpan<long> score)
    {
        int n = score.Length;
        long max = long.MinValue, min = long.MaxValue;
        foreach (long s in score)
        {
            if (s > max) max = s;
            if (s < min) min = s;
        }
        ulong range = n == 0 ? 0 : unchecked((ulong)max - (ulong)min);
        int bits = 64 - BitOperations.LeadingZeroCount(range);
        int passes = (bits + MaxDigitBits - 1) / MaxDigitBits;
        int[]? src = null, dst = null, spare = null;
        if (passes > 0)
        {
            int width = (bits + passes - 1) / passes;
            int mask = (1 << width) - 1;
            var count = new int[1 << width];
            ulong top = unchecked((ulong)max);
            for (int p = 0; p < passes; p++)
            {
                int shift = p * width;
                Array.Clear(count);
                if (src is null)
                {
                    for (int a = 0; a < n; a++) count[(int)((top - unchecked((ulong)score[a])) >> shift) & mask]++;
                }
                else
                {
                    foreach (int a in src) count[(int)((top - unchecked((ulong)score[a])) >> shift) & mask]++;
                }
                if (Array.IndexOf(count, n) >= 0) continue; // one digit value for all: order unchanged
                int sum = 0;
                for (int d = 0; d < count.Length; d++) (count[d], sum) = (sum, sum + count[d]);
                dst = spare ?? new int[n];
                if (src is null)
                {
                    for (int a = 0; a < n; a++) dst[count[(int)((top - unchecked((ulong)score[a])) >> shift) & mask]++] = a;
                }
                else
                {
                    foreach (int a in src) dst[count[(int)((top - unchecked((ulong)score[a])) >> shift) & mask]++] = a;
                }
                spare = src;
                src = dst;
            }
        }
        if (src is null)
        {
            src = new int[n];
            for (int a = 0; a < n; a++) src[a] = a;
        }
        return src;
    }

    /// <summary>Stable counting sort of <paramref name="order"/> by group: group g's arcs land in
    /// start[g]..start[g+1]-1, in the order they have in <paramref name="order"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] GroupBy(int[] order, int[] groupOfArc, int[] start)
    {
        var fill = new int[start.Length - 1];
        Array.Copy(start, fill, fill.Length);
        var grouped = new int[order.Length];
        foreach (int a in order) grouped[fill[groupOfArc[a]]++] = a;
        return grouped;
    }

    /// <summary>Start offsets of each group (length groups + 1) from the group of every arc.</summary>
    public static int[] Starts(int[] groupOfArc, int groups)
    {
        var start = new int[groups + 1];
        foreach (int g in groupOfArc) start[g + 1]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        return start;
    }

    /// <summary>The mentee of every arc of a CSR problem.</summary>
    public static int[] MenteeOfArc(int[] rowStart)
    {
        int n = rowStart.Length - 1;
        var mentee = new int[rowStart[n]];
        for (int i = 0; i < n; i++) mentee.AsSpan(rowStart[i], rowStart[i + 1] - rowStart[i]).Fill(i);
        return mentee;
    }
}
