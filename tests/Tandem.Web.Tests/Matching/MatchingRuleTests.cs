using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Matching;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class MatchingRuleTests
{
    [Fact]
    public async Task ALockedPairSurvivesEveryReRun()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, small.Id);
        var before = await MatchingWorld.ProposalsAsync(client, small.Id);
        // Lock the left-over mentee to a mentor somebody else had.
        var leftOver = small.Mentees.Single(m => !before.ContainsKey(m));
        var mentor = before.Values.First();

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/locks", new { menteeApplicationId = leftOver, mentorApplicationId = mentor });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await MatchingWorld.ProposalsAsync(client, small.Id))[leftOver].ShouldBe(mentor);

        await MatchingWorld.RunAsync(client, small.Id, new { mode = "stable" });
        await MatchingWorld.RunAsync(client, small.Id, new { mode = "optimal", objective = "totalScore" });
        var after = await MatchingWorld.ProposalsAsync(client, small.Id);
        after[leftOver].ShouldBe(mentor);
        var latest = await MatchingWorld.LatestAsync(client, small.Id);
        latest.GetProperty("proposals").GetProperty("items").EnumerateArray().Single(p => p.GetProperty("menteeApplicationId").GetInt32() == leftOver)
            .GetProperty("locked").GetBoolean().ShouldBeTrue();
        latest.GetProperty("rules").EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("lock");
    }

    [Fact]
    public async Task AForbiddenPairIsNeverProposedAndRemovingTheForbidAllowsItAgain()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        var mentee = await world.MenteeAsync(cohort, "only-mentee@example.com");
        var mentor = await world.MentorAsync(cohort, "only-mentor@example.com");
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, cohort);
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldContainKey(mentee);

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/forbids", new { menteeApplicationId = mentee, mentorApplicationId = mentor });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ruleId = (await response.JsonAsync()).GetProperty("rule").GetProperty("id").GetInt32();
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldBeEmpty();
        await MatchingWorld.RunAsync(client, cohort);
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldBeEmpty();
        var latest = await MatchingWorld.LatestAsync(client, cohort);
        latest.GetProperty("unmatchedMentees")[0].GetProperty("summary").GetString()!.ShouldContain("forb", Case.Insensitive);

        // Locking a forbidden pair is refused with a clear message.
        var lockIt = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/locks", new { menteeApplicationId = mentee, mentorApplicationId = mentor });
        lockIt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await lockIt.ErrorTextAsync()).ShouldContain("remove the forbid first");

        (await client.DeleteAsync($"/api/v1/cohorts/{cohort}/matching/locks/{ruleId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MatchingWorld.ProposalsAsync(client, cohort))[mentee].ShouldBe(mentor);
        (await client.DeleteAsync($"/api/v1/cohorts/{cohort}/matching/locks/{ruleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SwappingExchangesTheMentorsAndRefusesAPairThatIsNotAllowed()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        var ana = await world.MenteeAsync(cohort, "ana@example.com");
        var bo = await world.MenteeAsync(cohort, "bo@example.com");
        var chen = await world.MenteeAsync(cohort, "chen@example.com", p => p.Languages = ",zh,", a => a.Languages = ",zh,");
        var grace = await world.MentorAsync(cohort, "grace@example.com");
        var ines = await world.MentorAsync(cohort, "ines@example.com");
        var zhou = await world.MentorAsync(cohort, "zhou@example.com", application: a => a.Languages = ",zh,");
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, cohort);
        var before = await MatchingWorld.ProposalsAsync(client, cohort);
        before[chen].ShouldBe(zhou);

        var swap = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/swap", new { menteeApplicationId = ana, otherMenteeApplicationId = bo });
        swap.StatusCode.ShouldBe(HttpStatusCode.OK, await swap.Content.ReadAsStringAsync());
        var after = await MatchingWorld.ProposalsAsync(client, cohort);
        after[ana].ShouldBe(before[bo]);
        after[bo].ShouldBe(before[ana]);
        (await world.Factory.WithDbAsync(d => d.PairRules.CountAsync(r => r.Kind == PairRuleKind.Lock))).ShouldBe(2);

        // Chen speaks only Chinese: swapping her with Ana would give both a mentor without a shared language.
        var rules = await world.Factory.WithDbAsync(d => d.PairRules.CountAsync());
        var refused = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/swap", new { menteeApplicationId = ana, otherMenteeApplicationId = chen });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await refused.ErrorTextAsync();
        text.ShouldContain("cannot be paired");
        text.ShouldContain("language", Case.Insensitive);
        (await world.Factory.WithDbAsync(d => d.PairRules.CountAsync())).ShouldBe(rules);
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldBe(after);

        var same = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/swap", new { menteeApplicationId = ana, otherMenteeApplicationId = ana });
        (await same.ErrorTextAsync()).ShouldContain("two different mentees");
        _ = (grace, ines);
    }

    [Fact]
    public async Task PairingByHandExplainsThePairAndRefusesFullMentorsAndImpossiblePairs()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        var ana = await world.MenteeAsync(cohort, "ana@example.com");
        var bo = await world.MenteeAsync(cohort, "bo@example.com");
        var chen = await world.MenteeAsync(cohort, "chen@example.com", application: a => a.Availability = 1 << 20);
        var grace = await world.MentorAsync(cohort, "grace@example.com");
        var client = await world.CoordinatorAsync();

        var explain = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/explain", new { menteeApplicationId = chen, mentorApplicationId = grace });
        var e = await explain.JsonAsync();
        e.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        e.GetProperty("failures")[0].GetString()!.ShouldContain("slot", Case.Insensitive);

        var manual = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/manual", new { menteeApplicationId = ana, mentorApplicationId = grace });
        manual.StatusCode.ShouldBe(HttpStatusCode.OK, await manual.Content.ReadAsStringAsync());
        (await MatchingWorld.ProposalsAsync(client, cohort))[ana].ShouldBe(grace);

        var full = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/manual", new { menteeApplicationId = bo, mentorApplicationId = grace });
        full.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await full.ErrorTextAsync()).ShouldContain("no place left");
        var impossible = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/manual", new { menteeApplicationId = chen, mentorApplicationId = grace });
        (await impossible.ErrorTextAsync()).ShouldContain("cannot be paired");
        var stranger = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/manual", new { menteeApplicationId = grace, mentorApplicationId = ana });
        (await stranger.ErrorFieldsAsync()).ShouldBe(["MenteeApplicationId", "MentorApplicationId"], ignoreOrder: true);
        (await world.Factory.WithDbAsync(d => d.PairRules.CountAsync())).ShouldBe(1);
    }
}
