using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class SolveAllPairsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Warm re-insertion, cold re-solves, with and without mentor seeds, narrow tiles.</summary>
    private static readonly AllPairsOptions[] Variants =
    [
        new(),
        new(Warm: false),
        new(MentorSeed: 0),
        new(MentorSeed: 0, Warm: false, MaxAddedPerRow: 1),
        new(MentorSeed: 1, Block: 8, MaxAddedPerRow: 2),
    ];

    public static TheoryData<int, MatchObjective, int> Cases()
    {
        var data = new TheoryData<int, MatchObjective, int>();
        foreach (int seed in Enumerable.Range(1, 40))
        {
            for (int v = 0; v < Variants.Length; v++)
            {
                data.Add(seed, MatchObjective.MostMatchedThenScore, v);
                data.Add(seed, MatchObjective.TotalScore, v);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolveAllPairsEqualsSolveOnTheFullArcSet(int seed, MatchObjective objective, int variant)
    {
        // Many mentees, few slots, short shortlist: the pricing loop has to add arcs over several rounds.
        var full = Instances.Random(seed, mentees: 60 + seed, mentors: 15, density: 0.7, -30, 100, maxCap: 3);
        var source = seed % 2 == 0 ? new MatrixPairSource(full) : new MatrixTileSource(full);
        var expected = OptimalMatcher.Solve(full, objective, Ct);

        var all = OptimalMatcher.SolveAllPairs(source, objective, shortlist: 2, Variants[variant], threads: 2, progress: null, Ct);

        all.Result.Matched.ShouldBe(expected.Matched);
        all.Result.TotalScore.ShouldBe(expected.TotalScore);
        var report = CertificateChecker.Check(source, all.Result, objective);
        report.Ok.ShouldBeTrue(report.ToString());
        CertificateChecker.Check(all.FinalArcs, all.Result, objective).Ok.ShouldBeTrue();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void WarmRePricingEqualsAColdSolveRoundByRound(int seed)
    {
        // Same arcs every round either way; only how each round is solved differs.
        var full = Instances.Random(seed, mentees: 300, mentors: 40, density: 0.5, -30, 100, maxCap: 4);
        var source = new MatrixPairSource(full);
        var warm = OptimalMatcher.SolveAllPairs(source, MatchObjective.MostMatchedThenScore, 3, new AllPairsOptions(MentorSeed: 0), 2, null, Ct);
        var cold = OptimalMatcher.SolveAllPairs(source, MatchObjective.MostMatchedThenScore, 3, new AllPairsOptions(MentorSeed: 0, Warm: false), 2, null, Ct);
        warm.Rounds.ShouldBeGreaterThan(1);
        warm.Result.Matched.ShouldBe(cold.Result.Matched);
        warm.Result.TotalScore.ShouldBe(cold.Result.TotalScore);
        CertificateChecker.Check(source, warm.Result, MatchObjective.MostMatchedThenScore).Ok.ShouldBeTrue();
    }

    [Fact]
    public void TiledScoringGivesTheSameSolutionAsRowScoring()
    {
        var full = Instances.Random(5, mentees: 500, mentors: 70, density: 0.6, -50, 500, maxCap: 3);
        var byRow = OptimalMatcher.SolveAllPairs(new MatrixPairSource(full), MatchObjective.MostMatchedThenScore, 4, new AllPairsOptions(), 2, null, Ct);
        foreach (int block in new[] { 8, 16, 64 })
        {
            var tiled = OptimalMatcher.SolveAllPairs(new MatrixTileSource(full), MatchObjective.MostMatchedThenScore, 4, new AllPairsOptions(Block: block), 2, null, Ct);
            tiled.Result.MentorOf.ShouldBe(byRow.Result.MentorOf);
            tiled.Result.Certificate.MentorPrice.ShouldBe(byRow.Result.Certificate.MentorPrice);
            tiled.FinalArcs.ArcMentor.ShouldBe(byRow.FinalArcs.ArcMentor);
        }
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
        var all = OptimalMatcher.SolveAllPairs(new MatrixPairSource(full), MatchObjective.TotalScore, 1, new AllPairsOptions(MentorSeed: 0), 2, null, Ct);
        all.Result.TotalScore.ShouldBe(20);
        all.Rounds.ShouldBeGreaterThan(1);
        all.ArcsAdded.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void MentorSeedsGiveUnpopularMentorsCandidatesFromTheFirstSolve()
    {
        // Mentor 2 is nobody's first choice; with its best mentees seeded the first solve fills it.
        var full = new ArcProblem
        {
            MenteeCount = 3, MentorCount = 3, Capacities = [1, 1, 1],
            RowStart = [0, 3, 6, 9], ArcMentor = [0, 1, 2, 0, 1, 2, 0, 1, 2], ArcScore = [10, 9, 1, 10, 9, 2, 10, 9, 3],
        };
        var all = OptimalMatcher.SolveAllPairs(new MatrixPairSource(full), MatchObjective.MostMatchedThenScore, 1, new AllPairsOptions(), 2, null, Ct);
        all.Result.Matched.ShouldBe(3);
        all.Rounds.ShouldBe(1);
    }
}
