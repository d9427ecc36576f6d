using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class OptimalMatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, bool> Seeds()
    {
        var data = new TheoryData<int, bool>();
        foreach (int seed in Enumerable.Range(1, 300))
        {
            data.Add(seed, false);
            data.Add(seed, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MostMatchedThenScoreEqualsBruteForceOnSmallInstances(int seed, bool mentorSide)
    {
        var p = Instances.Random(seed, mentees: 1 + seed % 7, mentors: 1 + seed % 4, density: 0.6, -20, 30, maxCap: 3);
        var r = OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, mentorSide, Ct);
        var (matched, total) = Instances.BruteForce(p, MatchObjective.MostMatchedThenScore);
        r.Matched.ShouldBe(matched);
        r.TotalScore.ShouldBe(total);
        var report = CertificateChecker.Check(p, r, MatchObjective.MostMatchedThenScore);
        report.Ok.ShouldBeTrue(report.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TotalScoreEqualsBruteForceOnSmallInstances(int seed, bool mentorSide)
    {
        var p = Instances.Random(seed, mentees: 1 + seed % 7, mentors: 1 + seed % 4, density: 0.6, -20, 30, maxCap: 3);
        var r = OptimalMatcher.Solve(p, MatchObjective.TotalScore, mentorSide, Ct);
        r.TotalScore.ShouldBe(Instances.BruteForce(p, MatchObjective.TotalScore).Total);
        var report = CertificateChecker.Check(p, r, MatchObjective.TotalScore);
        report.Ok.ShouldBeTrue(report.ToString());
    }

    [Fact]
    public void SameInputGivesTheSameOutput()
    {
        var p = Instances.Random(7, 200, 40, 0.2, -5, 100, 3);
        var a = OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, Ct);
        var b = OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, Ct);
        b.MentorOf.ShouldBe(a.MentorOf);
        b.Certificate.MenteePrice.ShouldBe(a.Certificate.MenteePrice);
        b.Certificate.MentorPrice.ShouldBe(a.Certificate.MentorPrice);
    }

    [Fact]
    public void LexicographicObjectivePrefersAnExtraPairOverAHigherScore()
    {
        // Mentee 0 can take mentor 0 (score 100) or mentor 1 (score 1); mentee 1 only mentor 0 (score 1).
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 2, Capacities = [1, 1],
            RowStart = [0, 2, 3], ArcMentor = [0, 1, 0], ArcScore = [100, 1, 1],
        };
        var lexi = OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, Ct);
        lexi.Matched.ShouldBe(2);
        lexi.TotalScore.ShouldBe(2);
        var total = OptimalMatcher.Solve(p, MatchObjective.TotalScore, Ct);
        total.Matched.ShouldBe(1);
        total.TotalScore.ShouldBe(100);
    }

    [Fact]
    public void NegativeArcsAreNeverTakenForTheTotalScore()
    {
        var p = new ArcProblem
        {
            MenteeCount = 1, MentorCount = 1, Capacities = [1],
            RowStart = [0, 1], ArcMentor = [0], ArcScore = [-3],
        };
        OptimalMatcher.Solve(p, MatchObjective.TotalScore, Ct).Matched.ShouldBe(0);
        OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, Ct).Matched.ShouldBe(1);
    }

    [Fact]
    public void ScoresThatWouldOverflowAreRefused()
    {
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 1, Capacities = [2],
            RowStart = [0, 1, 2], ArcMentor = [0, 0], ArcScore = [long.MaxValue / 3, -(long.MaxValue / 3)],
        };
        Should.Throw<OverflowException>(() => OptimalMatcher.Solve(p, MatchObjective.MostMatchedThenScore, Ct));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(0, 3)]
    public void EmptyProblemsSolveToAnEmptyMatchingWithAValidCertificate(int mentees, int mentors)
    {
        var p = new ArcProblem
        {
            MenteeCount = mentees, MentorCount = mentors, Capacities = new int[mentors],
            RowStart = new int[mentees + 1], ArcMentor = [], ArcScore = [],
        };
        foreach (var objective in new[] { MatchObjective.MostMatchedThenScore, MatchObjective.TotalScore })
        {
            var r = OptimalMatcher.Solve(p, objective, Ct);
            r.Matched.ShouldBe(0);
            r.MentorOf.ShouldAllBe(j => j == -1);
            CertificateChecker.Check(p, r, objective).Ok.ShouldBeTrue();
        }
    }

    [Fact]
    public void MalformedArcProblemIsRefused()
    {
        var p = new ArcProblem
        {
            MenteeCount = 1, MentorCount = 1, Capacities = [1],
            RowStart = [0, 1], ArcMentor = [5], ArcScore = [1],
        };
        Should.Throw<ArgumentException>(() => OptimalMatcher.Solve(p, MatchObjective.TotalScore, Ct));
    }
}
