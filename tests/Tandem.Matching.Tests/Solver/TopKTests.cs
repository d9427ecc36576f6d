using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class TopKTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 50)]
    [InlineData(40, 1003)]
    [InlineData(82, 10_000)]
    [InlineData(8, 5_000)]
    [InlineData(64, 3_000)]
    public void TopKKeepsTheBestEntriesAndBoundsTheRest(int k, int length)
    {
        var rng = new Random(k * 31 + length);
        var row = new long[length];
        var prices = new long[length];
        for (int j = 0; j < length; j++)
        {
            // many ties; in some rows the best entries avoid the sampled positions (j % 8 == 0)
            row[j] = rng.NextDouble() < 0.3 ? long.MinValue : rng.Next(-50, 50) + (k == 8 && j % 8 != 0 && j % 97 == 1 ? 1000 : 0);
            prices[j] = rng.Next(0, 10);
        }
        var top = new TopK(k);
        long max = long.MinValue, min = long.MaxValue;
        top.OfferRow(row, prices, 100, ref max, ref min);
        var idx = new int[k];
        var keys = new long[k];
        int count = top.DrainSorted(idx, keys);

        var expected = Enumerable.Range(0, length).Where(j => row[j] != long.MinValue)
            .Select(j => (Key: row[j] + 100 - prices[j], Index: j))
            .OrderByDescending(e => e.Key).ThenBy(e => e.Index).ToList();
        idx[..count].ShouldBe(expected.Take(k).Select(e => e.Index).ToArray());
        keys[..count].ShouldBe(expected.Take(k).Select(e => e.Key).ToArray());
        top.MaxDropped.ShouldBe(expected.Count > k ? expected[k].Key : long.MinValue);
        max.ShouldBe(row.Where(s => s != long.MinValue).Max());
        min.ShouldBe(row.Where(s => s != long.MinValue).Min());
    }
}
