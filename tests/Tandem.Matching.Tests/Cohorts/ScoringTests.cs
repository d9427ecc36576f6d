using Tandem.Matching.Cohorts;
using static Tandem.Matching.Tests.Cohorts.Build;

namespace Tandem.Matching.Tests.Cohorts;

public sealed class ScoringTests
{
    private static readonly MatchWeights None = new()
    {
        Interests = 0, Goals = 0, Industry = 0, Personality = 0, Availability = 0, SeniorityGap = 0, ReverseFit = 0, MenteeRanking = 0,
    };

    private static double Score(MatchWeights weights, MenteeProfile mentee, MentorProfile mentor)
    {
        var input = Cohort([mentee], [mentor]) with { Weights = weights };
        var explanation = CohortMatcher.ExplainPair(input, mentee.Id, mentor.Id);
        explanation.Allowed.ShouldBeTrue(string.Join(" ", explanation.Failures.Select(f => f.Message)));
        return explanation.Score;
    }

    [Fact]
    public void SharedInterestsScoreIsTheJaccardIndex()
    {
        Score(None with { Interests = 3 }, Mentee("a") with { Interests = ["chess", "Jazz", "running"] },
            Mentor("x") with { Interests = ["jazz", "running", "poetry"] }).ShouldBe(0.5);
    }

    [Fact]
    public void GoalsScoreIsTheOverlapOfGoalWordsAndExpertiseWordsOverTheSmallerSet()
    {
        var mentee = Mentee("a") with { Goals = new() { Tags = ["Negotiation"], Text = "I want to get better at public speaking and knitting." } };
        var input = Cohort([mentee],
            [Mentor("x") with { Expertise = ["negotiations", "board work"] }, Mentor("y") with { Expertise = ["Public speaking"] }, Mentor("z") with { Expertise = ["sales"] }])
            with { Weights = None with { Goals = 1 } };
        // Goal words some mentor can match: negotiation, public, speaking. x shares 1 of min(3, 3); y shares 2 of min(3, 2).
        CohortMatcher.ExplainPair(input, "a", "x").Score.ShouldBe(0.333333);
        CohortMatcher.ExplainPair(input, "a", "y").Score.ShouldBe(1);
        CohortMatcher.ExplainPair(input, "a", "z").Score.ShouldBe(0);
    }

    [Fact]
    public void PersonalityIsOneMinusNormalisedDistanceAndNeutralWhenMissing()
    {
        var w = None with { Personality = 1 };
        Score(w, Mentee("a") with { Personality = [4, 4, 4, 4, 4] }, Mentor("x") with { Personality = [4, 4, 4, 4, 4] }).ShouldBe(1);
        Score(w, Mentee("a") with { Personality = [1, 1, 1, 1, 1] }, Mentor("x") with { Personality = [7, 7, 7, 7, 7] }).ShouldBe(0);
        Score(w, Mentee("a"), Mentor("x") with { Personality = [7, 7, 7, 7, 7] }).ShouldBe(0.5);
    }

    [Fact]
    public void AvailabilityIsSharedSlotsOverTheMenteesSlots()
    {
        Score(None with { Availability = 1 }, Mentee("a") with { Availability = [0, 1, 2, 3] }, Mentor("x") with { Availability = [1, 3, 9] })
            .ShouldBe(0.5);
    }

    [Theory]
    [InlineData(Seniority.Entry, Seniority.Mid, 1.0)]
    [InlineData(Seniority.Entry, Seniority.Senior, 0.75)]
    [InlineData(Seniority.Junior, Seniority.Junior, 0.5)]
    [InlineData(Seniority.Entry, Seniority.Executive, 0.5)]
    public void SeniorityGapOfTwoLevelsScoresBest(Seniority mentee, Seniority mentor, double expected)
    {
        Score(None with { SeniorityGap = 1 }, Mentee("a") with { Seniority = mentee }, Mentor("x") with { Seniority = mentor })
            .ShouldBe(expected);
    }

    [Fact]
    public void ReverseFitRewardsAnOptedInReversePairAndIsNeutralOtherwise()
    {
        var w = None with { ReverseFit = 1 };
        Score(w, Mentee("a") with { Seniority = Seniority.Senior, OpenToReverse = true },
            Mentor("x") with { Seniority = Seniority.Junior, OpenToReverse = true }).ShouldBe(1);
        Score(w, Mentee("a"), Mentor("x")).ShouldBe(0.5);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(4, 0.2)]
    public void MenteeRankingScoresRankOneAsOneAndRankFiveAsOneFifth(int position, double expected)
    {
        var ranked = new[] { "r1", "r2", "r3", "r4", "r5" };
        var input = Cohort([Mentee("a") with { RankedMentors = ranked }], ranked.Select(id => Mentor(id)).Append(Mentor("unranked")))
            with { Weights = None with { MenteeRanking = 1 } };
        CohortMatcher.ExplainPair(input, "a", ranked[position]).Score.ShouldBe(expected);
        CohortMatcher.ExplainPair(input, "a", "unranked").Score.ShouldBe(0);
    }

