using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Agreements;

public sealed class AgreementTests
{
    private static object Agreement(string growth = "Lead without a title") => new
    {
        areasForGrowth = growth, desiredOutcomes = "Run Q3 planning", menteeExpectations = "Honest feedback", mentorExpectations = "Come prepared",
        rolesAndResponsibilities = "The mentee leads", meetingCadence = "Every three weeks", confidentialityAcknowledged = true,
    };

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task BothConfirmWithTimesAndAnEditAfterwardsClearsBothConfirmations(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentee.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/agreement", Agreement())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var noGoal = await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/agreement/confirm", null);
        (await noGoal.ErrorFieldsAsync()).ShouldBe(["Goals"]);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals", new { title = "Lead Q3 planning", measure = "I run the Q3 planning meeting", targetDate = "2027-08-31" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/agreement/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        w.Clock.Advance(TimeSpan.FromMinutes(30));
        var both = await (await mentor.PostAsync($"/api/v1/pairs/{w.PairId}/agreement/confirm", null)).JsonAsync();
        both.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        var stored = await w.Factory.WithDbAsync(d => d.Agreements.AsNoTracking().SingleAsync());
        (stored.MenteeConfirmedAt, stored.MentorConfirmedAt).ShouldBe((PairWorld.Now.UtcDateTime, PairWorld.Now.UtcDateTime.AddMinutes(30)));

        var edited = await (await mentor.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/agreement", Agreement("Lead a team of five"))).JsonAsync();
        edited.GetProperty("confirmed").GetBoolean().ShouldBeFalse();
        stored = await w.Factory.WithDbAsync(d => d.Agreements.AsNoTracking().SingleAsync());
        (stored.MenteeConfirmedAt, stored.MentorConfirmedAt, stored.AreasForGrowth).ShouldBe((null, null, "Lead a team of five"));
    }

    [Fact]
    public async Task TheMenteeLeadsTheGoalsAndTheMentorCommentsOnTheirUpdates()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        var refused = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals", new { title = "X", measure = "Y", targetDate = "2027-08-31" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorTextAsync()).ShouldContain("mentee leads the goals");

        var bad = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals", new { title = "", measure = "", targetDate = "2027-01-01" });
        (await bad.ErrorFieldsAsync()).ShouldBe(["Title", "Measure", "TargetDate"], ignoreOrder: true);
        (await w.Factory.WithDbAsync(d => d.Goals.CountAsync())).ShouldBe(0);

        var goal = await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals", new { title = "Negotiate a raise", measure = "A raise of 10% agreed", targetDate = "2027-09-01" })).JsonAsync();
        var goalId = goal.GetProperty("id").GetInt32();
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals/{goalId}/updates", new { note = "Prepared my case", progress = 40 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals/{goalId}/updates", new { note = "Nice!", progress = 90 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var commented = await (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals/{goalId}/updates", new { note = "Bring numbers from last year" })).JsonAsync();
        commented.GetProperty("progress").GetInt32().ShouldBe(40);
        commented.GetProperty("status").GetString().ShouldBe("InProgress");
        commented.GetProperty("updates").EnumerateArray().Select(u => (u.GetProperty("authorName").GetString(), u.GetProperty("note").GetString()))
            .ShouldBe([("Zhao Min", "Prepared my case"), ("Wang Li", "Bring numbers from last year")]);
    }

    [Fact]
    public async Task TheAgreementPageSavesConfirmsAndAddsGoals()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var url = $"/Agreements/{w.PairId}";
        (await Pages.PostFormAsync(mentee, url, new() { ["Input.AreasForGrowth"] = "Public speaking", ["Input.ConfidentialityAcknowledged"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.PostFormAsync(mentee, url, new() { ["Goal.Title"] = "Speak at the all-hands", ["Goal.Measure"] = "One 10-minute talk", ["Goal.TargetDate"] = "2027-07-01" }, handler: "Goal")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.PostFormAsync(mentee, url, [], handler: "Confirm")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Pages.GetDocumentAsync(mentee, url);
        page.QuerySelector("#goals")!.TextContent.ShouldContain("Speak at the all-hands");
        page.QuerySelector("#confirmations")!.TextContent.ShouldContain("confirmed on");

        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var mentorPage = await Pages.GetDocumentAsync(mentor, url);
        mentorPage.QuerySelector("#goal-form").ShouldBeNull();
        var refused = await Pages.PostFormAsync(mentor, url, new() { ["Goal.Title"] = "Mine", ["Goal.Measure"] = "M", ["Goal.TargetDate"] = "2027-07-01" }, handler: "Goal");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain(e => e.Contains("mentee leads the goals"));
        (await w.Factory.WithDbAsync(d => d.Goals.CountAsync())).ShouldBe(1);
    }
}
