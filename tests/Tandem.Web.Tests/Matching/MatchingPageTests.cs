using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Matching;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class MatchingPageTests
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheCoordinatorRunsLocksComparesAndPublishesFromThePage()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var url = $"/Matching/{small.Id}";

        var hub = await Pages.GetDocumentAsync(page, $"/Cohorts/{small.Id}");
        hub.QuerySelector("#matching")!.GetAttribute("href").ShouldBe(url);
        var empty = await Pages.GetDocumentAsync(page, url);
        empty.QuerySelector("#no-run").ShouldNotBeNull();
        // Back to the cohort's hub, not its old address.
        empty.QuerySelector("#cohort-hub")!.GetAttribute("href").ShouldBe($"/Cohorts/{small.Id}");

        var run = await Pages.PostFormAsync(page, url, new() { ["Input.Mode"] = "optimal", ["Input.Objective"] = "mostMatchedThenScore", ["Input.Interests"] = "1", ["Input.Goals"] = "2" }, "Run");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(1);
        // A finished job is news only to whoever watched it (the progress script comes back with ?job=).
        (await Pages.GetDocumentAsync(page, url)).QuerySelector("#job-outcome").ShouldBeNull();
        var jobId = await world.Factory.WithDbAsync(d => d.MatchJobs.Select(j => j.Id).SingleAsync());
        var doc = await Pages.GetDocumentAsync(page, $"{url}?job={S(jobId)}");
        doc.QuerySelector("#job-outcome")!.TextContent.ShouldContain("Matched 3 of 4 mentees.");
        doc.QuerySelector("#matched")!.TextContent.ShouldBe("3");
        var rows = doc.QuerySelectorAll("#proposals tbody tr");
        rows.Length.ShouldBe(3);
        rows[0].QuerySelectorAll(".progress").Length.ShouldBe(8);
        doc.QuerySelectorAll("#unmatched-mentees li").Length.ShouldBe(1);
        doc.QuerySelectorAll("input[data-weight]").Length.ShouldBe(8);

        var (mentee, mentor) = (rows[0].GetAttribute("data-mentee")!, rows[0].GetAttribute("data-mentor")!);
        (await Pages.PostFormAsync(page, url, new() { ["menteeId"] = mentee, ["mentorId"] = mentor }, "Lock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        doc = await Pages.GetDocumentAsync(page, url);
        doc.QuerySelector($"#proposals tr[data-mentee='{mentee}'] .locked").ShouldNotBeNull();
        doc.QuerySelectorAll("#rules li").Length.ShouldBe(1);

        // Locking it again is refused with a message on the page; nothing changes.
        var again = await Pages.PostFormAsync(page, url, new() { ["menteeId"] = mentee, ["mentorId"] = mentor }, "Lock");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await again.Content.ReadAsStringAsync())).ShouldContain(e => e.Contains("already locked together"));
        (await world.Factory.WithDbAsync(d => d.PairRules.CountAsync())).ShouldBe(1);

        var compare = await Pages.PostFormAsync(page, url, new() { ["Input.Mode"] = "optimal", ["Input.Objective"] = "mostMatchedThenScore", ["Input.Interests"] = "1" }, "Compare");
        compare.StatusCode.ShouldBe(HttpStatusCode.OK);
        var compared = await Pages.ParseAsync(await compare.Content.ReadAsStringAsync());
        compared.QuerySelector("#cmp-optimal")!.TextContent.ShouldContain("3");
        compared.QuerySelector("#cmp-summary").ShouldNotBeNull();

        var manual = await Pages.GetDocumentAsync(page, $"{url}?menteeId={S(small.Mentees[3])}&mentorId={S(small.Mentors[0])}");
        manual.QuerySelector("#explanation")!.TextContent.ShouldContain("mentee4");

        // Publish sits at the top, with the summary, and leads to a confirmation step that lists who is told what.
        var desk = await Pages.GetDocumentAsync(page, url);
        desk.QuerySelector("#publish")!.GetAttribute("href").ShouldBe($"/Matching/{small.Id}/Publish");
        desk.QuerySelector("#totals #unmatched-count")!.TextContent.ShouldBe("1");
        var confirm = await Pages.GetDocumentAsync(page, $"{url}/Publish");
        confirm.QuerySelectorAll("#consequences li").Select(li => li.TextContent).ShouldContain(c => c.Contains("1 accepted mentees left without a mentor are told so."));
        confirm.QuerySelector("#warnings li[data-code=unmatchedMentees]").ShouldNotBeNull();
        confirm.QuerySelector("#confirm")!.TextContent.Trim().ShouldBe("Publish 3 pairs anyway");
        (await world.Factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(0);

        var publish = await Pages.PostFormAsync(page, $"{url}/Publish", new() { ["version"] = confirm.QuerySelector("input[name=version]")!.GetAttribute("value")! });
        publish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        publish.Headers.Location!.ToString().ShouldBe(url);
        (await world.Factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(3);

        // After publishing the page is read-only and says the matching is published.
        var after = await Pages.GetDocumentAsync(page, url);
        after.QuerySelector("#publish").ShouldBeNull();
        after.QuerySelector(".alert-success")!.TextContent.ShouldContain("Published 3 pairs");
        after.QuerySelector("#published")!.TextContent.ShouldContain("This matching is published: 3 pairs");
        // The confirmation step of a published matching leads back with the reason.
        var late = await page.GetAsync($"{url}/Publish");
        late.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public void ThePagerShowsTheEndsAndTheNeighbourhoodOfTheCurrentPage()
    {
        Tandem.Web.Features.Matching.IndexModel.PageWindow(1, 1).ShouldBe([1]);
        Tandem.Web.Features.Matching.IndexModel.PageWindow(1, 2000).ShouldBe([1, 2, 3, 2000]);
        Tandem.Web.Features.Matching.IndexModel.PageWindow(1000, 2000).ShouldBe([1, 998, 999, 1000, 1001, 1002, 2000]);
        Tandem.Web.Features.Matching.IndexModel.PageWindow(2000, 2000).ShouldBe([1, 1998, 1999, 2000]);
    }

    [Fact]
    public async Task AStalePublishFormGetsAConflictMessageAndPublishesNothing()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var url = $"/Matching/{small.Id}";
        await Pages.PostFormAsync(page, url, new() { ["Input.Mode"] = "optimal", ["Input.Objective"] = "mostMatchedThenScore", ["Input.Goals"] = "2" }, "Run");
        await world.Factory.RunMatchingJobsAsync();

        var response = await Pages.PostFormAsync(page, $"{url}/Publish", new() { ["version"] = "999" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).ShouldContain(e => e.Contains("Someone else changed"));
        (await world.Factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(0);
        (await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == small.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Matching);
    }

    [Fact]
    public async Task TheMatchingPageSpeaksChinese()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var doc = await Pages.GetDocumentAsync(page, $"/Matching/{small.Id}?culture=zh-Hans");
        doc.QuerySelector("#run")!.TextContent.ShouldBe("按这些权重运行");
        _ = typeof(MatchingText);
    }
}