    [Fact]
    public void TotalIsTheWeightedMeanAndContributionsAddUpToIt()
    {
        var mentee = Mentee("a") with { Interests = ["chess", "jazz"], Industry = "law", Availability = [0, 1, 2, 3] };
        var mentor = Mentor("x") with { Interests = ["jazz"], Industry = "Law", Availability = [0, 1] };
        var weights = None with { Interests = 1, Industry = 2, Availability = 1 };
        // interests 1/2, industry 1, availability 2/4 → (0.5 + 2 + 0.5) / 4
        var input = Cohort([mentee], [mentor]) with { Weights = weights };
        var e = CohortMatcher.ExplainPair(input, "a", "x");
        e.Score.ShouldBe(0.75);
        e.Breakdown.Sum(b => b.Contribution).ShouldBe(0.75, 1e-9);
        e.Breakdown.Single(b => b.Criterion == Criterion.Industry).ShouldBe(new CriterionScore(Criterion.Industry, 2, 1, 0.5));
        e.Why.ShouldStartWith("Strongest on same industry (1.00)");
    }

    [Fact]
    public void ScalingTheWeightsTogetherDoesNotChangeTheScore()
    {
        var input = SyntheticCohort.Generate(20, 10, seed: 5);
        var w = input.Weights;
        var doubled = w with
        {
            Interests = w.Interests * 2, Goals = w.Goals * 2, Industry = w.Industry * 2, Personality = w.Personality * 2,
            Availability = w.Availability * 2, SeniorityGap = w.SeniorityGap * 2, ReverseFit = w.ReverseFit * 2, MenteeRanking = w.MenteeRanking * 2,
        };
        var a = CompiledCohort.Compile(input);
        var b = CompiledCohort.Compile(input with { Weights = doubled });
        for (var i = 0; i < a.MenteeCount; i++)
        {
            for (var j = 0; j < a.MentorCount; j++)
                b.ScaledScore(i, j).ShouldBe(a.ScaledScore(i, j));
        }
    }

    [Fact]
    public void FastRowScoringAgreesWithThePairByPairPath()
    {
        var input = SyntheticCohort.Generate(150, 60, seed: 11);
        var c = CompiledCohort.Compile(input);
        var row = new long[c.MentorCount];
        var allowed = 0;
        for (var i = 0; i < c.MenteeCount; i++)
        {
            c.ScoreRow(i, row);
            for (var j = 0; j < c.MentorCount; j++)
            {
                row[j].ShouldBe(c.ScaledScore(i, j));
                row[j].ShouldBeLessThanOrEqualTo(CompiledCohort.Scale);
                if (row[j] != long.MinValue)
                    allowed++;
            }
        }
        allowed.ShouldBeGreaterThan(0);
        allowed.ShouldBeLessThan(c.MenteeCount * c.MentorCount);
    }
}

public sealed class WideVocabularyTests
{
    [Fact]
    public void InterestsAndLanguagesBeyondSixtyFourTagsAreComparedAcrossWords()
    {
        var many = Enumerable.Range(0, 100).Select(k => $"tag{k}").ToArray();
        var langs = Enumerable.Range(0, 70).Select(k => $"lang{k}").ToArray();
        var input = Build.Cohort(
            [Build.Mentee("a") with { Interests = many[..80], Languages = ["lang69"] }],
            [Build.Mentor("x") with { Interests = many[60..], Languages = [.. langs] }, Build.Mentor("y") with { Languages = ["lang0"] }])
            with { Weights = new() { Interests = 1, Goals = 0, Industry = 0, Personality = 0, Availability = 0, SeniorityGap = 0, ReverseFit = 0, MenteeRanking = 0 } };
        // shared tag60..tag79 = 20 of 100 distinct
        var e = CohortMatcher.ExplainPair(input, "a", "x");
        e.Allowed.ShouldBeTrue();
        e.Score.ShouldBe(0.2);
        CohortMatcher.ExplainPair(input, "a", "y").Failures.Single().Reason.ShouldBe(Constraint.Language);
    }
}
