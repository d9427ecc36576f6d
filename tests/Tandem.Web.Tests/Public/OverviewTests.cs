using System.Net;
using System.Net.Http.Json;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Public;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Public;

public sealed class OverviewTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheLandingPageShowsTheOpenCohortTheTracksAndTheDonatedTotal()
    {
        var programId = await PublicData.ProgramAsync(factory);
        var open = await PublicData.CohortAsync(factory, programId, "2026 Spring", CohortStatus.Open);
        await PublicData.CohortAsync(factory, programId, "2026 Autumn", CohortStatus.Draft, startsInDays: 200);
        await PublicData.CohortAsync(factory, programId, "2025 Autumn", CohortStatus.Closed, startsInDays: -200);
        await PublicData.MembershipAsync(factory, programId, 500_00);
        await PublicData.MembershipAsync(factory, programId, 800_00);

        var page = await Pages.GetDocumentAsync(factory.CreateClient(), "/");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Test Network");
        page.QuerySelector("#open-cohort h2")!.TextContent.ShouldBe("Applications are open for 2026 Spring");
        page.QuerySelector("#cta-join")!.GetAttribute("href").ShouldBe("/Account/Register");
        page.QuerySelector("#how-it-works")!.TextContent.ShouldContain("meet at least 3 times over 6 months");
        page.QuerySelectorAll(".track").Select(t => t.Id).ShouldBe(["track-standard", "track-advanced"]);
        page.QuerySelector("#track-advanced")!.TextContent.ShouldContain("Executive (C-suite)");
        page.QuerySelector("#upcoming")!.TextContent.ShouldContain("2026 Autumn");
        page.QuerySelector("#upcoming")!.TextContent.ShouldNotContain("2025 Autumn");
        page.QuerySelector("#membership")!.TextContent.ShouldContain("Mentees need a membership to take part; mentors do not.");
        page.QuerySelector("#donations")!.TextContent.ShouldContain("Girls' Education Fund");
        page.QuerySelector("#donated-total")!.TextContent.ShouldBe("CN¥1,300");

        var overview = await factory.CreateClient().GetFromJsonAsync<OverviewResponse>("/api/v1/public/overview");
        overview!.OpenCohort!.Id.ShouldBe(open);
        overview.OpenCohort.AcceptingApplications.ShouldBeTrue();
        overview.UpcomingCohorts.Select(c => c.Name).ShouldBe(["2026 Autumn"]);
        overview.Membership.Donated.Single().AmountMinor.ShouldBe(1300_00);
        overview.Membership.Memberships.ShouldBe(2);
        overview.Tracks.Single(t => t.Code == "advanced").MentorLevels.ShouldBe(["Executive"]);
        overview.MinimumMeetings.ShouldBe(3);
    }

    [Fact]
    public async Task TheDonatedTotalIsFormattedForChineseReaders()
    {
        var programId = await PublicData.ProgramAsync(factory);
        await PublicData.MembershipAsync(factory, programId, 500_00);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await Pages.GetDocumentAsync(client, "/");
        page.QuerySelector("#donated-total")!.TextContent.ShouldBe("¥500");
        page.QuerySelector("#how-it-works h2")!.TextContent.ShouldBe("如何运作");
    }

    [Fact]
    public async Task SignedInMembersAreInvitedToApplyToTheOpenCohort()
    {
        var programId = await PublicData.ProgramAsync(factory);
        var open = await PublicData.CohortAsync(factory, programId, "2026 Spring", CohortStatus.Open);
        await factory.CreateUserAsync("member@example.com");
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("member@example.com"), "/");
        page.QuerySelector("#cta-apply")!.GetAttribute("href").ShouldBe($"/Applications/Apply?cohortId={open}");
        page.QuerySelector("#cta-join").ShouldBeNull();
    }

    [Fact]
    public async Task WithoutAnOpenCohortThePageSaysApplicationsAreClosed()
    {
        var programId = await PublicData.ProgramAsync(factory);
        await PublicData.CohortAsync(factory, programId, "Next term", CohortStatus.Draft, startsInDays: 90);
        var page = await Pages.GetDocumentAsync(factory.CreateClient(), "/");
        page.QuerySelector("#open-cohort").ShouldBeNull();
        page.QuerySelector("#no-open-cohort").ShouldNotBeNull();
        page.QuerySelector("#upcoming")!.TextContent.ShouldContain("Next term");
        page.QuerySelector("#donated-total")!.TextContent.ShouldBe("CN¥0");
    }

    [Fact]
    public async Task BeforeTheProgramIsSetUpThePageSaysSoAndTheApiAnswersNotFound()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Programs.RemoveRange(db.Programs);
            await db.SaveChangesAsync();
        });
        var page = await Pages.GetDocumentAsync(factory.CreateClient(), "/");
        page.QuerySelector("#not-set-up").ShouldNotBeNull();
        var response = await factory.CreateClient().GetAsync("/api/v1/public/overview");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
