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

        (await world.Factory.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var member = await world.Factory.ApiClientAsync("member@example.com");
        (await member.SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberCookie = await world.Factory.PageClientAsync("member@example.com");
        (await memberCookie.SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var coordinator = await world.CoordinatorAsync();
        (await coordinator.SendAsync(Request())).StatusCode.ShouldNotBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.InternalServerError);
    }

    [Theory]
    [InlineData("/Matching/{0}")]
    [InlineData("/Matching/Settings")]
    public async Task CoordinatorPagesSendAnonymousToSignInAndMembersToAccessDenied(string route)
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        await world.Factory.CreateUserAsync("member@example.com");
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, small.Id);

        var anonymous = await world.Factory.Anonymous().GetAsync(url);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var member = await (await world.Factory.PageClientAsync("member@example.com")).GetAsync(url);
        member.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        member.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var coordinator = await (await world.Factory.PageClientAsync(MatchingWorld.Coordinator)).GetAsync(url);
        coordinator.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheRankingPageAndApiNeedASignedInMember()
    {
        using var world = await MatchingWorld.CreateAsync();
        var cohort = await world.CohortAsync(Tandem.Web.Features.Cohorts.CohortStatus.Open);
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
        var mine = await api.GetAsync("/api/v1/applications/mine");
        if (mine.StatusCode == HttpStatusCode.OK) (await mine.Content.ReadAsStringAsync()).ShouldNotContain(mentorName);

        // Published mentor profiles are public anyway; hide them so any mention of the mentor would be a leak.
        await world.Factory.WithDbAsync(d => d.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.PublicProfile, false)));
        var pages = await world.Factory.PageClientAsync(menteeEmail);
        foreach (var url in new[] { "/", "/Applications/Mine", $"/Matching/Rank/{small.Id}" })
        {
            var response = await pages.GetAsync(url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(mentorName, customMessage: url);
        }
        (await pages.GetAsync($"/Matching/{small.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
