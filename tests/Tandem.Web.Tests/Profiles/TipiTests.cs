using Tandem.Web.Features.Profiles;
using Tandem.Web.Shared;

namespace Tandem.Web.Tests.Profiles;

public sealed class TipiTests
{
    [Fact]
    public void AllFoursScoreEveryTraitFour() =>
        Tipi.Score([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]).ShouldBe(new BigFive(4, 4, 4, 4, 4));

    [Fact]
    public void EvenItemsAreReverseScoredAndEachTraitIsTheMeanOfItsPair()
    {
        // Gosling et al. 2003: items 2, 4, 6, 8 and 10 count as 8 − answer.
        var traits = Tipi.Score([7, 1, 1, 7, 3, 6, 2, 5, 4, 2])!;
        traits.Extraversion.ShouldBe((7 + (8 - 6)) / 2.0);       // 4.5
        traits.Agreeableness.ShouldBe(((8 - 1) + 2) / 2.0);      // 4.5
        traits.Conscientiousness.ShouldBe((1 + (8 - 5)) / 2.0);  // 2.0
        traits.EmotionalStability.ShouldBe(((8 - 7) + 4) / 2.0); // 2.5
        traits.Openness.ShouldBe((3 + (8 - 2)) / 2.0);           // 4.5
    }

    [Fact]
    public void TheHighestAnswersOnEveryPositiveItemAndLowestOnEveryReversedItemScoreSeven() =>
        Tipi.Score([7, 1, 7, 1, 7, 1, 7, 1, 7, 1]).ShouldBe(new BigFive(7, 7, 7, 7, 7));

    [Theory]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4 })]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 })]
    [InlineData(new[] { 0, 4, 4, 4, 4, 4, 4, 4, 4, 4 })]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 8 })]
    public void AnythingButTenAnswersFromOneToSevenIsNotScored(int[] answers) => Tipi.Score(answers).ShouldBeNull();

    [Fact]
    public void MentorsAlsoNeedExpertiseForMatching()
    {
        var profile = new Profile
        {
            UserId = "u", DisplayName = "Li", Seniority = Seniority.Senior, Languages = ",zh,", City = "Beijing", TimeZone = "Asia/Shanghai",
            JobTitle = "CFO", Industry = "Finance",
        };
        ProfileCompleteness.Missing(profile, forMentor: false).ShouldBeEmpty();
        ProfileCompleteness.Missing(profile, forMentor: true).ShouldBe([ProfileGap.Expertise]);
        profile.City = null;
        profile.JobTitle = null;
        ProfileCompleteness.Missing(profile, forMentor: false).ShouldBe([ProfileGap.CityAndTimeZone, ProfileGap.EmployerOrJobTitle]);
    }
}
