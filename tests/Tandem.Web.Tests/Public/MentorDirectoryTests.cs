using System.Net;
using System.Net.Http.Json;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Public;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Public;

public sealed class MentorDirectoryTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task OnlyOptedInMentorsWhoseApplicationCountsArePublishedAndNeverTheirEmail(Db provider)
    {
        using var factory = new TandemFactory(provider);
        var programId = await PublicData.ProgramAsync(factory);
        var closed = await PublicData.CohortAsync(factory, programId, "2025 Autumn", CohortStatus.Closed, startsInDays: -200);
        var open = await PublicData.CohortAsync(factory, programId, "2026 Spring", CohortStatus.Open);
        var draft = await PublicData.CohortAsync(factory, programId, "2026 Autumn", CohortStatus.Draft, startsInDays: 200);

        var shown = await PublicData.ApplicationAsync(factory, closed, new("accepted@secret.example", "Accepted Public"));
        await PublicData.ApplicationAsync(factory, closed, new("private@secret.example", "Accepted Private") { Public = false });
        await PublicData.ApplicationAsync(factory, closed, new("pending@secret.example", "Submitted In Closed") { Status = ApplicationStatus.Submitted });
        await PublicData.ApplicationAsync(factory, closed, new("declined@secret.example", "Declined Public") { Status = ApplicationStatus.Declined });
        await PublicData.ApplicationAsync(factory, closed, new("mentee@secret.example", "A Mentee") { Role = ApplicationRole.Mentee });
        var underReview = await PublicData.ApplicationAsync(factory, open, new("review@secret.example", "Under Review") { Status = ApplicationStatus.Submitted });
        await PublicData.ApplicationAsync(factory, open, new("waiting@secret.example", "Waitlisted") { Status = ApplicationStatus.Waitlisted });
        var inDraft = await PublicData.ApplicationAsync(factory, draft, new("draft@secret.example", "In Draft"));

        var client = factory.CreateClient();
        var closedList = await client.GetFromJsonAsync<MentorsResponse>($"/api/v1/public/mentors?cohortId={closed}");
        closedList!.Items.Select(i => i.DisplayName).ShouldBe(["Accepted Public"]);
        var openList = await client.GetFromJsonAsync<MentorsResponse>("/api/v1/public/mentors");
        openList!.CohortId.ShouldBe(open, "the open cohort is the default");
        openList.Items.Select(i => i.ApplicationId).ShouldBe([underReview]);
        openList.Cohorts.Select(c => c.Name).ShouldBe(["2026 Spring", "2025 Autumn"], "draft cohorts are not offered");

        foreach (var url in new[] { $"/api/v1/public/mentors?cohortId={closed}", "/api/v1/public/mentors", $"/api/v1/public/mentors/{shown}",
                     $"/Public/Mentors?cohortId={closed}", "/Public/Mentors", $"/Public/Mentors/{shown}" })
        {
            var body = await client.GetStringAsync(url);
            body.ShouldNotContain("@secret.example");
            body.ShouldNotContain("female");
        }

        var page = await Pages.GetDocumentAsync(client, $"/Public/Mentors/{shown}");
        page.QuerySelector("#mentor-profile h1")!.TextContent.ShouldBe("Accepted Public");
        page.QuerySelector("#mentor-profile")!.TextContent.ShouldContain("Candid feedback.");
        (await client.GetAsync($"/Public/Mentors/{inDraft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/public/mentors/{inDraft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MentorsCanBeFilteredByIndustryExpertiseLanguageAndTextWithFacetCounts(Db provider)
    {
        using var factory = new TandemFactory(provider);
        var programId = await PublicData.ProgramAsync(factory);
        var cohort = await PublicData.CohortAsync(factory, programId, "2025 Autumn", CohortStatus.Closed, startsInDays: -200);
        await PublicData.ApplicationAsync(factory, cohort, new("a@x.example", "Li Na") { Industry = "Finance", Expertise = ["negotiation", "leadership"], Languages = ["zh", "en"] });
        await PublicData.ApplicationAsync(factory, cohort, new("b@x.example", "王芳") { Industry = "Finance", Expertise = ["risk management"], Languages = ["zh"] });
        await PublicData.ApplicationAsync(factory, cohort, new("c@x.example", "Emily Chen") { Industry = "Technology", Expertise = ["Product Management", "leadership"], Languages = ["en"], JobTitle = "VP Engineering" });
        await PublicData.ApplicationAsync(factory, cohort, new("d@x.example", "Sun Yu") { Industry = "Law", Expertise = ["compliance"], Languages = ["zh", "en", "yue"], Offer = "100% honest CV reviews" });

        var client = factory.CreateClient();
        async Task<MentorsResponse> Get(string query) => (await client.GetFromJsonAsync<MentorsResponse>($"/api/v1/public/mentors?cohortId={cohort}&{query}"))!;

        var all = await Get("");
        all.Total.ShouldBe(4);
        all.Facets.Industries.ShouldBe([new FacetValue("Finance", 2), new FacetValue("Law", 1), new FacetValue("Technology", 1)]);
        all.Facets.Languages.ShouldContain(new FacetValue("zh", 3));
        all.Facets.Expertise.ShouldContain(new FacetValue("leadership", 2));

        (await Get("industry=Finance")).Items.Select(i => i.DisplayName).ShouldBe(["Li Na", "王芳"], ignoreOrder: true);
        (await Get("expertise=Leadership")).Items.Select(i => i.DisplayName).ShouldBe(["Emily Chen", "Li Na"], ignoreOrder: true);
        (await Get("language=yue")).Items.Select(i => i.DisplayName).ShouldBe(["Sun Yu"]);
        (await Get("q=product")).Items.Select(i => i.DisplayName).ShouldBe(["Emily Chen"], "expertise is searched");
        (await Get("q=ENGINEERING")).Items.Select(i => i.DisplayName).ShouldBe(["Emily Chen"], "job titles are searched, case-insensitively");
        (await Get("q=王")).Items.Select(i => i.DisplayName).ShouldBe(["王芳"]);
        (await Get("q=100%25")).Items.Select(i => i.DisplayName).ShouldBe(["Sun Yu"], "a % in the search is a character, not a wildcard");
        (await Get("q=nobody")).Total.ShouldBe(0);

        // A facet counts with the other filters applied, but not its own.
        var finance = await Get("industry=Finance");
        finance.Facets.Industries.Count.ShouldBe(3);
        finance.Facets.Languages.ShouldBe([new FacetValue("zh", 2), new FacetValue("en", 1)]);
        var financeInEnglish = await Get("industry=Finance&language=en");
        financeInEnglish.Items.Select(i => i.DisplayName).ShouldBe(["Li Na"]);

        var page = await Pages.GetDocumentAsync(client, $"/Public/Mentors?cohortId={cohort}&industry=Finance");
        page.QuerySelectorAll("#mentors .mentor").Length.ShouldBe(2);
        page.QuerySelector("#facet-industry a[aria-current=true]")!.TextContent.ShouldBe("Finance");
        page.QuerySelector("#facet-language")!.TextContent.ShouldContain("Mandarin Chinese");
        page.QuerySelector("#mentor-count")!.TextContent.ShouldContain("2 mentors in 2025 Autumn");
    }

    [Fact]
    public async Task TheDirectoryPagesTwentyFourMentorsAtATime()
    {
        using var factory = new TandemFactory();
        var programId = await PublicData.ProgramAsync(factory);
        var cohort = await PublicData.CohortAsync(factory, programId, "2026 Spring", CohortStatus.Open);
        for (var i = 0; i < 30; i++)
            await PublicData.ApplicationAsync(factory, cohort, new($"m{i}@x.example", $"Mentor {i:00}") { Status = ApplicationStatus.Submitted });

        var client = factory.CreateClient();
        var first = await client.GetFromJsonAsync<MentorsResponse>("/api/v1/public/mentors");
        first!.Total.ShouldBe(30);
        first.PageSize.ShouldBe(24);
        first.Items.Count.ShouldBe(24);
        var second = await client.GetFromJsonAsync<MentorsResponse>("/api/v1/public/mentors?page=2");
        second!.Page.ShouldBe(2);
        second.Items.Select(i => i.DisplayName).ShouldBe(Enumerable.Range(24, 6).Select(i => $"Mentor {i}"));

        var page2 = await Pages.GetDocumentAsync(client, "/Public/Mentors?page=2");
        page2.QuerySelectorAll("#mentors .mentor").Length.ShouldBe(6);
        page2.QuerySelector(".pagination .active")!.TextContent.Trim().ShouldBe("2");
        page2.QuerySelectorAll(".pagination a").Select(a => a.GetAttribute("href")).ShouldContain($"/Public/Mentors?cohortId={cohort}");
    }
}
