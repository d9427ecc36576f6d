using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Applications;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Agreements;

/// <summary>Reverse mentoring is a real option: a mentor opts in; a pair is reverse when matched on reverse fit or when the pair or a
/// coordinator says so; it is labelled so everywhere, its prompts fit both teaching, and reports count it.</summary>
public sealed class ReverseMentoringTests
{
    [Fact]
    public async Task AMentorCanOptInToBeingMentoredBack()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("wang@example.com", Seniority.Executive);
        var browser = await world.Factory.PageClientAsync("wang@example.com");
        var url = $"/Applications/Apply?cohortId={cohort}&role=Mentor";
        (await Pages.GetDocumentAsync(browser, url)).QuerySelector("input[name='Input.OpenToReverse']").ShouldNotBeNull();

        var posted = await Pages.PostFormAsync(browser, url, new()
        {
            ["Input.Capacity"] = "2", ["Input.TracksServed"] = world.Advanced.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Expertise"] = "negotiation", ["Input.Availability"] = "0", ["Input.Languages"] = "en", ["Input.OpenToReverse"] = "true",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.Factory.WithDbAsync(d => d.Applications.AsNoTracking().SingleAsync(a => a.Role == ApplicationRole.Mentor))).OpenToReverse.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task PublishingMarksReverseOnlyAPairOfAJuniorMentorAndASeniorMenteeWhoBothOptedIn(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var otherMentor = await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.OtherPairId).Select(p => p.MentorId).SingleAsync());
        var otherMentee = await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.OtherPairId).Select(p => p.MenteeId).SingleAsync());
        await w.Factory.WithDbAsync(async d =>
        {
            await d.Profiles.Where(p => p.UserId == w.MentorId || p.UserId == otherMentor).ExecuteUpdateAsync(s => s.SetProperty(p => p.Seniority, Seniority.Junior));
            await d.Profiles.Where(p => p.UserId == w.MenteeId || p.UserId == otherMentee).ExecuteUpdateAsync(s => s.SetProperty(p => p.Seniority, Seniority.Executive));
            await d.Applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenToReverse, true));
            // The other pair's mentor did not opt in: matching could not have paired them on reverse fit.
            await d.Applications.Where(a => a.UserId == otherMentor).ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenToReverse, false));
        });
        var marked = await w.Factory.WithDbAsync(d => ReverseMentoring.MarkMatchedAsync(d, [w.PairId, w.OtherPairId], CancellationToken.None));
        marked.ShouldBe(1);
        (await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Reverse).Select(p => p.Id).ToListAsync())).ShouldBe([w.PairId]);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task APairThatAgreesItIsReverseIsLabelledSoEverywhereWithPromptsForBothTeaching(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var before = await Pages.GetDocumentAsync(mentor, $"/Agreements/{w.PairId}");
        before.QuerySelector("#reverse").ShouldBeNull();
        before.QuerySelector("#agreement-form")!.TextContent.ShouldContain("The mentee leads: she reaches out");

        // The mentee marks the pair as reverse mentoring from the agreement page.
        (await Pages.PostFormAsync(mentee, $"/Agreements/{w.PairId}", new() { ["reverse"] = "true" }, handler: "Reverse")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.PairId).Select(p => p.Reverse).SingleAsync())).ShouldBeTrue();

        var agreement = await Pages.GetDocumentAsync(mentor, $"/Agreements/{w.PairId}");
        agreement.QuerySelector("#reverse")!.TextContent.ShouldContain("Each of you teaches the other");
        agreement.QuerySelector("#confirmations")!.TextContent.ShouldContain("Mentor (teaches a newer view, learns from experience)");
        agreement.QuerySelector("#agreement-form")!.TextContent.ShouldContain("What does each of you want to learn from the other");
        agreement.QuerySelector("#agreement-form")!.TextContent.ShouldNotContain("The mentee leads: she reaches out");
        var zh = await Pages.GetDocumentAsync(mentor, $"/Agreements/{w.PairId}?culture=zh-Hans");
        zh.QuerySelector("#reverse")!.TextContent.ShouldContain("反向指导");
        (await Pages.GetDocumentAsync(mentor, $"/Meetings/Pair/{w.PairId}")).QuerySelector("#reverse")!.TextContent.ShouldBe("Reverse mentoring");

        var home = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}");
        home.QuerySelector("#reverse")!.TextContent.ShouldBe("Reverse mentoring");
        home.QuerySelector("#role")!.TextContent.ShouldBe("Mentee: you learn a newer view and teach from your experience");
        (await Pages.GetDocumentAsync(mentor, $"/Pairs/{w.PairId}?culture=zh-Hans")).QuerySelector("#role")!.TextContent.ShouldBe("导师：你传授更新的视角，也向学员的经验学习");
        (await Pages.GetDocumentAsync(mentee, "/Pairs/Mine")).QuerySelector($"tr[data-pair='{w.PairId}'] .reverse")!.TextContent.ShouldBe("Reverse mentoring");
        var coordinatorPage = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var overview = await Pages.GetDocumentAsync(coordinatorPage, $"/Pairs/Overview?cohortId={w.CohortId}");
        overview.QuerySelectorAll(".reverse").Length.ShouldBe(1);
        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await (await api.GetAsync($"/api/v1/pairs/{w.PairId}")).JsonAsync()).GetProperty("reverse").GetBoolean().ShouldBeTrue();
        (await (await api.GetAsync("/api/v1/me/pairs")).JsonAsync())[0].GetProperty("reverse").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheReverseFlagIsSetByThePairOrACoordinatorAndNobodyElseAndBadInputChangesNothing(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var url = $"/api/v1/pairs/{w.PairId}/reverse";
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var set = await coordinator.PutAsJsonAsync(url, new { reverse = true });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.JsonAsync()).GetProperty("reverse").GetBoolean().ShouldBeTrue();

        var outsider = await w.Factory.ApiClientAsync(PairWorld.OtherMentor);
        (await outsider.PutAsJsonAsync(url, new { reverse = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.Factory.Anonymous().PutAsJsonAsync(url, new { reverse = false })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await (await mentor.PutAsJsonAsync(url, new { })).ErrorFieldsAsync()).ShouldBe(["Reverse"]);
        (await mentor.PutAsync(url, new StringContent("{\"reverse\": \"maybe\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentor.PutAsJsonAsync($"/api/v1/pairs/999999/reverse", new { reverse = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.PairId).Select(p => p.Reverse).SingleAsync())).ShouldBeTrue();

        (await mentor.PutAsJsonAsync(url, new { reverse = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.PairId).Select(p => p.Reverse).SingleAsync())).ShouldBeFalse();

        await w.CloseAsync(w.PairId);
        (await mentor.PutAsJsonAsync(url, new { reverse = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == w.PairId).Select(p => p.Reverse).SingleAsync())).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheCohortReportCountsReversePairs(Db provider)
    {
        using var w = await PairsProgress.PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.CreateUserAsync("third-mentee@example.com");
        var mentor = await w.Factory.CreateUserAsync("third-mentor@example.com");
        var third = await w.PairAsync(mentee, mentor);
        await w.Factory.WithDbAsync(d => d.Pairs.Where(p => p.Id == third || p.Id == w.PairId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Reverse, true)));
        var api = await w.Factory.ApiClientAsync(PairsProgress.PairWorld.Coordinator);
        (await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/report")).JsonAsync()).GetProperty("reversePairs").GetInt32().ShouldBe(2);
    }
}
