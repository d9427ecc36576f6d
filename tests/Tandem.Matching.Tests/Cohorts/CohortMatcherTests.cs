using Tandem.Matching.Cohorts;
using static Tandem.Matching.Tests.Cohorts.Build;

namespace Tandem.Matching.Tests.Cohorts;

public sealed class CohortMatcherTests
{
    private static CohortResult Matched(CohortInput input)
    {
        var result = CohortMatcher.Match(input, TestContext.Current.CancellationToken);
        result.Errors.ShouldBeEmpty();
        return result;
    }

    [Fact]
    public void LockedPairsAreKeptEvenWhenTheOptimumWouldPairDifferently()
    {
        // a fits x best and b fits y best, but the coordinator locks a with y.
        var input = Cohort(
            [Mentee("a") with { Interests = ["chess"] }, Mentee("b") with { Interests = ["jazz"] }],
            [Mentor("x") with { Interests = ["chess"] }, Mentor("y") with { Interests = ["jazz"] }]) with { Locked = [new("a", "y")] };
        var result = Matched(input);
        result.Pairs.ShouldContain(p => p.MenteeId == "a" && p.MentorId == "y" && p.Locked);
        result.Pairs.ShouldContain(p => p.MenteeId == "b" && p.MentorId == "x" && !p.Locked);
        result.Totals!.Locked.ShouldBe(1);
        result.Totals.Certificate.Verified.ShouldBeTrue(result.Totals.Certificate.Detail);
    }

    [Fact]
    public void ForbiddenPairsAreNotProposedEvenWhenTheyScoreBest()
    {
        var input = Cohort(
            [Mentee("a") with { Interests = ["chess"] }, Mentee("b") with { Interests = ["jazz"] }],
            [Mentor("x") with { Interests = ["chess"] }, Mentor("y") with { Interests = ["jazz"] }]) with { Forbidden = [new("a", "x")] };
        var result = Matched(input);
        result.Pairs.ShouldNotContain(p => p.MenteeId == "a" && p.MentorId == "x");
        result.Pairs.Count.ShouldBe(2);
    }

    [Fact]
    public void ALockThatBreaksAHardConstraintIsRefusedWithTheRuleNamed()
    {
        var input = Cohort([Mentee("a") with { Languages = ["fr"] }], [Mentor("x")]) with { Locked = [new("a", "x")] };
        var result = CohortMatcher.Match(input, TestContext.Current.CancellationToken);
        result.Valid.ShouldBeFalse();
        result.Pairs.ShouldBeEmpty();
        var error = result.Errors.Single();
        error.Path.ShouldBe("$.locked[0]");
        error.Message.ShouldContain("language");
        error.Message.ShouldContain("No language in common");
    }

    [Fact]
    public void LocksBeyondAMentorsCapacityAndLocksOfForbiddenPairsAreRefused()
    {
        var input = Cohort([Mentee("a"), Mentee("b")], [Mentor("x")]) with
        {
            Locked = [new("a", "x"), new("b", "x")],
            Forbidden = [new("a", "x")],
        };
        var errors = CohortValidator.Validate(input);
        errors.ShouldContain(e => e.Path == "$.locked[0]" && e.Message.Contains("forbade"));
        errors.ShouldContain(e => e.Path == "$.locked[1]" && e.Message.Contains("capacity (1)"));
    }

    [Fact]
    public void InvalidProfilesAreReportedWithTheirPath()
    {
        var input = Cohort(
            [Mentee("a") with { Availability = [21], RankedMentors = ["nobody"] }, Mentee("a")],
            [Mentor("x", capacity: 9) with { Personality = [1, 2, 3] }]) with { Weights = new() { Goals = -1 } };
        var paths = CohortValidator.Validate(input).Select(e => e.Path).ToList();
        paths.ShouldBe(
            ["$.mentees[0].availability[0]", "$.mentees[0].rankedMentors[0]", "$.mentees[1].id", "$.mentors[0].personality", "$.mentors[0].capacity", "$.weights.goals"],
            ignoreOrder: true);
    }

