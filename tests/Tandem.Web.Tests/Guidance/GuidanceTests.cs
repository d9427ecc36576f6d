using System.Net;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Library;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Guidance;

public sealed class GuidanceTests : IAsyncLifetime
{
    private CommunityWorld world = null!;
    private TandemFactory Factory => world.Factory;

    public async ValueTask InitializeAsync() => world = await CommunityWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        world.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task MentorsOfAnActiveCohortGetExpectationsAndOptionalEvidenceBasedReading()
    {
        await world.MentorAsync("mentor@example.com");
        await Factory.WithDbAsync(async db =>
        {
            db.LibraryItems.AddRange(
                new LibraryItem { Title = "What the research says about mentoring", Audience = Audience.Mentors, EvidenceBased = true },
                new LibraryItem { Title = "Lean In", Audience = Audience.All },
                new LibraryItem { Title = "Archived study", Audience = Audience.Mentors, EvidenceBased = true, Status = LibraryStatus.Archived });
            await db.SaveChangesAsync();
        });
        var page = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mentor@example.com"), "/Guidance");
        page.QuerySelector("#encouraged")!.TextContent.ShouldContain("encouraged, not required");
        page.QuerySelector("#expectations")!.TextContent.ShouldContain("Meet at least 3 times in the 6 months");
        page.QuerySelectorAll("#reading li a").Select(a => a.TextContent).ShouldBe(["What the research says about mentoring"]);
        page.QuerySelector("#feedforward")!.TextContent.ShouldContain("will appear here");

        var json = await (await (await Factory.ApiClientAsync("mentor@example.com")).GetAsync("/api/v1/guidance")).JsonAsync();
        json.GetProperty("minimumMeetings").GetInt32().ShouldBe(3);
        json.GetProperty("reading").GetArrayLength().ShouldBe(1);
        (await (await Factory.ApiClientAsync("coord@example.com")).GetAsync("/api/v1/guidance")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MenteesAndMentorsOfClosedCohortsOnlyAreNotShownGuidance()
    {
        await world.MenteeAsync("mentee@example.com");
        var closed = await world.World.CohortAsync("Autumn 2026", CohortStatus.Closed);
        await world.MentorAsync("former.mentor@example.com", closed);
        var open = await world.World.CohortAsync("Autumn 2027", CohortStatus.Open);
        await world.MentorAsync("next.mentor@example.com", open);
        (await (await Factory.ApiClientAsync("next.mentor@example.com")).GetAsync("/api/v1/guidance")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var email in new[] { "mentee@example.com", "former.mentor@example.com" })
        {
            (await (await Factory.ApiClientAsync(email)).GetAsync("/api/v1/guidance")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            await CommunityWorld.AssertPageRedirectAsync(await Factory.PageClientAsync(email), "/Guidance", "/Account/AccessDenied");
        }
        (await Factory.Anonymous().GetAsync("/api/v1/guidance")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await CommunityWorld.AssertPageRedirectAsync(Factory.Anonymous(), "/Guidance", "/Account/Login");
    }
}
