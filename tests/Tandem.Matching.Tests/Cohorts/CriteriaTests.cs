using System.Text.Json;
using Tandem.Matching.Cohorts;
using static Tandem.Matching.Tests.Cohorts.Build;

namespace Tandem.Matching.Tests.Cohorts;

/// <summary>The criteria table is the one list the engine, files and pages use: these keep it and the weights in step.</summary>
public sealed class CriteriaTests
{
    [Fact]
    public void EveryCriterionHasOneRowInEnumOrderWithTheKeyFilesUse()
    {
        Criteria.All.Select(c => c.Criterion).ShouldBe(Enum.GetValues<Criterion>());
        Criteria.All.Count.ShouldBe(Criteria.Count);
        var json = JsonDocument.Parse(CohortJson.Write(new MatchWeights())).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(Criteria.All.Select(c => c.Key));
        foreach (var c in Criteria.All)
        {
            json.GetProperty(c.Key).GetDouble().ShouldBe(c.DefaultWeight, c.Key);
            Criteria.Find(c.Key.ToUpperInvariant()).ShouldBe(c);
        }
    }

    [Fact]
    public void TheIndexerReadsWhatEachPropertySets()
    {
        var weights = new MatchWeights { Interests = 1.25, Goals = 2.5, Industry = 3, Personality = 4, Availability = 5, SeniorityGap = 6, ReverseFit = 7, MenteeRanking = 8 };
        Criteria.All.Select(c => weights[c.Criterion]).ShouldBe([1.25, 2.5, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void ACopyWithAChangedWeightLeavesTheOriginalAlone()
    {
        var original = new MatchWeights();
        var copy = original with { Goals = 7 };
        var other = original.With(Criterion.Industry, 3);

        original.Goals.ShouldBe(2);
        original.Industry.ShouldBe(0.5);
        copy.Goals.ShouldBe(7);
        other.Industry.ShouldBe(3);
        other.Goals.ShouldBe(2);
        copy.ShouldNotBe(original);
        (original with { }).ShouldBe(original);
    }

    [Fact]
    public void AWeightReadFromAFileReachesTheScore()
    {
        var input = CohortJson.ReadInput("""{"weights":{"interests":0,"goals":0,"industry":1,"personality":0,"availability":0,"seniorityGap":0,"reverseFit":0,"menteeRanking":0}}""")!;
        var cohort = Cohort([Mentee("a") with { Industry = "Law" }], [Mentor("x") with { Industry = "Law" }]) with { Weights = input.Weights };
        var explanation = CohortMatcher.ExplainPair(cohort, "a", "x");
        explanation.Score.ShouldBe(1);
        explanation.Why.ShouldStartWith("Strongest on " + Criteria.Of(Criterion.Industry).Phrase);
    }
}
