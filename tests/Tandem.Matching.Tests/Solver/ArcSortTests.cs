using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class ArcSortTests
{
    [Theory]
    [InlineData(1, 0L, 0L)]                 // all equal: no pass at all
    [InlineData(2, -3000L, 9000L)]          // one 14-bit pass
    [InlineData(3, 0L, 1_000_000L)]         // two 10-bit passes
    [InlineData(4, -(long.MaxValue / 4), long.MaxValue / 4)] // 63 bits: four passes
    public void RadixOrderEqualsAStableComparisonSort(int seed, long min, long max)
    {
        var rng = new Random(seed);
        var score = new long[5000];
        for (int a = 0; a < score.Length; a++)
        {
            // Few distinct values half of the time, so ties (broken by index) are common.
            score[a] = a % 2 == 0 ? rng.NextInt64(min, max + 1) : min + (max - min) / 7 * rng.Next(0, 8);
        }
        var expected = Enumerable.Range(0, score.Length).OrderByDescending(a => score[a]).ThenBy(a => a).ToArray();
        ArcSort.ByScoreDescending(score).ShouldBe(expected);
    }

    [Fact]
    public void GroupingKeepsTheOrderWithinEachGroup()
    {
        int[] order = [5, 0, 3, 1, 4, 2];
        int[] group = [1, 0, 1, 0, 2, 0];
        var start = ArcSort.Starts(group, 3);
        start.ShouldBe([0, 3, 5, 6]);
        ArcSort.GroupBy(order, group, start).ShouldBe([5, 3, 1, 0, 2, 4]);
    }
}
