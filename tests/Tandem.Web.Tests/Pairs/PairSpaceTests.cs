using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Pairs;

public sealed class PairSpaceTests
{
    [Fact]
    public async Task ThePairHomeShowsTheOtherPersonWithEmailAndTheMeetingCountAgainstTheProgramsMinimum()
    {
        using var w = await PairWorld.CreateAsync();
        await w.Factory.WithDbAsync(async d => await d.Programs.ExecuteUpdateAsync(s => s.SetProperty(p => p.MinimumMeetings, 4)));
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var page = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}");
        page.QuerySelector("#other")!.TextContent.ShouldContain("Wang Li");
        page.QuerySelector("#other")!.TextContent.ShouldContain("Chief Financial Officer");
        page.QuerySelector("#other-email")!.TextContent.ShouldBe(PairWorld.Mentor);
        page.QuerySelector("#meeting-count")!.TextContent.ShouldContain("0 of at least 4 meetings held");

        var mine = await Pages.GetDocumentAsync(mentee, "/Pairs/Mine");
        mine.QuerySelector($"#pairs a[href='/Pairs/{w.PairId}']")!.TextContent.ShouldBe("Wang Li");
        mine.QuerySelector("nav a[href='/Pairs/Mine']").ShouldNotBeNull();

        var api = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        var pairs = await (await api.GetAsync("/api/v1/me/pairs")).JsonAsync();
        pairs.EnumerateArray().Select(p => (p.GetProperty("id").GetInt32(), p.GetProperty("role").GetString(), p.GetProperty("otherName").GetString()))
            .ShouldBe([(w.PairId, "Mentor", "Zhao Min")]);
        var home = await (await api.GetAsync($"/api/v1/pairs/{w.PairId}")).JsonAsync();
        home.GetProperty("other").GetProperty("email").GetString().ShouldBe(PairWorld.Mentee);
    }

    [Fact]
    public async Task AClosedPairIsReadOnlyWithAClearMessage()
    {
        using var w = await PairWorld.CreateAsync();
        await w.CloseAsync(w.PairId);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var meeting = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)));
        meeting.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await meeting.ErrorTextAsync()).ShouldContain("closed");
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = "Hello?" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/contacts", new { channel = "Email" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/messages")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        (await Pages.GetDocumentAsync(page, $"/Pairs/{w.PairId}")).QuerySelector("#closed")!.TextContent.ShouldContain("read-only");
        (await Pages.GetDocumentAsync(page, $"/Messages/{w.PairId}")).QuerySelector("#message-form").ShouldBeNull();
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync() )).ShouldBe(0);
        (await w.Factory.WithDbAsync(d => d.Messages.CountAsync())).ShouldBe(0);
    }
}