    [Fact]
    public void PreviousPairsAreNeverRepeated()
    {
        var input = SyntheticCohort.Generate(120, 50, seed: 3);
        // Make every pair the unconstrained optimum proposes an earlier pair, then match again.
        var first = Matched(input with { PreviousPairs = [], Locked = [] });
        var previous = first.Pairs.Select(p => new PairRef(p.MenteeId, p.MentorId)).ToList();
        var second = Matched(input with { PreviousPairs = previous, Locked = [] });
        second.Pairs.ShouldNotBeEmpty();
        second.Pairs.Select(p => new PairRef(p.MenteeId, p.MentorId)).Intersect(previous).ShouldBeEmpty();
    }

    [Fact]
    public void AnUnmatchedMenteeIsToldWhichConstraintLeftNoMentor()
    {
        var input = Cohort([Mentee("a"), Mentee("fr") with { Languages = ["fr"] }], [Mentor("x", capacity: 2), Mentor("y")]);
        var result = Matched(input);
        var fr = result.UnmatchedMentees.Single();
        fr.MenteeId.ShouldBe("fr");
        fr.AllowedMentors.ShouldBe(0);
        var language = fr.Excluded.Single();
        language.ShouldBe(language with { Reason = Constraint.Language, Count = 2, OnlyReason = 2 });
        language.Examples.ShouldBe(["x", "y"]);
        fr.Summary.ShouldContain("language rules out 2");
        fr.Alternatives.Select(a => (a.MentorId, a.Allowed)).ShouldBe([("x", false), ("y", false)]);
        fr.Alternatives[0].WhatItWouldTake.ShouldStartWith("Needs a language in common");
    }

    [Fact]
    public void AnUnmatchedMenteeIsToldWhichAllowedMentorWasFullAndWithWhom()
    {
        // One place, two candidates: "keen" shares two interests with x, "late" one.
        var input = Cohort(
            [Mentee("late") with { Interests = ["jazz"] }, Mentee("keen") with { Interests = ["chess", "jazz"] }],
            [Mentor("x") with { Interests = ["chess", "jazz"] }, Mentor("far") with { Languages = ["de"] }]);
        var result = Matched(input);
        result.Pairs.Single().ShouldBe(result.Pairs.Single() with { MenteeId = "keen", MentorId = "x", Rank = 1, AllowedMentors = 1 });
        var late = result.UnmatchedMentees.Single();
        late.MenteeId.ShouldBe("late");
        late.FullMentorCount.ShouldBe(1);
        var full = late.FullMentors.Single();
        full.MentorId.ShouldBe("x");
        full.AssignedMentees.ShouldBe(["keen"]);
        full.TakenByBetterPairs.ShouldBeTrue();
        full.PlaceValue!.Value.ShouldBeGreaterThanOrEqualTo(full.PairScore);
        full.LowestAssignedScore.ShouldBeGreaterThan(full.PairScore);
        late.Summary.ShouldContain("full");
        late.Alternatives[0].MentorId.ShouldBe("x");
        late.Alternatives[0].WhatItWouldTake.ShouldContain("raise capacity from 1 to 2");
        late.Excluded.Single().Reason.ShouldBe(Constraint.Language);
        result.UnmatchedMentors.Single().ShouldBe(result.UnmatchedMentors.Single() with { MentorId = "far", EligibleMentees = 0 });
    }

    [Fact]
    public void ProposedPairsCarryABreakdownThatAddsUpToTheScore()
    {
        var result = Matched(SyntheticCohort.Generate(60, 30, seed: 8));
        result.Pairs.ShouldNotBeEmpty();
        foreach (var p in result.Pairs)
        {
            p.Breakdown.Count.ShouldBe(8);
            p.Breakdown.Sum(b => b.Contribution).ShouldBe(p.Score, 1e-3);
            p.Rank.ShouldBeInRange(1, p.AllowedMentors);
            p.Why.ShouldStartWith("Strongest on");
        }
        result.Totals!.TotalScore.ShouldBe(result.Pairs.Sum(p => p.Score), 1e-6);
    }

