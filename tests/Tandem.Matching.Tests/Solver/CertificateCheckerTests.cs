using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

public sealed class CertificateCheckerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ArcProblem Problem = Instances.Random(11, 40, 10, 0.5, -10, 60, 3);

    private static MatchResult Solved(MatchObjective objective = MatchObjective.MostMatchedThenScore)
        => OptimalMatcher.Solve(Problem, objective, Ct);

    [Theory]
    [InlineData(MatchObjective.MostMatchedThenScore)]
    [InlineData(MatchObjective.TotalScore)]
    public void SolverOutputIsAcceptedByTheChecker(MatchObjective objective)
    {
        var report = CertificateChecker.Check(Problem, Solved(objective), objective);
        report.Ok.ShouldBeTrue(report.ToString());
        report.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void TamperedPriceIsRejectedByTheChecker()
    {
        var r = Solved();
        var prices = (long[])r.Certificate.MentorPrice.Clone();
        int j = Array.FindIndex(prices, v => v > 0);
        prices[j]--;
        var tampered = r with { Certificate = r.Certificate with { MentorPrice = prices } };
        var report = CertificateChecker.Check(Problem, tampered, MatchObjective.MostMatchedThenScore);
        report.Ok.ShouldBeFalse();
        report.Violations.ShouldContain(v => v.Contains("Dual constraint violated") || v.Contains("Dual objective"));
    }

    [Fact]
    public void MovedPairIsRejectedByTheChecker()
    {
        var r = Solved();
        var mentorOf = (int[])r.MentorOf.Clone();
        // Move a matched mentee to another allowed mentor, keeping the reported totals.
        for (int i = 0; i < Problem.MenteeCount; i++)
        {
            if (mentorOf[i] < 0) continue;
            for (int a = Problem.RowStart[i]; a < Problem.RowStart[i + 1]; a++)
            {
                if (Problem.ArcMentor[a] == mentorOf[i]) continue;
                mentorOf[i] = Problem.ArcMentor[a];
                var report = CertificateChecker.Check(Problem, r with { MentorOf = mentorOf }, MatchObjective.MostMatchedThenScore);
                report.Ok.ShouldBeFalse();
                return;
            }
        }
        Assert.Fail("The fixture has no mentee with a second allowed mentor.");
    }

    [Fact]
    public void PairThatIsNotAnArcIsRejectedByTheChecker()
    {
        var r = Solved();
        var mentorOf = (int[])r.MentorOf.Clone();
        int i = Enumerable.Range(0, Problem.MenteeCount).First(k => Problem.RowStart[k + 1] - Problem.RowStart[k] < Problem.MentorCount);
        var allowed = Problem.ArcMentor[Problem.RowStart[i]..Problem.RowStart[i + 1]];
        mentorOf[i] = Enumerable.Range(0, Problem.MentorCount).First(j => !allowed.Contains(j));
        var report = CertificateChecker.Check(Problem, r with { MentorOf = mentorOf }, MatchObjective.MostMatchedThenScore);
        report.Violations.ShouldContain(v => v.Contains("not an allowed pair"));
    }

    [Fact]
    public void OverCapacityIsRejectedByTheChecker()
    {
        var p = new ArcProblem
        {
            MenteeCount = 2, MentorCount = 1, Capacities = [1],
            RowStart = [0, 1, 2], ArcMentor = [0, 0], ArcScore = [5, 5],
        };
        var r = OptimalMatcher.Solve(p, MatchObjective.TotalScore, Ct);
        var both = new MatchResult([0, 0], 2, 10, r.Certificate);
        var report = CertificateChecker.Check(p, both, MatchObjective.TotalScore);
        report.Violations.ShouldContain(v => v.Contains("capacity 1"));
    }

    [Fact]
    public void WrongReportedTotalIsRejectedByTheChecker()
    {
        var r = Solved();
        var report = CertificateChecker.Check(Problem, r with { TotalScore = r.TotalScore + 1 }, MatchObjective.MostMatchedThenScore);
        report.Violations.ShouldContain(v => v.Contains("Reported total score"));
    }

    [Fact]
    public void GreedyResultIsNotProvenOptimal()
    {
        var g = GreedyMatcher.Solve(Problem);
        var withZeroPrices = g with { Certificate = new DualCertificate(0, new long[Problem.MenteeCount], new long[Problem.MentorCount]) };
        CertificateChecker.Check(Problem, withZeroPrices, MatchObjective.TotalScore).Ok.ShouldBeFalse();
    }
}
