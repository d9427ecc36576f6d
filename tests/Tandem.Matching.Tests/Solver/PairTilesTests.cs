using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

/// <summary>The vectorised threshold filter keeps exactly what a plain loop over the row would keep.</summary>
public sealed class PairTilesTests
{
    [Theory]
    [InlineData(1, 37, 5, false)]
    [InlineData(2, 1000, 20, false)]
    [InlineData(3, 1000, 20, true)]
    [InlineData(4, 3, 8, true)]
    public void OfferKeepsTheSameTopAndRestAsAScalarLoop(int seed, int width, int k, bool priced)
    {
        var rng = new Random(seed);
        var scores = new long[width];
        var offset = new long[width];
        for (int c = 0; c < width; c++)
        {
            scores[c] = rng.Next(4) == 0 ? long.MinValue : rng.Next(-500, 500);
            offset[c] = rng.Next(-100, 100);
        }
        long floor = priced ? 40 : long.MinValue; // pricing keeps only keys above the mentee's price

        var top = new TopK(k);
        long rest = long.MinValue, max = long.MinValue, min = long.MaxValue;
        PairTiles.Offer(scores, priced ? offset : default, 100, top, floor, ref rest, ref max, ref min, null, 0);
        var idx = new int[k];
        var keys = new long[k];
        int count = top.DrainSorted(idx, keys);
        rest = Math.Max(rest, top.MaxDropped);

        var all = Enumerable.Range(0, width).Where(c => scores[c] != long.MinValue)
            .Select(c => (Key: scores[c] + (priced ? offset[c] : 0), Mentor: 100 + c)).ToList();
        var expected = all.Where(e => e.Key > floor).OrderByDescending(e => e.Key).ThenBy(e => e.Mentor).Take(k).ToList();
        idx[..count].ShouldBe(expected.Select(e => e.Mentor).ToArray());
        keys[..count].ShouldBe(expected.Select(e => e.Key).ToArray());
        var left = all.Except(expected).Select(e => e.Key).DefaultIfEmpty(long.MinValue).Max();
        rest.ShouldBe(left);
        if (!priced && all.Count > 0)
        {
            max.ShouldBe(all.Max(e => e.Key));
            min.ShouldBe(all.Min(e => e.Key));
        }
    }

    [Fact]
    public void ColumnSinksCollectEachMentorsBestMentees()
    {
        long[][] rows = [[5, 9, 1], [7, 8, 3], [6, long.MinValue, 2], [7, 1, 1]];
        var tops = new ColumnTops(3, 2);
        var floor = new long[] { 5, long.MaxValue, long.MinValue, 0, 0, 0, 0, 0, 0, 0, 0 };
        var above = new ColumnCandidates(floor);
        foreach (IColumnSink sink in new IColumnSink[] { tops, above })
        {
            long rest = long.MinValue, max = long.MinValue, min = long.MaxValue;
            for (int i = 0; i < rows.Length; i++) PairTiles.Offer(rows[i], default, 0, new TopK(1), long.MinValue, ref rest, ref max, ref min, sink, i);
        }
        tops.Keys(0).ToArray().ShouldBe([7L, 7L]);
        tops.Keys(1).ToArray().ShouldBe([9L, 8L]);
        tops.Keys(2).ToArray().ShouldBe([3L, 2L]);
        // Above the floor 5 for mentor 0, nothing for mentor 1, everything for mentor 2; in scan order.
        Enumerable.Range(0, above.Count).Select(q => (above.Mentor[q], above.Key[q], above.Mentee[q])).ShouldBe(
            [(2, 1L, 0), (0, 7L, 1), (2, 3L, 1), (0, 6L, 2), (2, 2L, 2), (0, 7L, 3), (2, 1L, 3)]);
    }
}
