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
