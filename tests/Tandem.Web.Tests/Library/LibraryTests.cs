using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Library;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Faq;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Library;

public sealed class LibraryTests : IAsyncLifetime
{
    private CommunityWorld world = null!;
    private TandemFactory Factory => world.Factory;

    public async ValueTask InitializeAsync() => world = await CommunityWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        world.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<int> ItemAsync(string title, Audience audience = Audience.All, bool evidence = false, string language = "en",
        LibraryKind kind = LibraryKind.Article, string tags = "", LibraryStatus status = LibraryStatus.Published, string description = "", string author = "Someone") =>
        Factory.WithDbAsync(async db =>
        {
            var item = new LibraryItem
            {
                Title = title, Audience = audience, EvidenceBased = evidence, Language = language, Kind = kind, Tags = TagList.Format(TagList.FromInput(tags)),
                Status = status, Description = description, Author = author,
            };
            db.LibraryItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    private static object Body(string title = "The First 90 Days", string? url = "https://example.com/90", string audience = "All") => new
    {
        kind = "Book", title, author = "Michael Watkins", url, description = "A *classic*.", tags = new[] { "transitions", "leadership" },
        language = "en", audience, evidenceBased = false,
    };

    [Fact]
    public async Task DescriptionsAreMarkdownWithRawHtmlEscaped()
    {
        await world.MenteeAsync("mentee@example.com");
        var id = await ItemAsync("Safe", description: "**Bold** <script>alert('x')</script> <b>raw</b> [bad](javascript:alert(1))");
        var client = await Factory.PageClientAsync("mentee@example.com");

        var html = await client.GetStringAsync($"/Library/Item/{id}");
        html.ShouldNotContain("<script>alert");
        var description = (await Pages.ParseAsync(html)).QuerySelector(".library-description")!;
        description.QuerySelector("strong")!.TextContent.ShouldBe("Bold");
        description.QuerySelector("b").ShouldBeNull();
        description.TextContent.ShouldContain("<script>alert('x')</script>");
        description.QuerySelector("a")!.HasAttribute("href").ShouldBeFalse(); // the script link keeps its text, loses its target

        var api = await Factory.ApiClientAsync("mentee@example.com");
        var json = await (await api.GetAsync($"/api/v1/library/{id}")).JsonAsync();
        json.GetProperty("descriptionHtml").GetString()!.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public async Task MenteesDoNotSeeMentorsOnlyItemsWhileMentorsAndCoordinatorsDo()
    {
        await world.MenteeAsync("mentee@example.com");
        await world.MentorAsync("mentor@example.com");
        await world.MemberAsync("member@example.com");
        var forAll = await ItemAsync("For everyone");
        var forMentees = await ItemAsync("For mentees", Audience.Mentees);
        var forMentors = await ItemAsync("Mentoring research", Audience.Mentors, evidence: true);

        async Task<List<int>> Visible(string email)
        {
            var api = await Factory.ApiClientAsync(email);
            var page = await (await api.GetAsync("/api/v1/library")).JsonAsync();
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();
        }

        (await Visible("mentee@example.com")).ShouldBe([forAll, forMentees]);
        (await Visible("mentor@example.com")).ShouldBe([forAll, forMentors]);
        (await Visible("member@example.com")).ShouldBe([forAll]);
        (await Visible("coord@example.com")).ShouldBe([forAll, forMentees, forMentors]);

        var menteeApi = await Factory.ApiClientAsync("mentee@example.com");
        (await menteeApi.GetAsync($"/api/v1/library/{forMentors}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await menteeApi.PostAsync($"/api/v1/library/{forMentors}/bookmark", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var menteePages = await Factory.PageClientAsync("mentee@example.com");
        (await menteePages.GetAsync($"/Library/Item/{forMentors}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await menteePages.GetStringAsync("/Library")).ShouldNotContain("Mentoring research");

        var mentorPage = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mentor@example.com"), "/Library");
        mentorPage.QuerySelector($"#item-{forMentors} .recommended")!.TextContent.ShouldBe("Recommended for mentors (optional)");
    }

    [Fact]
    public async Task SearchFiltersAndPagingNarrowTheList()
    {
        await world.MenteeAsync("mentee@example.com");
        await ItemAsync("Lean In", kind: LibraryKind.Book, author: "Sheryl Sandberg", tags: "leadership, women");
        await ItemAsync("向前一步", kind: LibraryKind.Book, language: "zh", tags: "leadership");
        await ItemAsync("Women at Work", kind: LibraryKind.Podcast, author: "HBR", tags: "careers");
        for (var i = 0; i < 22; i++) await ItemAsync($"Filler {i:00}", kind: LibraryKind.Video);
        var api = await Factory.ApiClientAsync("mentee@example.com");

        async Task<List<string>> Titles(string query) =>
            (await (await api.GetAsync("/api/v1/library?" + query)).JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

        (await Titles("q=sandberg")).ShouldBe(["Lean In"]);
        (await Titles("q=WOMEN")).ShouldBe(["Lean In", "Women at Work"]);
        (await Titles("kind=Podcast")).ShouldBe(["Women at Work"]);
        (await Titles("language=zh")).ShouldBe(["向前一步"]);
        (await Titles("tag=leadership&kind=Book")).ShouldBe(["Lean In", "向前一步"]);
        var page2 = await (await api.GetAsync("/api/v1/library?kind=Video&page=2")).JsonAsync();
        page2.GetProperty("total").GetInt32().ShouldBe(22);
        page2.GetProperty("items").GetArrayLength().ShouldBe(2);

        var doc = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mentee@example.com"), "/Library?q=lean");
        doc.QuerySelectorAll(".library-item").Length.ShouldBe(1);
    }

    [Fact]
    public async Task BookmarksAndReadsArePersonalAndCoordinatorsSeeOnlyCounts()
    {
        await world.MenteeAsync("a@example.com");
        await world.MenteeAsync("b@example.com");
        var id = await ItemAsync("Lean In");
        var a = await Factory.ApiClientAsync("a@example.com");
        (await a.PostAsync($"/api/v1/library/{id}/bookmark", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await a.PostAsync($"/api/v1/library/{id}/bookmark", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await a.PostAsync($"/api/v1/library/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var bPage = await Factory.PageClientAsync("b@example.com");
        (await Pages.PostFormAsync(bPage, "/Library", new() { ["itemId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["on"] = "true" }, "Read"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mine = await (await a.GetAsync($"/api/v1/library/{id}")).JsonAsync();
        mine.GetProperty("bookmarked").GetBoolean().ShouldBeTrue();
        var b = await Factory.ApiClientAsync("b@example.com");
        var theirs = await (await b.GetAsync($"/api/v1/library/{id}")).JsonAsync();
        theirs.GetProperty("bookmarked").GetBoolean().ShouldBeFalse();
        theirs.GetProperty("read").GetBoolean().ShouldBeTrue();
        (await (await b.GetAsync("/api/v1/library?bookmarked=true")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);

        var coordinator = await Factory.PageClientAsync("coord@example.com");
        var html = await coordinator.GetStringAsync("/Library/Manage");
        var row = (await Pages.ParseAsync(html)).QuerySelector($"#library-stats tr[data-id='{id}']")!;
        row.QuerySelector(".reads")!.TextContent.ShouldBe("2");
        row.QuerySelector(".bookmarks")!.TextContent.ShouldBe("1");
        html.ShouldNotContain("a@example.com");
        html.ShouldNotContain("Name a");
        var stats = await (await Factory.ApiClientAsync("coord@example.com")).GetStringAsync("/api/v1/library/stats");
        stats.ShouldNotContain("a@example.com");
        var userIds = await Factory.WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync());
        foreach (var uid in userIds) stats.ShouldNotContain(uid);

        (await a.DeleteAsync($"/api/v1/library/{id}/bookmark")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Factory.WithDbAsync(db => db.LibraryBookmarks.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task CoordinatorsCurateAndBadInputChangesNothing()
    {
        var api = await Factory.ApiClientAsync("coord@example.com");
        var bad = await api.PostAsJsonAsync("/api/v1/library", Body(title: "", url: "javascript:alert(1)"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).ShouldBe(["Title", "Url"], ignoreOrder: true);
        (await Factory.WithDbAsync(db => db.LibraryItems.CountAsync())).ShouldBe(0);

        var created = await api.PostAsJsonAsync("/api/v1/library", Body());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var updated = await api.PutAsJsonAsync($"/api/v1/library/{id}", Body(title: "The First 90 Days (updated)", audience: "Mentors"));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.JsonAsync()).GetProperty("audience").GetString().ShouldBe("Mentors");
        (await api.PostAsync($"/api/v1/library/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Factory.WithDbAsync(db => db.LibraryItems.SingleAsync())).Status.ShouldBe(LibraryStatus.Archived);

        var page = await Factory.PageClientAsync("coord@example.com");
        var refused = await Pages.PostFormAsync(page, "/Library/Edit", new() { ["Input.Kind"] = "Book", ["Input.Title"] = "X", ["Input.Language"] = "en", ["Input.Audience"] = "All", ["Input.Url"] = "ftp://x" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("The link must be a web address starting with http:// or https://.");
        var saved = await Pages.PostFormAsync(page, "/Library/Edit", new() { ["Input.Kind"] = "Podcast", ["Input.Title"] = "Women at Work", ["Input.Language"] = "en", ["Input.Audience"] = "All", ["Input.Tags"] = "careers, women" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.LibraryItems.SingleAsync(i => i.Title == "Women at Work"))).Tags.ShouldBe(",careers,women,");
    }

    [Fact]
    public async Task SuggestionsWaitForReviewAndRejectionNeedsAReason()
    {
        await world.MenteeAsync("mentee@example.com");
        await world.MenteeAsync("other@example.com");
        var member = await Factory.ApiClientAsync("mentee@example.com");
        var suggested = await member.PostAsJsonAsync("/api/v1/library/suggestions", Body("Dare to Lead"));
        suggested.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await suggested.JsonAsync()).GetProperty("id").GetInt32();
        (await (await member.GetAsync($"/api/v1/library/{id}")).JsonAsync()).GetProperty("status").GetString().ShouldBe("Suggested");
        var other = await Factory.ApiClientAsync("other@example.com");
        (await other.GetAsync($"/api/v1/library/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/library/{id}/review", new { decision = "reject" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ErrorFieldsAsync()).ShouldBe(["Reason"]);
        (await Factory.WithDbAsync(db => db.LibraryItems.SingleAsync())).Status.ShouldBe(LibraryStatus.Suggested);

        var page = await Factory.PageClientAsync("coord@example.com");
        (await Pages.PostFormAsync(page, "/Library/Manage", new() { ["itemId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "reject", ["reason"] = "We already have this one." }, "Review"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mine = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mentee@example.com"), "/Library/Suggest");
        mine.QuerySelector("#my-suggestions")!.TextContent.ShouldContain("We already have this one.");

        var second = (await (await member.PostAsJsonAsync("/api/v1/library/suggestions", Body("Radical Candor"))).JsonAsync()).GetProperty("id").GetInt32();
        (await coordinator.PostAsJsonAsync($"/api/v1/library/{second}/review", new { decision = "publish" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await other.GetAsync($"/api/v1/library/{second}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"/api/v1/library/{second}/review", new { decision = "reject", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AMembersSuggestedDescriptionCannotCarryAScriptLinkForTheReviewerOrTheReaders()
    {
        await world.MenteeAsync("mentee@example.com");
        await world.MenteeAsync("reader@example.com");
        var member = await Factory.ApiClientAsync("mentee@example.com");
        var suggested = await member.PostAsJsonAsync("/api/v1/library/suggestions", new
        {
            kind = "Article", title = "Links", author = "Someone", url = "https://example.com/links", description = MarkdownProbe.Text,
            tags = new[] { "links" }, language = "en", audience = "All", evidenceBased = false,
        });
        suggested.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await suggested.JsonAsync()).GetProperty("id").GetInt32();

        var reviewer = await Pages.GetDocumentAsync(await Factory.PageClientAsync("coord@example.com"), $"/Library/Item/{id}");
        MarkdownProbe.ShouldBeSafeAndRendered(reviewer, reviewer.QuerySelector(".library-description")!);

        (await (await Factory.ApiClientAsync("coord@example.com")).PostAsJsonAsync($"/api/v1/library/{id}/review", new { decision = "publish" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var reader = await Pages.GetDocumentAsync(await Factory.PageClientAsync("reader@example.com"), $"/Library/Item/{id}");
        MarkdownProbe.ShouldBeSafeAndRendered(reader, reader.QuerySelector(".library-description")!);
    }

    [Fact]
    public async Task EveryRouteHasItsAuthorizationRule()
    {
        await world.MenteeAsync("mentee@example.com");
        var id = await ItemAsync("Lean In");
        var anonymous = Factory.Anonymous();
        foreach (var url in new[] { "/api/v1/library", $"/api/v1/library/{id}", "/api/v1/library/stats" })
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        (await anonymous.PostAsJsonAsync("/api/v1/library/suggestions", Body())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync($"/api/v1/library/{id}/bookmark", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var url in new[] { "/Library", $"/Library/Item/{id}", "/Library/Suggest", "/Library/Manage", "/Library/Edit" })
            await CommunityWorld.AssertPageRedirectAsync(anonymous, url, "/Account/Login");

        var member = await Factory.ApiClientAsync("mentee@example.com");
        (await member.GetAsync("/api/v1/library/stats")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/v1/library", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/library/{id}", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/v1/library/{id}/review", new { decision = "publish" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsync($"/api/v1/library/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberPages = await Factory.PageClientAsync("mentee@example.com");
        foreach (var url in new[] { "/Library/Manage", "/Library/Edit", $"/Library/Edit/{id}" })
            await CommunityWorld.AssertPageRedirectAsync(memberPages, url, "/Account/AccessDenied");
        (await memberPages.GetAsync("/Library")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await memberPages.GetAsync("/Library/Suggest")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.LibraryItems.SingleAsync())).Title.ShouldBe("Lean In");
    }
}
