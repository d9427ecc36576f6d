using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Sharing;

public sealed class SharingTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheMentorRecommendsAndIntroducesTheMenteeSharesWorkAndGetsFeedback(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);

        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = "Never Split the Difference", url = "https://example.com/book", note = "Chapter 3" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var work = await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work", new { title = "Promotion case", text = "Draft of my case" })).JsonAsync();
        var workId = work.GetProperty("work").GetProperty("id").GetInt32();
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work/{workId}/comments", new { text = "Lead with impact numbers." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var thread = await (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/work/{workId}")).JsonAsync();
        thread.GetProperty("comments")[0].GetProperty("byName").GetString().ShouldBe("Wang Li");

        var intro = await (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/introductions", new { kind = "Referral", toWhom = "Li Na, Head of FP&A", why = "Hiring analysts" })).JsonAsync();
        var introId = intro.GetProperty("id").GetInt32();
        (await mentee.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/introductions/{introId}", new { outcome = "Interview on 3 June" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var intros = await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/introductions")).JsonAsync();
        (intros.GetProperty("items")[0].GetProperty("kind").GetString(), intros.GetProperty("items")[0].GetProperty("outcome").GetString()).ShouldBe(("Referral", "Interview on 3 June"));
        (await w.Factory.WithDbAsync(d => d.Resources.SingleAsync())).LibraryItemId.ShouldBeNull();
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("not a link")]
    public async Task OnlyWebLinksCanBeRecommendedAndOnlyByTheMentor(string url)
    {
        using var w = await PairWorld.CreateAsync();
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = "T", url })).ErrorFieldsAsync()).ShouldBe(["Url"]);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = "T", url = "https://example.com" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work", new { title = "T", text = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await w.Factory.WithDbAsync(d => d.Resources.CountAsync() )).ShouldBe(0);
        (await w.Factory.WithDbAsync(d => d.SharedWork.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TheSharingPagesRecordEachKindOfSharing()
    {
        using var w = await PairWorld.CreateAsync();
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var url = $"/Sharing/{w.PairId}";
        (await Pages.PostFormAsync(mentor, url, new() { ["Resource.Title"] = "HBR article", ["Resource.Url"] = "https://hbr.org/x" }, handler: "Recommend")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.PostFormAsync(mentor, url, new() { ["Intro.Kind"] = "Introduction", ["Intro.ToWhom"] = "Chen Yu", ["Intro.Why"] = "Product mentor" }, handler: "Introduce")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.PostFormAsync(mentee, url, new() { ["Work.Title"] = "My roadmap", ["Work.Url"] = "https://docs.example.com/r" }, handler: "Share")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var workId = await w.Factory.WithDbAsync(d => d.SharedWork.Select(x => x.Id).SingleAsync());
        (await Pages.PostFormAsync(mentor, $"/Sharing/Work/{workId}", new() { ["Input.Text"] = "Cut the scope in half." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await Pages.GetDocumentAsync(mentee, url);
        page.QuerySelector("#resources")!.TextContent.ShouldContain("HBR article");
        page.QuerySelector("#introductions")!.TextContent.ShouldContain("Chen Yu");
        page.QuerySelector("#work")!.TextContent.ShouldContain("Comments: 1");
        (await Pages.GetDocumentAsync(mentee, $"/Sharing/Work/{workId}")).QuerySelector("#comments")!.TextContent.ShouldContain("Cut the scope in half.");
    }
}
