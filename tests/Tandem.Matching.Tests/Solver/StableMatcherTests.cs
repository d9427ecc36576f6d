using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class StableMatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DeferredAcceptanceLeavesNoBlockingPairAndScoresAtMostTheOptimum(int seed)
    {
        var p = Instances.Random(seed, 30 + seed, 8, 0.5, -10, 50, 4);
        var stable = StableMatcher.Solve(p);
        StableMatcher.BlockingPairs(p, stable.MentorOf).ShouldBeEmpty();
        stable.TotalScore.ShouldBeLessThanOrEqualTo(OptimalMatcher.Solve(p, MatchObjective.TotalScore, Ct).TotalScore);
        int[] load = new int[p.MentorCount];
        foreach (int j in stable.MentorOf) if (j >= 0) load[j]++;
        for (int j = 0; j < p.MentorCount; j++) load[j].ShouldBeLessThanOrEqualTo(p.Capacities[j]);
    }

    [Fact]
    public void ExplicitRankingsOverrideScores()
    {
        // Scores say mentee 0 likes mentor 0 best, the ranking says mentor 1.
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 2, Capacities = [1, 1],
            RowStart = [0, 2, 4], ArcMentor = [0, 1, 0, 1], ArcScore = [9, 1, 1, 9],
        };
        int[][] menteeRanking = [[1, 0], [1, 0]];
        int[][] mentorRanking = [[0, 1], [0, 1]];
        var r = StableMatcher.Solve(p, menteeRanking, mentorRanking);
        r.MentorOf.ShouldBe([1, 0]);
        StableMatcher.Solve(p).MentorOf.ShouldBe([0, 1]);
        StableMatcher.BlockingPairs(p, r.MentorOf, menteeRanking, mentorRanking).ShouldBeEmpty();
    }

    [Fact]
    public void BlockingPairsFindsAnUnstableAssignment()
    {
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 2, Capacities = [1, 1],
            RowStart = [0, 2, 4], ArcMentor = [0, 1, 0, 1], ArcScore = [9, 1, 8, 2],
        };
        // Mentee 0 and mentor 0 both prefer each other to what they have.
        StableMatcher.BlockingPairs(p, [1, 0]).ShouldContain((0, 0));
    }
}

public sealed class GreedyMatcherTests
{
    [Fact]
    public void GreedyTakesTheHighestArcsFirstAndBreaksTiesByIndex()
    {
        // Mentor 0 (capacity 1) is wanted by both at score 5: the lower mentee index wins.
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 2, Capacities = [1, 1],
            RowStart = [0, 2, 3], ArcMentor = [1, 0, 0], ArcScore = [1, 5, 5],
        };
        var r = GreedyMatcher.Solve(p);
        r.MentorOf.ShouldBe([0, -1]);
        r.TotalScore.ShouldBe(5);
    }

    [Fact]
    public void GreedyNeverBeatsTheOptimum()
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            var p = Instances.Random(seed, 40, 8, 0.4, -10, 50, 3);
            GreedyMatcher.Solve(p, MatchObjective.TotalScore).TotalScore
                .ShouldBeLessThanOrEqualTo(OptimalMatcher.Solve(p, MatchObjective.TotalScore, TestContext.Current.CancellationToken).TotalScore);
        }
    }
}
