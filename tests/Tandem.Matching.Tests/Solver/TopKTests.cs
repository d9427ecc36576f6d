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
    public void TopKKeepsTheBestEntriesAndTheBestLeftOut(int k, int length)
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
        for (int j = 0; j < length; j++)
        {
            if (row[j] != long.MinValue) top.Offer(row[j] + 100 - prices[j], j);
        }
        var idx = new int[k];
        var keys = new long[k];
        int count = top.DrainSorted(idx, keys);

        var expected = Enumerable.Range(0, length).Where(j => row[j] != long.MinValue)
            .Select(j => (Key: row[j] + 100 - prices[j], Index: j))
            .OrderByDescending(e => e.Key).ThenBy(e => e.Index).ToList();
        idx[..count].ShouldBe(expected.Take(k).Select(e => e.Index).ToArray());
        keys[..count].ShouldBe(expected.Take(k).Select(e => e.Key).ToArray());
        top.MaxDropped.ShouldBe(expected.Count > k ? expected[k].Key : long.MinValue);
    }

    [Fact]
    public void AFloorKeepsLowKeysOutAndCountsThemAsLeftOut()
    {
        var top = new TopK(2);
        top.SetFloor(10);
        foreach (var (key, index) in new[] { (5L, 0), (12L, 1), (10L, 2), (30L, 3), (11L, 4) }) top.Offer(key, index);
        var idx = new int[2];
        var keys = new long[2];
        top.DrainSorted(idx, keys).ShouldBe(2);
        idx.ShouldBe([3, 1]);
        top.MaxDropped.ShouldBe(11);
    }
}
