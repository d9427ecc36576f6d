using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Tests.PairsProgress;

/// <summary>The pace rules on a 180-day cohort (1 Jan – 29 Jun 2027) with the default minimum of 3 meetings.</summary>
public sealed class PaceRulesTests
{
    private static PaceResult At(int day, int held = 0, int? lastHeldDay = null, int? lastContactDay = null, PairStatus status = PairStatus.Active) =>
        PaceRules.Evaluate(
            new PaceFacts(status, PairWorld.StartsOn, PairWorld.EndsOn, PairWorld.At(-10), held,
                lastHeldDay is { } h ? PairWorld.At(h) : null, lastContactDay is { } c ? PairWorld.At(c) : null),
            3, PairWorld.At(day));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(120, 2)]
    [InlineData(121, 3)]
    [InlineData(400, 3)]
    public void ExpectedMeetingsAreTheMinimumTimesTheElapsedShareRoundedUp(int day, int expected) =>
        At(day, held: 3, lastHeldDay: Math.Max(0, day - 1)).Expected.ShouldBe(expected);

    [Fact]
    public void APairWithoutMeetingsIsOnTrackOnTheFirstDayAndBehindTheDayAfter()
    {
        At(0).Status.ShouldBe(PaceStatus.OnTrack);
        At(1).Status.ShouldBe(PaceStatus.Behind);
    }

    [Fact]
    public void BehindByOneIsBehindAndBehindByTwoIsAtRisk()
    {
        At(60, held: 0, lastContactDay: 50).Status.ShouldBe(PaceStatus.Behind);
        At(61, held: 0, lastContactDay: 50).Status.ShouldBe(PaceStatus.AtRisk);
        At(61, held: 1, lastHeldDay: 50).Status.ShouldBe(PaceStatus.Behind);
        At(121, held: 1, lastHeldDay: 110).Status.ShouldBe(PaceStatus.AtRisk);
    }

    [Fact]
    public void SixWeeksWithoutAMeetingOrContactIsAtRisk()
    {
        At(46, held: 1, lastHeldDay: 5).Status.ShouldBe(PaceStatus.OnTrack);
        At(47, held: 1, lastHeldDay: 5).Status.ShouldBe(PaceStatus.AtRisk);
        At(47, held: 1, lastHeldDay: 5, lastContactDay: 30).Status.ShouldBe(PaceStatus.OnTrack);
        // Never any contact: six weeks from the start.
        At(41, held: 0).Status.ShouldBe(PaceStatus.Behind);
        At(42, held: 0).Status.ShouldBe(PaceStatus.AtRisk);
    }

    [Fact]
    public void FewerThanTwoWeeksPerMissingMeetingLeftIsAtRisk()
    {
        At(166, held: 2, lastHeldDay: 160).Status.ShouldBe(PaceStatus.Behind);
        At(167, held: 2, lastHeldDay: 160).Status.ShouldBe(PaceStatus.AtRisk);
        At(167, held: 3, lastHeldDay: 160).Status.ShouldBe(PaceStatus.OnTrack);
    }

    [Fact]
    public void APairThatHasNotMetWithinFourWeeksIsFlagged()
    {
        At(27, lastContactDay: 20).NotMetYet.ShouldBeFalse();
        At(28, lastContactDay: 20).NotMetYet.ShouldBeTrue();
        At(28, held: 1, lastHeldDay: 20).NotMetYet.ShouldBeFalse();
    }

    [Fact]
    public void ClosedPairsShowTheirClosedStateNotAPace()
    {
        At(150, status: PairStatus.Completed).Status.ShouldBe(PaceStatus.Completed);
        var early = At(150, status: PairStatus.ClosedEarly);
        early.Status.ShouldBe(PaceStatus.ClosedEarly);
        early.NotMetYet.ShouldBeFalse();
    }

    [Fact]
    public void ARepairedPairsPeriodStartsAtItsPublication()
    {
        var facts = new PaceFacts(PairStatus.Active, PairWorld.StartsOn, PairWorld.EndsOn, PairWorld.At(90), 0, null, null);
        PaceRules.Evaluate(facts, 3, PairWorld.At(90)).Status.ShouldBe(PaceStatus.OnTrack);
        PaceRules.Evaluate(facts, 3, PairWorld.At(91)).Expected.ShouldBe(1);
    }
}
