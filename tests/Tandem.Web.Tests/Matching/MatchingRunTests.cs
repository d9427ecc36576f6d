using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Matching;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class MatchingRunTests
{
    [Fact]
    public async Task RunningTheMatchingStoresProposalsWithBreakdownsAndTheUnmatchedWithReasons()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();

        var run = await MatchingWorld.RunAsync(client, small.Id);
        run.GetProperty("matched").GetInt32().ShouldBe(3);
        run.GetProperty("mode").GetString().ShouldBe("optimal");
        run.GetProperty("certificateVerified").GetBoolean().ShouldBeTrue();

        var latest = await MatchingWorld.LatestAsync(client, small.Id);
        var items = latest.GetProperty("proposals").GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(3);
        foreach (var item in items)
        {
            item.GetProperty("breakdown").GetArrayLength().ShouldBe(8);
            item.GetProperty("why").GetString().ShouldNotBeNullOrWhiteSpace();
            item.GetProperty("menteeName").GetString().ShouldStartWith("mentee");
        }
        var unmatched = latest.GetProperty("unmatchedMentees").EnumerateArray().Single();
        unmatched.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        unmatched.GetProperty("alternatives").GetArrayLength().ShouldBeGreaterThan(0);

        var stored = await world.Factory.WithDbAsync(async d => (Runs: await d.MatchRuns.CountAsync(), Proposals: await d.MatchProposals.CountAsync(),
            Json: await d.MatchRuns.Select(r => r.ResultJson).SingleAsync()));
        stored.Runs.ShouldBe(1);
        stored.Proposals.ShouldBe(3);
        stored.Json.ShouldContain("unmatchedMentees");
    }

    [Fact]
    public async Task ProposalsArePagedAndSearchedByName()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        for (var i = 0; i < 30; i++)
        {
            await world.MenteeAsync(cohort, $"mentee{i:00}@example.com");
            await world.MentorAsync(cohort, $"mentor{i:00}@example.com");
        }
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, cohort);

        var first = await MatchingWorld.LatestAsync(client, cohort);
        first.GetProperty("proposals").GetProperty("total").GetInt32().ShouldBe(30);
        first.GetProperty("proposals").GetProperty("items").GetArrayLength().ShouldBe(MatchingWorkflow.PageSize);
        var second = await MatchingWorld.LatestAsync(client, cohort, "?page=2");
        second.GetProperty("proposals").GetProperty("items").GetArrayLength().ShouldBe(5);
        var search = await MatchingWorld.LatestAsync(client, cohort, "?q=mentee07");
        search.GetProperty("proposals").GetProperty("items").EnumerateArray().Single().GetProperty("menteeName").GetString().ShouldBe("mentee07");
    }

    [Fact]
    public async Task ACohortNotInMatchingIsRefusedWithAConflict()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync(CohortStatus.Open);
        var client = await world.CoordinatorAsync();

        foreach (var (url, body) in new (string, object)[]
                 {
                     ("runs", new { mode = "optimal" }), ("preview", new { }), ("compare", new { }), ("publish", new { }),
                     ("locks", new { menteeApplicationId = small.Mentees[0], mentorApplicationId = small.Mentors[0] }),
                 })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/{url}", body);
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("Matching");
        }
        (await client.PostAsJsonAsync("/api/v1/cohorts/9999/matching/runs", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnUnknownModeIsAValidationProblemAndStoresNothing()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/runs", new { mode = "greedy", weights = new { interests = -1 } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldBe(["Mode", "Weights.Interests"], ignoreOrder: true);
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task StableModeReportsItsGapToTheOptimum()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var run = await MatchingWorld.RunAsync(client, small.Id, new { mode = "stable" });
        run.GetProperty("mode").GetString().ShouldBe("stable");
        run.GetProperty("stableMatchedGap").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task CompareRunsBothModesWithoutSaving()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/compare", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("optimal").GetProperty("matched").GetInt32().ShouldBe(3);
        json.GetProperty("stable").GetProperty("matched").GetInt32().ShouldBe(3);
        json.GetProperty("optimal").GetProperty("totalScore").GetDouble().ShouldBeGreaterThanOrEqualTo(json.GetProperty("stable").GetProperty("totalScore").GetDouble() - 1e-6);
        json.GetProperty("scoreGap").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        json.GetProperty("pairsDiffering").GetInt32().ShouldBeInRange(0, 4);
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task PreviewReturnsTheDifferenceFromTheLatestRunAndSavesNothing()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        // Two mentees compete for one mentor: industry decides who gets her when industry weighs most.
        var finance = await world.MenteeAsync(cohort, "finance@example.com", p => { p.Industry = "Finance"; p.Interests = ",chess,"; });
        var health = await world.MenteeAsync(cohort, "health@example.com", p => { p.Industry = "Health"; p.Interests = ",reading,"; });
        var mentor = await world.MentorAsync(cohort, "mentor@example.com", profile: p => { p.Industry = "Finance"; p.Interests = ",reading,hiking,"; });
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, cohort, new { weights = new { interests = 5, goals = 0, industry = 0, personality = 0, availability = 0, seniorityGap = 0, reverseFit = 0, menteeRanking = 0 } });
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldBe(new Dictionary<int, int> { [health] = mentor });

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/preview",
            new { weights = new { interests = 0, goals = 0, industry = 5, personality = 0, availability = 0, seniorityGap = 0, reverseFit = 0, menteeRanking = 0 } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        json.GetProperty("addedCount").GetInt32().ShouldBe(1);
        json.GetProperty("removedCount").GetInt32().ShouldBe(1);
        json.GetProperty("added")[0].GetProperty("menteeApplicationId").GetInt32().ShouldBe(finance);
        json.GetProperty("removed")[0].GetProperty("menteeApplicationId").GetInt32().ShouldBe(health);
        json.GetProperty("matchedChange").GetInt32().ShouldBe(0);
        json.GetProperty("totalScoreChange").GetDouble().ShouldBe(0.5, 0.0001);

        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(1);
        (await MatchingWorld.ProposalsAsync(client, cohort)).ShouldBe(new Dictionary<int, int> { [health] = mentor });

        var bad = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/preview", new { weights = new { interests = 0, goals = 0, industry = 0, personality = 0, availability = 0, seniorityGap = 0, reverseFit = 0, menteeRanking = 0 } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PreviewWorksWithTheSignInCookieAsTheSliderCallsIt()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var url = $"/api/v1/cohorts/{small.Id}/matching/preview";
        // A cookie-signed write without the page's antiforgery token is refused; the slider sends the run form's token.
        (await page.PostAsJsonAsync(url, new { weights = new { interests = 2 } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var token = (await Pages.GetDocumentAsync(page, $"/Matching/{small.Id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { weights = new { interests = 2 } }) };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await page.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("matched").GetInt32().ShouldBe(3);
    }
}

public sealed class MatchingCacheTests
{
    [Fact]
    public async Task TheWhatIfSeesAnApplicationAcceptedAfterTheRun()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var late = await world.MentorAsync(small.Id, "late-mentor@example.com", status: Tandem.Web.Features.Applications.ApplicationStatus.Submitted);
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, small.Id);
        var before = await (await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/preview", new { })).JsonAsync();
        before.GetProperty("matched").GetInt32().ShouldBe(3);

        await world.Factory.WithDbAsync(d => d.Applications.Where(a => a.Id == late)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Tandem.Web.Features.Applications.ApplicationStatus.Accepted)));
        var after = await (await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/preview", new { })).JsonAsync();
        after.GetProperty("matched").GetInt32().ShouldBe(4);
        after.GetProperty("matchedChange").GetInt32().ShouldBe(1);
    }
}
