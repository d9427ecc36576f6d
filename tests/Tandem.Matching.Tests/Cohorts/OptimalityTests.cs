using Tandem.Matching.Cohorts;

namespace Tandem.Matching.Tests.Cohorts;

public sealed class OptimalityTests
{
    public static TheoryData<int, MatchObjective> Seeds()
    {
        var data = new TheoryData<int, MatchObjective>();
        for (var seed = 1; seed <= 12; seed++)
        {
            data.Add(seed, MatchObjective.MostMatchedThenScore);
            data.Add(seed, MatchObjective.TotalScore);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SmallRandomCohortsMatchTheBruteForceOptimum(int seed, MatchObjective objective)
    {
        var generated = SyntheticCohort.Generate(7, 4, seed);
        // Loosen the random cohort a little so most mentees have several allowed mentors.
        var input = generated with
        {
            Objective = objective,
            Rules = new() { MinSharedSlots = 0, SameEmployerAllowed = true },
            Mentees = [.. generated.Mentees.Select(m => m with { MeetingMode = MeetingMode.Online, GenderPreference = GenderPreference.Any, Languages = ["en"] })],
        };
        var c = CompiledCohort.Compile(input);
        // Lock the first allowed pair of mentee 0, if any, to cover locks too.
        var lockMentor = Enumerable.Range(0, c.MentorCount).FirstOrDefault(j => c.Failures(0, j) == Constraint.None, -1);
        if (seed % 2 == 0 && lockMentor >= 0)
            input = input with { Locked = [new(input.Mentees[0].Id, input.Mentors[lockMentor].Id)] };
        else
            lockMentor = -1;

        var result = CohortMatcher.Match(input, TestContext.Current.CancellationToken);
        result.Errors.ShouldBeEmpty();
        result.Totals!.Certificate.Verified.ShouldBeTrue(result.Totals.Certificate.Detail);
        var (matched, total) = BruteForce(c, objective, lockMentor);
        matched.ShouldBeGreaterThan(1, "the instance should not be trivial");
        result.Totals.TotalScaledScore.ShouldBe(total);
        result.Totals.Matched.ShouldBe(matched);
    }

    /// <summary>Best (matched, total) over every assignment that respects the hard constraints and capacities.</summary>
    private static (int Matched, long Total) BruteForce(CompiledCohort c, MatchObjective objective, int lockedMentorOfFirst)
    {
        var load = new int[c.MentorCount];
        (int M, long T) best = (-1, long.MinValue);
        bool Better((int M, long T) a, (int M, long T) b) => objective == MatchObjective.TotalScore
            ? a.T > b.T || (a.T == b.T && a.M > b.M)
            : a.M > b.M || (a.M == b.M && a.T > b.T);
        void Go(int i, int matched, long total)
        {
            if (i == c.MenteeCount)
            {
                if (best.M < 0 || Better((matched, total), best))
                    best = (matched, total);
                return;
            }
            if (!(i == 0 && lockedMentorOfFirst >= 0))
                Go(i + 1, matched, total);
            for (var j = 0; j < c.MentorCount; j++)
            {
                if (i == 0 && lockedMentorOfFirst >= 0 && j != lockedMentorOfFirst)
                    continue;
                var s = c.ScaledScore(i, j);
                if (s == long.MinValue || load[j] == c.Capacity(j))
                    continue;
                load[j]++;
                Go(i + 1, matched + 1, total + s);
                load[j]--;
            }
        }
        Go(0, 0, 0);
        return best;
    }
}