    [Fact]
    public void TheSameInputTwiceGivesIdenticalJson()
    {
        var input = SyntheticCohort.Generate(200, 90, seed: 21);
        var json = CohortJson.Write(input);
        var a = CohortJson.Write(CohortMatcher.Match(CohortJson.ReadInput(json)!, TestContext.Current.CancellationToken));
        var b = CohortJson.Write(CohortMatcher.Match(CohortJson.ReadInput(json)!, TestContext.Current.CancellationToken));
        a.ShouldBe(b);
        a.ShouldContain("\"unmatchedMentees\"");
    }

    [Fact]
    public void StableModeReportsItsGapToTheOptimumAndLeavesNoBlockingPair()
    {
        var generated = SyntheticCohort.Generate(80, 35, seed: 13);
        // Without own rankings both sides rank by score, so stability can be checked against scores.
        var input = generated with { Mode = MatchMode.Stable, Mentees = [.. generated.Mentees.Select(m => m with { RankedMentors = [] })] };
        var stable = Matched(input);
        var optimal = Matched(input with { Mode = MatchMode.Optimal });
        var gap = stable.Totals!.StableGap!;
        gap.OptimalMatched.ShouldBe(optimal.Totals!.Matched);
        gap.OptimalTotalScore.ShouldBe(optimal.Totals.TotalScore, 1e-6);
        gap.MatchedGap.ShouldBe(optimal.Totals.Matched - stable.Totals.Matched);
        gap.MatchedGap.ShouldBeGreaterThanOrEqualTo(0);
        (gap.MatchedGap > 0 || gap.ScoreGap >= -1e-9).ShouldBeTrue();

        // No unmatched or matched mentee would rather have a mentor (by score) who would rather have them.
        var c = CompiledCohort.Compile(input);
        var mentorOf = input.Mentees.Select(m => stable.Pairs.FirstOrDefault(p => p.MenteeId == m.Id)?.MentorId)
            .Select(id => id is null ? -1 : c.MentorIndex(id)).ToArray();
        AssertNoBlockingPair(c, mentorOf);
    }

    [Fact]
    public void StableModeUsesTheMenteesOwnRankingFirst()
    {
        var input = Cohort(
            [Mentee("a") with { Interests = ["chess"], RankedMentors = ["y"] }],
            [Mentor("x") with { Interests = ["chess"] }, Mentor("y")]) with { Mode = MatchMode.Stable, Weights = new() { MenteeRanking = 0 } };
        Matched(input).Pairs.Single().MentorId.ShouldBe("y");
        Matched(input with { Mode = MatchMode.Optimal }).Pairs.Single().MentorId.ShouldBe("x");
    }

    [Fact]
    public void ExplainingAHandPickedPairNamesEveryFailingConstraint()
    {
        var input = Cohort([Mentee("a") with { MeetingMode = MeetingMode.InPerson, City = "Oslo" }],
            [Mentor("x") with { MeetingMode = MeetingMode.Either, City = "Bergen", Availability = [20] }]);
        var e = CohortMatcher.ExplainPair(input, "a", "x");
        e.Allowed.ShouldBeFalse();
        e.Failures.Select(f => f.Reason).ShouldBe([Constraint.City, Constraint.Availability]);
        e.Failures[0].Message.ShouldBe("An in-person pair needs the same city (mentee: Oslo, mentor: Bergen).");
        e.Breakdown.Count.ShouldBe(8);
        e.Why.ShouldStartWith("Not allowed:");
    }

