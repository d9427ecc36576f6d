using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class MatchingAccessTests
{
    public static TheoryData<string, string> CoordinatorRoutes() => new()
    {
        { "GET", "/api/v1/program/match-settings" },
        { "PUT", "/api/v1/program/match-settings" },
        { "POST", "/api/v1/cohorts/{0}/matching/runs" },
        { "GET", "/api/v1/cohorts/{0}/matching/runs/latest" },
        { "POST", "/api/v1/cohorts/{0}/matching/jobs" },
        { "GET", "/api/v1/cohorts/{0}/matching/jobs/latest" },
        { "GET", "/api/v1/cohorts/{0}/matching/jobs/1" },
        { "POST", "/api/v1/cohorts/{0}/matching/jobs/1/cancel" },
        { "POST", "/api/v1/cohorts/{0}/matching/locks" },
        { "DELETE", "/api/v1/cohorts/{0}/matching/locks/1" },
        { "POST", "/api/v1/cohorts/{0}/matching/forbids" },
        { "DELETE", "/api/v1/cohorts/{0}/matching/forbids/1" },
        { "POST", "/api/v1/cohorts/{0}/matching/swap" },
        { "POST", "/api/v1/cohorts/{0}/matching/manual" },
        { "POST", "/api/v1/cohorts/{0}/matching/explain" },
        { "POST", "/api/v1/cohorts/{0}/matching/preview" },
        { "POST", "/api/v1/cohorts/{0}/matching/compare" },
        { "POST", "/api/v1/cohorts/{0}/matching/publish" },
    };

    [Theory, MemberData(nameof(CoordinatorRoutes))]
    public async Task MatchingRoutesAnswerAnonymousWith401AndMembersWith403(string method, string route)
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        await world.Factory.CreateUserAsync("member@example.com");
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, small.Id);
        HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }) };

        // The door exists and opens for the coordinator; only then do the refusals below mean something.
        world.Factory.ShouldMap(method, url);
        var coordinator = await world.CoordinatorAsync();
        (await coordinator.SendAsync(Request())).StatusCode.ShouldNotBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed, HttpStatusCode.InternalServerError);

        (await world.Factory.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var member = await world.Factory.ApiClientAsync("member@example.com");
        (await member.SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberCookie = await world.Factory.PageClientAsync("member@example.com");
        (await memberCookie.SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/Matching/{0}", "Matching: Spring 2027")]
    [InlineData("/Matching/Settings", "Matching settings")]
    [InlineData("/Matching/{0}/Publish", "Publish the matching of Spring 2027?")]
    public async Task CoordinatorPagesSendAnonymousToSignInAndMembersToAccessDenied(string route, string heading)
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        // The publish step needs a run to show.
        await MatchingWorld.RunAsync(await world.CoordinatorAsync(), small.Id);
        await world.Factory.CreateUserAsync("member@example.com");
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, small.Id);

        var coordinator = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync(MatchingWorld.Coordinator), url);
        coordinator.QuerySelector("h1")!.TextContent.ShouldContain(heading);

        var anonymous = await world.Factory.Anonymous().GetAsync(url);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var member = await (await world.Factory.PageClientAsync("member@example.com")).GetAsync(url);
        member.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        member.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task TheRankingPageAndApiNeedASignedInMember()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync(Tandem.Web.Features.Cohorts.CohortStatus.Open);
        await world.MenteeAsync(cohort, "ranker@example.com", status: Tandem.Web.Features.Applications.ApplicationStatus.Submitted);
        var mentee = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("ranker@example.com"), $"/Matching/Rank/{cohort}");
        mentee.QuerySelector("h1")!.TextContent.ShouldContain("Rank your mentors");
        var ranking = await (await world.Factory.ApiClientAsync("ranker@example.com")).GetAsync($"/api/v1/cohorts/{cohort}/my-ranking");
        ranking.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ranking.JsonAsync()).GetProperty("cohortId").GetInt32().ShouldBe(cohort);

        var anonymous = await world.Factory.Anonymous().GetAsync($"/Matching/Rank/{cohort}");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await world.Factory.Anonymous().GetAsync($"/api/v1/cohorts/{cohort}/my-ranking")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await world.Factory.Anonymous().PutAsJsonAsync($"/api/v1/cohorts/{cohort}/my-ranking", new { mentorApplicationIds = Array.Empty<int>() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ProposalsAreNotVisibleToParticipants()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var coordinator = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(coordinator, small.Id);
        var proposals = await MatchingWorld.ProposalsAsync(coordinator, small.Id);
        var (mentee, mentor) = proposals.First();
        var menteeEmail = $"mentee{small.Mentees.ToList().IndexOf(mentee) + 1}@example.com";
        var mentorName = $"mentor{small.Mentors.ToList().IndexOf(mentor) + 1}";

        var api = await world.Factory.ApiClientAsync(menteeEmail);
        (await api.GetAsync($"/api/v1/cohorts/{small.Id}/matching/runs/latest")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/explain", new { menteeApplicationId = mentee, mentorApplicationId = mentor })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var cohortJson = await (await api.GetAsync($"/api/v1/cohorts/{small.Id}")).Content.ReadAsStringAsync();
        cohortJson.ShouldNotContain(mentorName);
        var mine = await api.GetAsync("/api/v1/me/applications");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mineJson = await mine.Content.ReadAsStringAsync();
        mineJson.ShouldContain($"\"id\":{mentee},");
        mineJson.ShouldNotContain(mentorName);

        // Published mentor profiles are public anyway; hide them so any mention of the mentor would be a leak.
        await world.Factory.WithDbAsync(d => d.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.PublicProfile, false)));
        var pages = await world.Factory.PageClientAsync(menteeEmail);
        // Each page really loaded for her (a marker of her own session or cohort), so the absence below means something.
        foreach (var (url, marker) in new[] { ("/", "Sign out"), ("/Applications/Mine", "Spring 2027"), ($"/Matching/Rank/{small.Id}", "Spring 2027") })
        {
            var response = await pages.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain(marker, customMessage: url);
            html.ShouldNotContain(mentorName, customMessage: url);
        }
        var page = await (await world.Factory.PageClientAsync(MatchingWorld.Coordinator)).GetAsync($"/Matching/{small.Id}");
        (await page.Content.ReadAsStringAsync()).ShouldContain(mentorName); // the proposal is on the coordinator's page, so its absence above means something
        (await pages.GetAsync($"/Matching/{small.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task TheRouteCheckTellsARealRouteFromAMistypedOne()
    {
        using var world = await MatchingWorld.CreateAsync();
        world.Factory.Maps("GET", "/api/v1/me/applications").ShouldBeTrue();
        world.Factory.Maps("GET", "/api/v1/applications/7").ShouldBeTrue();
        world.Factory.Maps("GET", "/Matching/Settings").ShouldBeTrue();
        world.Factory.Maps("GET", "/api/v1/applications/mine").ShouldBeFalse();
        world.Factory.Maps("DELETE", "/api/v1/program/match-settings").ShouldBeFalse();
    }
}
