using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class RankingTests
{
    private static async Task<(MatchingWorld World, int Cohort, int Mentee, List<int> Mentors)> OpenCohortAsync()
    {
        var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync(CohortStatus.Open);
        var mentee = await world.MenteeAsync(cohort, "ana@example.com", status: ApplicationStatus.Submitted);
        var mentors = new List<int>();
        for (var i = 0; i < 7; i++) mentors.Add(await world.MentorAsync(cohort, $"mentor{i}@example.com", status: ApplicationStatus.Submitted));
        return (world, cohort, mentee, mentors);
    }

    [Fact]
    public async Task AMenteeRanksUpToFiveMentorsAndTheEngineInputUsesThem()
    {
        var (world, cohort, mentee, mentors) = await OpenCohortAsync();
        using var disposeWorld = world;
        var client = await world.Factory.ApiClientAsync("ana@example.com");

        var put = await client.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/my-ranking", new { mentorApplicationIds = new[] { mentors[2], mentors[0], mentors[4] } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var json = await (await client.GetAsync($"/api/v1/cohorts/{cohort}/my-ranking")).JsonAsync();
        json.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("mentorApplicationId").GetInt32()).ShouldBe([mentors[2], mentors[0], mentors[4]]);
        json.GetProperty("windowOpen").GetBoolean().ShouldBeTrue();

        // Replacing the ranking keeps one row per rank.
        (await client.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/my-ranking", new { mentorApplicationIds = new[] { mentors[1] } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Factory.WithDbAsync(d => d.MentorRankings.CountAsync())).ShouldBe(1);

        // Accepted for matching, the ranking reaches the engine's input.
        await world.Factory.WithDbAsync(async d =>
        {
            await d.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Accepted));
            await d.Cohorts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CohortStatus.Matching));
        });
        var input = await InputBuilderTests.BuildAsync(world, cohort);
        input.Mentees.Single().RankedMentors.ShouldBe([mentors[1].ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task RankingsAreRefusedForTooManyDuplicatesUnpublishedMentorsStrangersAndAClosedWindow()
    {
        var (world, cohort, mentee, mentors) = await OpenCohortAsync();
        using var disposeWorld = world;
        var hidden = await world.MentorAsync(cohort, "hidden@example.com", publicProfile: false, status: ApplicationStatus.Submitted);
        var other = await world.CohortAsync(CohortStatus.Open, "Other cohort");
        var elsewhere = await world.MentorAsync(other, "elsewhere@example.com", status: ApplicationStatus.Submitted);
        var client = await world.Factory.ApiClientAsync("ana@example.com");
        async Task<string> Refused(HttpClient c, int cohortId, int[] ids)
        {
            var response = await c.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/my-ranking", new { mentorApplicationIds = ids });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return await response.ErrorTextAsync();
        }

        (await Refused(client, cohort, mentors.Take(6).ToArray())).ShouldContain("at most 5");
        (await Refused(client, cohort, [mentors[0], mentors[0]])).ShouldContain("only once");
        (await Refused(client, cohort, [hidden])).ShouldContain("published mentor profiles");
        (await Refused(client, cohort, [elsewhere])).ShouldContain("published mentor profiles");
        await world.Factory.CreateUserAsync("stranger@example.com");
        (await Refused(await world.Factory.ApiClientAsync("stranger@example.com"), cohort, [mentors[0]])).ShouldContain("Only mentees");
        await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == cohort).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CohortStatus.Matching)));
        (await Refused(client, cohort, [mentors[0]])).ShouldContain("only while applications");
        (await world.Factory.WithDbAsync(d => d.MentorRankings.CountAsync())).ShouldBe(0);
        _ = mentee;
    }

    [Fact]
    public async Task TheRankingPageSavesTheChoicesInOrder()
    {
        var (world, cohort, _, mentors) = await OpenCohortAsync();
        using var disposeWorld = world;
        var pages = await world.Factory.PageClientAsync("ana@example.com");
        var doc = await Pages.GetDocumentAsync(pages, $"/Matching/Rank/{cohort}");
        doc.QuerySelectorAll("#mentors li").Length.ShouldBe(7);
        var response = await Pages.PostFormAsync(pages, $"/Matching/Rank/{cohort}", new()
        {
            ["Input.Choices[0]"] = mentors[3].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Choices[1]"] = "",
            ["Input.Choices[2]"] = mentors[5].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await world.Factory.WithDbAsync(d => d.MentorRankings.OrderBy(r => r.Rank).Select(r => r.MentorApplicationId).ToListAsync());
        saved.ShouldBe([mentors[3], mentors[5]]);

        var duplicate = await Pages.PostFormAsync(pages, $"/Matching/Rank/{cohort}", new()
        {
            ["Input.Choices[0]"] = mentors[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Choices[1]"] = mentors[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await duplicate.Content.ReadAsStringAsync())).ShouldContain("Each mentor can be ranked only once.");
        (await world.Factory.WithDbAsync(d => d.MentorRankings.OrderBy(r => r.Rank).Select(r => r.MentorApplicationId).ToListAsync())).ShouldBe([mentors[3], mentors[5]]);
    }

    [Fact]
    public async Task TheRankingOffersOnlyMentorsWhoCouldReallyBeMatchedAndRefusesOthers()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync(CohortStatus.Open);
        await world.MenteeAsync(cohort, "ana@example.com", profile: p => p.Gender = "female",
            application: a => a.MentorGenderPreference = GenderPreference.Same, status: ApplicationStatus.Submitted);
        var fits = await world.MentorAsync(cohort, "fits@example.com", profile: p => p.Gender = "Female", status: ApplicationStatus.Submitted);
        var otherTrack = await world.MentorAsync(cohort, "track@example.com", profile: p => p.Gender = "female",
            application: a => a.TracksServed = TagList.Format(["999"]), status: ApplicationStatus.Submitted);
        var otherGender = await world.MentorAsync(cohort, "gender@example.com", profile: p => p.Gender = "male", status: ApplicationStatus.Submitted);
        var noLanguage = await world.MentorAsync(cohort, "language@example.com", profile: p => { p.Gender = "female"; p.Languages = TagList.Format(["fr"]); },
            application: a => a.Languages = TagList.Format(["fr"]), status: ApplicationStatus.Submitted);

        var page = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("ana@example.com"), $"/Matching/Rank/{cohort}");
        page.QuerySelectorAll("#mentors li").Select(li => int.Parse(li.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([fits]);
        page.QuerySelector($"#mentors li a[href='/Public/Mentors/{fits}']").ShouldNotBeNull();
        page.QuerySelectorAll("#choice-0 option").Select(o => o.GetAttribute("value")).ShouldBe(["", fits.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var client = await world.Factory.ApiClientAsync("ana@example.com");
        foreach (var id in new[] { otherTrack, otherGender, noLanguage })
        {
            var refused = await client.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/my-ranking", new { mentorApplicationIds = new[] { id } });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.ErrorTextAsync()).ShouldContain("could be matched with");
        }
        (await client.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/my-ranking", new { mentorApplicationIds = new[] { fits } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Factory.WithDbAsync(d => d.MentorRankings.Select(r => r.MentorApplicationId).ToListAsync())).ShouldBe([fits]);
    }
}
