using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class SolveAllPairsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, MatchObjective, int> Cases()
    {
        var data = new TheoryData<int, MatchObjective, int>();
        foreach (int seed in Enumerable.Range(1, 40))
        {
            foreach (int reserve in new[] { 0, 1, 32 })
            {
                data.Add(seed, MatchObjective.MostMatchedThenScore, reserve);
                data.Add(seed, MatchObjective.TotalScore, reserve);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolveAllPairsEqualsSolveOnTheFullArcSet(int seed, MatchObjective objective, int reserve)
    {
        // Many mentees, few slots, short shortlist: the pricing loop has to add arcs over several rounds.
        var full = Instances.Random(seed, mentees: 60 + seed, mentors: 15, density: 0.7, -30, 100, maxCap: 3);
        var source = new MatrixPairSource(full);
        var expected = OptimalMatcher.Solve(full, objective, Ct);

        var all = OptimalMatcher.SolveAllPairs(source, objective, shortlist: 2, reserve, threads: 2, progress: null, Ct);

        all.Result.Matched.ShouldBe(expected.Matched);
        all.Result.TotalScore.ShouldBe(expected.TotalScore);
        var report = CertificateChecker.Check(source, all.Result, objective);
        report.Ok.ShouldBeTrue(report.ToString());
        CertificateChecker.Check(all.FinalArcs, all.Result, objective).Ok.ShouldBeTrue();
    }

    [Fact]
    public void PricingAddsArcsWhenTheShortlistIsNotEnough()
    {
        // Everyone's favourite is mentor 0 (capacity 1); the shortlist of one cannot match more than one.
        var full = new ArcProblem
        {
            MenteeCount = 3, MentorCount = 3, Capacities = [1, 1, 1],
            RowStart = [0, 3, 6, 9], ArcMentor = [0, 1, 2, 0, 1, 2, 0, 1, 2], ArcScore = [10, 5, 1, 10, 1, 5, 10, 2, 2],
        };
        var all = OptimalMatcher.SolveAllPairs(new MatrixPairSource(full), MatchObjective.TotalScore, shortlist: 1, ct: Ct);
        all.Result.TotalScore.ShouldBe(20);
        all.Rounds.ShouldBeGreaterThan(1);
        all.ArcsAdded.ShouldBeGreaterThan(0);
    }
}
