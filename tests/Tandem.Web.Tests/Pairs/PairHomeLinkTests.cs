using System.Net;
using System.Net.Http.Json;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Pairs;

/// <summary>Every page of the pair's journey leads back to the pair home.</summary>
public sealed class PairHomeLinkTests
{
    [Fact]
    public async Task EveryPairPageLinksBackToThePairHome()
    {
        using var w = await PairWorld.CreateAsync();
        var menteeApi = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var goal = await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/goals", new { title = "Lead a project", measure = "Run the Q4 project", targetDate = "2027-08-01" });
        goal.StatusCode.ShouldBe(HttpStatusCode.Created);
        var goalId = (await goal.JsonAsync()).GetProperty("id").GetInt32();
        var work = await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work", new { title = "Charter", text = "My charter" });
        work.StatusCode.ShouldBe(HttpStatusCode.Created);
        var workId = (await work.JsonAsync()).GetProperty("work").GetProperty("id").GetInt32();
        var meeting = await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)));
        var meetingId = (await meeting.JsonAsync()).GetProperty("id").GetInt32();

        var pages = new[]
        {
            $"/Meetings/Pair/{w.PairId}", $"/Meetings/{meetingId}", $"/Agreements/{w.PairId}", $"/Agreements/{w.PairId}/Goals/{goalId}",
            $"/Messages/{w.PairId}", $"/Sharing/{w.PairId}", $"/Sharing/Work/{workId}", $"/CheckIns/{w.PairId}", $"/Feedback/{w.PairId}",
            $"/Closure/{w.PairId}", $"/Workbooks?pair={w.PairId}", "/Workbooks",
        };
        var failures = new List<string>();
        foreach (var (who, extra) in new[] { (PairWorld.Mentee, Array.Empty<string>()), (PairWorld.Mentor, new[] { $"/Guidance?pair={w.PairId}" }) })
        {
            var client = await w.Factory.PageClientAsync(who);
            foreach (var url in pages.Concat(extra))
            {
                var doc = await Pages.GetDocumentAsync(client, url);
                var href = doc.QuerySelector("#pair-home")?.GetAttribute("href");
                if (href != $"/Pairs/{w.PairId}") failures.Add($"{who} {url}: #pair-home is {href ?? "missing"}");
            }
        }
        failures.ShouldBeEmpty();

        // The pair home leads to the workbooks, and the mentor's to the guidance.
        var mentorHome = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentor), $"/Pairs/{w.PairId}");
        mentorHome.QuerySelector("#workbooks-link")!.GetAttribute("href").ShouldBe($"/Workbooks?pair={w.PairId}");
        mentorHome.QuerySelector("#guidance-link")!.GetAttribute("href").ShouldBe($"/Guidance?pair={w.PairId}");
        // A pair one does not belong to is never linked.
        var other = await w.Factory.PageClientAsync(PairWorld.OtherMentee);
        (await Pages.GetDocumentAsync(other, $"/Workbooks?pair={w.PairId}")).QuerySelector("#pair-home")!.GetAttribute("href").ShouldBe($"/Pairs/{w.OtherPairId}");
        var coordinator = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        (await Pages.GetDocumentAsync(coordinator, "/Workbooks")).QuerySelector("#pair-home").ShouldBeNull();
    }
}
