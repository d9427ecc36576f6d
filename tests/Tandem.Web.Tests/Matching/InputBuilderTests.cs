using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Matching.Cohorts;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Matching;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using WebSeniority = Tandem.Web.Shared.Seniority;

namespace Tandem.Web.Tests.Matching;

public sealed class InputBuilderTests
{
    public static async Task<CohortInput> BuildAsync(MatchingWorld world, int cohortId)
    {
        using var scope = world.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CohortInputBuilder>().BuildAsync(cohortId, CancellationToken.None)).Input;
    }

    [Fact]
    public async Task AnInternalMentorWishDoesNotInvalidateACohortWhoseProgramForbidsSameEmployerPairs()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        await world.Factory.WithDbAsync(async db =>
        {
            var wish = await db.Applications.SingleAsync(a => a.Id == small.Mentees[0]);
            wish.MentorOrigin = MentorOrigin.Internal;
            await db.SaveChangesAsync();
        });

        var input = await BuildAsync(world, small.Id);
        input.Rules.SameEmployerAllowed.ShouldBeFalse();
        input.Mentees.Single(m => m.Id == small.Mentees[0].ToString(System.Globalization.CultureInfo.InvariantCulture)).WantsInternal.ShouldBeNull();
        var run = await MatchingWorld.RunAsync(await world.CoordinatorAsync(), small.Id);
        run.ToString().ShouldNotContain("wantsInternal");
    }

    [Fact]
    public async Task TheInputBuilderMapsApplicationsAndProfilesToTheEngine()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        var mentee = await world.MenteeAsync(cohort, "ana@example.com",
            p =>
            {
                p.Seniority = WebSeniority.MidManagement; p.Gender = "female"; p.Employer = "Acme"; p.City = "Shanghai"; p.Industry = "Tech";
                p.Interests = ",chess,tea,"; p.Openness = 6; p.Conscientiousness = 5; p.Extraversion = 4; p.Agreeableness = 3; p.EmotionalStability = 2;
            },
            a =>
            {
                a.TrackId = world.Advanced; a.MentorGenderPreference = Tandem.Web.Features.Applications.GenderPreference.Same; a.MeetingMode = Tandem.Web.Features.Applications.MeetingMode.InPerson;
                a.Languages = ",en,zh,"; a.Availability = (1 << 0) | (1 << 4) | (1 << 20); a.FocusAreas = ",negotiation,"; a.Flourish = "Lead my own team";
                a.OpenToReverse = true; a.MentorOrigin = MentorOrigin.External;
            });
        var mentor = await world.MentorAsync(cohort, "grace@example.com", capacity: 3,
            p => { p.Seniority = WebSeniority.Executive; p.Expertise = ",leadership,"; },
            a => { a.TracksServed = $",{world.Standard},{world.Advanced},"; a.Expertise = ",negotiation,"; a.Availability = 1 << 4; });
        await world.MenteeAsync(cohort, "declined@example.com", status: ApplicationStatus.Declined);

        // An earlier cohort where the same two people were a pair.
        var earlier = await world.CohortAsync(Tandem.Web.Features.Cohorts.CohortStatus.Closed, "Autumn 2026");
        var oldMentee = await world.MenteeAsync(earlier, "ana@example.com");
        var oldMentor = await world.MentorAsync(earlier, "grace@example.com");
        await world.Factory.WithDbAsync(async d =>
        {
            var users = await d.Applications.Where(a => a.Id == oldMentee || a.Id == oldMentor).ToDictionaryAsync(a => a.Id, a => a.UserId);
            d.Pairs.Add(new Pair { CohortId = earlier, MenteeId = users[oldMentee], MentorId = users[oldMentor], MenteeApplicationId = oldMentee, MentorApplicationId = oldMentor });
            d.PairRules.Add(new PairRule { CohortId = cohort, MenteeApplicationId = mentee, MentorApplicationId = mentor, Kind = PairRuleKind.Forbid, CreatedById = users[oldMentee] });
            await d.SaveChangesAsync();
        });

        var input = await BuildAsync(world, cohort);
        var m = input.Mentees.Single();
        m.Id.ShouldBe(mentee.ToString(System.Globalization.CultureInfo.InvariantCulture));
        m.Track.ShouldBe(Track.Advanced);
        m.Seniority.ShouldBe(Seniority.Mid);
        m.Gender.ShouldBe("female");
        m.GenderPreference.ShouldBe(Tandem.Matching.Cohorts.GenderPreference.Same);
        m.Employer.ShouldBe("Acme");
        m.City.ShouldBe("Shanghai");
        m.MeetingMode.ShouldBe(Tandem.Matching.Cohorts.MeetingMode.InPerson);
        m.Languages.ShouldBe(["en", "zh"]);
        m.Availability.ShouldBe([0, 4, 20]);
        m.Interests.ShouldBe(["chess", "tea"]);
        m.Goals.Tags.ShouldBe(["negotiation"]);
        m.Goals.Text.ShouldBe("Lead my own team");
        m.Industry.ShouldBe("Tech");
        m.Personality.ShouldBe([6, 5, 4, 3, 6]);
        m.OpenToReverse.ShouldBeTrue();
        m.WantsInternal.ShouldBe(false);

        var g = input.Mentors.Single();
        g.Seniority.ShouldBe(Seniority.Executive);
        g.Capacity.ShouldBe(3);
        g.Tracks.ShouldBe([Track.Standard, Track.Advanced], ignoreOrder: true);
        g.Expertise.ShouldBe(["negotiation", "leadership"], ignoreOrder: true);
        g.Availability.ShouldBe([4]);
        g.Personality.ShouldBeNull();

        input.PreviousPairs.ShouldBe([new PairRef(m.Id, g.Id)]);
        input.Forbidden.ShouldBe([new PairRef(m.Id, g.Id)]);
        input.Locked.ShouldBeEmpty();
    }

    [Fact]
    public async Task SettingsAreSavedPerProgramValidatedAndUsedByTheNextRun()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var defaults = await (await client.GetAsync("/api/v1/program/match-settings")).JsonAsync();
        defaults.GetProperty("goals").GetDouble().ShouldBe(2);
        defaults.GetProperty("minSharedSlots").GetInt32().ShouldBe(1);

        var bad = await client.PutAsJsonAsync("/api/v1/program/match-settings", new { interests = 11, minSharedSlots = 30 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).ShouldBe(["Interests", "MinSharedSlots"], ignoreOrder: true);
        (await world.Factory.WithDbAsync(d => d.MatchSettings.CountAsync())).ShouldBe(0);

        // Four shared slots needed: the mentees offer three, so nobody can be paired.
        var ok = await client.PutAsJsonAsync("/api/v1/program/match-settings", new { interests = 3, goals = 1, industry = 0, personality = 0, availability = 1, seniorityGap = 1, reverseFit = 0, menteeRanking = 1, minSharedSlots = 4 });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var run = await MatchingWorld.RunAsync(client, small.Id);
        run.GetProperty("matched").GetInt32().ShouldBe(0);
        run.GetProperty("weights").GetProperty("interests").GetDouble().ShouldBe(3);

        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var form = await Pages.PostFormAsync(page, "/Matching/Settings", new() { ["Input.Interests"] = "1", ["Input.Goals"] = "2", ["Input.MinSharedSlots"] = "1" });
        form.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.Factory.WithDbAsync(d => d.MatchSettings.Select(s => s.MinSharedSlots).SingleAsync())).ShouldBe(1);
        var refused = await Pages.PostFormAsync(page, "/Matching/Settings", new() { ["Input.Interests"] = "0", ["Input.MinSharedSlots"] = "1" });
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("At least one weight must be above 0.");
    }
}