    private static void AssertNoBlockingPair(CompiledCohort c, int[] mentorOf)
    {
        var load = new int[c.MentorCount];
        foreach (var j in mentorOf.Where(j => j >= 0))
            load[j]++;
        for (var i = 0; i < c.MenteeCount; i++)
        {
            var current = mentorOf[i] >= 0 ? c.ScaledScore(i, mentorOf[i]) : long.MinValue;
            for (var j = 0; j < c.MentorCount; j++)
            {
                var s = c.ScaledScore(i, j);
                if (s == long.MinValue || s <= current || j == mentorOf[i])
                    continue;
                var weakest = Enumerable.Range(0, c.MenteeCount).Where(t => mentorOf[t] == j).Select(t => c.ScaledScore(t, j)).DefaultIfEmpty(long.MaxValue).Min();
                (load[j] < c.Capacity(j) || weakest < s).ShouldBeFalse($"mentee {i} and mentor {j} block");
            }
        }
    }
}

public sealed class UnmatchedMentorTests
{
    [Fact]
    public void AMentorWhoseEligibleMenteesWentElsewhereIsToldWhereTheyWent()
    {
        // Both mentees may have either mentor, but both fit "best" better and it takes two.
        var input = Cohort(
            [Mentee("a") with { Interests = ["chess"] }, Mentee("b") with { Interests = ["chess"] }],
            [Mentor("best", capacity: 2) with { Interests = ["chess"] }, Mentor("spare")]);
        var result = CohortMatcher.Match(input, TestContext.Current.CancellationToken);
        var spare = result.UnmatchedMentors.Single();
        spare.MentorId.ShouldBe("spare");
        spare.EligibleMentees.ShouldBe(2);
        spare.Summary.ShouldStartWith("All 2 eligible mentee(s) are matched to mentors where they add more");
        spare.EligibleMatchedElsewhere.Select(e => (e.MenteeId, e.MatchedMentorId)).ShouldBe([("a", "best"), ("b", "best")]);
        spare.EligibleMatchedElsewhere.ShouldAllBe(e => e.ScoreWithMatchedMentor > e.ScoreWithThisMentor);
    }
}

public sealed class EdgeCohortTests
{
    [Fact]
    public void AnEmptyCohortMatchesNothingAndSaysSo()
    {
        var result = CohortMatcher.Match(Cohort([], []), TestContext.Current.CancellationToken);
        result.Valid.ShouldBeTrue();
        result.Totals!.Matched.ShouldBe(0);
        result.Totals.Certificate.Verified.ShouldBeTrue(result.Totals.Certificate.Detail);
    }

    [Fact]
    public void MenteesWithoutMentorsAreAllExplained()
    {
        var result = CohortMatcher.Match(Cohort([Mentee("a"), Mentee("b")], []), TestContext.Current.CancellationToken);
        result.UnmatchedMentees.Select(u => u.Summary).ShouldBe(["There are no mentors in the cohort.", "There are no mentors in the cohort."]);
    }

    [Fact]
    public void MentorsWithoutMenteesAreAllExplained()
    {
        var result = CohortMatcher.Match(Cohort([], [Mentor("x")]), TestContext.Current.CancellationToken);
        result.UnmatchedMentors.Single().Summary.ShouldBe("There are no mentees in the cohort.");
    }

    [Fact]
    public void AllZeroWeightsStillMatchAsManyAsPossible()
    {
        var zero = new MatchWeights { Interests = 0, Goals = 0, Industry = 0, Personality = 0, Availability = 0, SeniorityGap = 0, ReverseFit = 0, MenteeRanking = 0 };
        var result = CohortMatcher.Match(Cohort([Mentee("a"), Mentee("b")], [Mentor("x", capacity: 2)]) with { Weights = zero },
            TestContext.Current.CancellationToken);
        result.Totals!.Matched.ShouldBe(2);
        result.Pairs.ShouldAllBe(p => p.Score == 0 && p.Why.StartsWith("No criterion contributes"));
    }
}
