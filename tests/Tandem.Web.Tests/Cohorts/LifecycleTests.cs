using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.PairsProgress;

namespace Tandem.Web.Tests.Cohorts;

/// <summary>
/// The guarded lifecycle: every transition answers its consequences and warnings first and changes nothing until the
/// coordinator confirms; closing records each pair's true outcome. The cohort: applications 5 January – 15 February 2026,
/// running 1 March – 31 August 2026.
/// </summary>
public sealed class LifecycleTests
{
    private static async Task<(TandemFactory Factory, FakeClock Clock, HttpClient Client, int CohortId)> WorldAsync(Db provider, CohortStatus status, DateOnly today)
    {
        var clock = new FakeClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        var factory = new TandemFactory(provider, clock: clock);
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var id = await factory.WithDbAsync(async db =>
        {
            var cohort = new Cohort
            {
                ProgramId = await db.Programs.Select(p => p.Id).FirstAsync(), Name = "2026 Spring", Status = status,
                ApplicationsOpenOn = new(2026, 1, 5), ApplicationsCloseOn = new(2026, 2, 15), StartsOn = new(2026, 3, 1), EndsOn = new(2026, 8, 31),
            };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        return (factory, clock, await factory.ApiClientAsync("coord@example.com"), id);
    }

    private static async Task<JsonElement> MoveAsync(HttpClient client, int id, string to, bool confirm, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", confirm ? new { to, confirm = (bool?)true } : new { to, confirm = (bool?)null });
        response.StatusCode.ShouldBe(expected);
        return await response.JsonAsync();
    }

    private static IReadOnlyList<string> Codes(JsonElement answer) =>
        answer.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToList();

    private static Task<Cohort> CohortAsync(TandemFactory f, int id) => f.WithDbAsync(db => db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == id));

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task WithoutConfirmTheAnswerListsTheWarningsAndNothingChanges(Db provider)
    {
        var (f, _, client, id) = await WorldAsync(provider, CohortStatus.Draft, new DateOnly(2025, 12, 31));
        using var _f = f;
        var preview = await MoveAsync(client, id, "Open", confirm: false);
        preview.GetProperty("done").GetBoolean().ShouldBeFalse();
        preview.GetProperty("to").GetString().ShouldBe("Open");
        Codes(preview).ShouldBe(["windowNotOpenYet"]);
        preview.GetProperty("warnings")[0].GetProperty("message").GetString()
            .ShouldBe("The application window opens on 1/5/2026: opening now lets members apply 5 days early.");
        preview.GetProperty("consequences").EnumerateArray().Single().GetString().ShouldBe("Members can see the cohort and apply as mentee or mentor until 2/15/2026.");
        var unchanged = await CohortAsync(f, id);
        (unchanged.Status, unchanged.Version).ShouldBe((CohortStatus.Draft, 0));

        var done = await MoveAsync(client, id, "Open", confirm: true);
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        done.GetProperty("cohort").GetProperty("status").GetString().ShouldBe("Open");
        Codes(done).ShouldBe(["windowNotOpenYet"]);
        (await CohortAsync(f, id)).Status.ShouldBe(CohortStatus.Open);
    }

    [Fact]
    public async Task OpeningInsideTheWindowHasNoWarnings()
    {
        var (f, _, client, id) = await WorldAsync(Db.Sqlite, CohortStatus.Draft, new DateOnly(2026, 1, 10));
        using var _f = f;
        Codes(await MoveAsync(client, id, "Open", confirm: false)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MovingToMatchingWarnsOfUnreviewedApplicationsAndAWindowStillOpen(Db provider)
    {
        var (f, clock, client, id) = await WorldAsync(provider, CohortStatus.Open, new DateOnly(2026, 2, 1));
        using var _f = f;
        foreach (var (email, status) in new[] { ("a@example.com", ApplicationStatus.Submitted), ("b@example.com", ApplicationStatus.Submitted), ("c@example.com", ApplicationStatus.Accepted) })
        {
            var user = await f.CreateUserAsync(email);
            await f.WithDbAsync(async db =>
            {
                db.Applications.Add(new Application { CohortId = id, UserId = user, Role = ApplicationRole.Mentee, Status = status });
                await db.SaveChangesAsync();
            });
        }
        var preview = await MoveAsync(client, id, "Matching", confirm: false);
        Codes(preview).ShouldBe(["unreviewedApplications", "windowStillOpen"]);
        preview.GetProperty("warnings")[0].GetProperty("message").GetString()
            .ShouldBe("2 applications are still waiting for review: they will not be matched unless you accept them.");
        (await CohortAsync(f, id)).Status.ShouldBe(CohortStatus.Open);

        clock.Now = new DateTimeOffset(2026, 2, 16, 4, 0, 0, TimeSpan.Zero);
        // A bearer token lasts an hour: sign in again after the clock jumps.
        client = await f.ApiClientAsync("coord@example.com");
        Codes(await MoveAsync(client, id, "Matching", confirm: false)).ShouldBe(["unreviewedApplications"]);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MovingToActiveWithNoPublishedMatchingWarns(Db provider)
    {
        var (f, _, client, id) = await WorldAsync(provider, CohortStatus.Matching, new DateOnly(2026, 2, 20));
        using var _f = f;
        Codes(await MoveAsync(client, id, "Active", confirm: false)).ShouldBe(["noPublishedMatching"]);
        var done = await MoveAsync(client, id, "Active", confirm: true);
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        (await CohortAsync(f, id)).Status.ShouldBe(CohortStatus.Active);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MovingToClosingBeforeTheEndDateWarns(Db provider)
    {
        var (f, clock, client, id) = await WorldAsync(provider, CohortStatus.Active, new DateOnly(2026, 8, 1));
        using var _f = f;
        var preview = await MoveAsync(client, id, "Closing", confirm: false);
        Codes(preview).ShouldBe(["beforeEndDate"]);
        preview.GetProperty("warnings")[0].GetProperty("message").GetString().ShouldBe("The cohort runs until 8/31/2026: closing now starts its end 30 days early.");
        clock.Now = new DateTimeOffset(2026, 8, 31, 4, 0, 0, TimeSpan.Zero);
        client = await f.ApiClientAsync("coord@example.com");
        Codes(await MoveAsync(client, id, "Closing", confirm: false)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AStepThatIsNotTheNextIsRefusedEvenWithoutConfirm()
    {
        var (f, _, client, id) = await WorldAsync(Db.Sqlite, CohortStatus.Draft, new DateOnly(2026, 1, 10));
        using var _f = f;
        var skip = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Active" });
        skip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await skip.ErrorTextAsync()).ShouldBe("A cohort in Draft can only move to Open.");
        (await client.PostAsJsonAsync("/api/v1/cohorts/999/transition", new { to = "Open" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WarningsAreInTheCallersLanguage()
    {
        var (f, _, client, id) = await WorldAsync(Db.Sqlite, CohortStatus.Active, new DateOnly(2026, 8, 1));
        using var _f = f;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cohorts/{id}/transition") { Content = JsonContent.Create(new { to = "Closing" }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        var answer = await (await client.SendAsync(request)).JsonAsync();
        answer.GetProperty("warnings")[0].GetProperty("message").GetString()!.ShouldContain("2026/8/31");
        answer.GetProperty("warnings")[0].GetProperty("message").GetString()!.ShouldContain("30");
        answer.GetProperty("warnings")[0].GetProperty("message").GetString()!.ShouldNotContain("The cohort runs");
    }

    [Fact]
    public async Task TheConfirmationPageShowsTheWarningsAndOnlyItsButtonMovesTheCohort()
    {
        var (f, _, _, id) = await WorldAsync(Db.Sqlite, CohortStatus.Active, new DateOnly(2026, 8, 1));
        using var _f = f;
        var browser = await f.PageClientAsync("coord@example.com");
        var hub = await Pages.GetDocumentAsync(browser, $"/Cohorts/{id}");
        hub.QuerySelector("#transition")!.GetAttribute("href").ShouldBe($"/Cohorts/{id}/Transition/Closing");
        var page = await Pages.GetDocumentAsync(browser, $"/Cohorts/{id}/Transition/Closing");
        page.QuerySelector("#warnings li[data-code=beforeEndDate]").ShouldNotBeNull();
        page.QuerySelector("#consequences")!.TextContent.ShouldContain("Feedback, feedforward and closing words open for every pair.");
        page.QuerySelector("#confirm")!.TextContent.Trim().ShouldBe("Move to Closing anyway");
        page.QuerySelector("#cancel")!.GetAttribute("href").ShouldBe($"/Cohorts/{id}");
        (await CohortAsync(f, id)).Status.ShouldBe(CohortStatus.Active);

        var moved = await Pages.PostFormAsync(browser, $"/Cohorts/{id}/Transition/Closing", new() { ["version"] = "0" });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        moved.Headers.Location!.ToString().ShouldBe($"/Cohorts/{id}");
        (await CohortAsync(f, id)).Status.ShouldBe(CohortStatus.Closing);

        // An old link to a step the cohort has passed leads back to the hub.
        var old = await browser.GetAsync($"/Cohorts/{id}/Transition/Closing");
        old.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync($"/Cohorts/{id}/Transition/Nonsense")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ClosingRecordsEachPairsTrueOutcomeAndTheCertificateSaysWhatWasHeld(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        foreach (var day in new[] { 10, 70, 130 }) await w.MeetingAsync(w.PairId, PairWorld.At(day), MeetingStatus.Held);
        await w.MeetingAsync(w.OtherPairId, PairWorld.At(20), MeetingStatus.Held);
        await w.MeetingAsync(w.OtherPairId, PairWorld.At(90), MeetingStatus.Cancelled);
        await w.SetCohortAsync(CohortStatus.Closing);
        w.Day(181);
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);

        var preview = await MoveAsync(coordinator, w.CohortId, "Closed", confirm: false);
        Codes(preview).ShouldBe(["activePairs"]);
        preview.GetProperty("warnings")[0].GetProperty("message").GetString().ShouldBe("2 pairs are still active; 1 of them held fewer than 3 meetings.");
        preview.GetProperty("consequences").EnumerateArray().Select(c => c.GetString()).ShouldContain("1 pairs will be Completed and 1 will end below the minimum.");
        (await w.Factory.WithDbAsync(d => d.Pairs.CountAsync(p => p.CohortId == w.CohortId && p.Status == PairStatus.Active))).ShouldBe(2);

        (await MoveAsync(coordinator, w.CohortId, "Closed", confirm: true)).GetProperty("done").GetBoolean().ShouldBeTrue();
        var pairs = await w.Factory.WithDbAsync(d => d.Pairs.AsNoTracking().Where(p => p.CohortId == w.CohortId).OrderBy(p => p.Id).ToListAsync());
        pairs.Select(p => (p.Id, p.Status, p.MeetingsHeldAtClose, p.MinimumMeetingsAtClose, p.CloseReason)).ShouldBe(
        [
            (w.PairId, PairStatus.Completed, (int?)3, (int?)3, (CloseReason?)CloseReason.CohortEnded),
            (w.OtherPairId, PairStatus.BelowMinimum, 1, 3, CloseReason.CohortEnded),
        ]);

        var completed = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentee), $"/Closure/{w.PairId}/Certificate");
        completed.QuerySelector("h1")!.TextContent.ShouldBe("Certificate of completion");
        completed.QuerySelector("#meetings")!.TextContent.ShouldBe("Meetings held: 3 of the 3 the program asks for");
        var below = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.OtherMentee), $"/Closure/{w.OtherPairId}/Certificate");
        below.QuerySelector("h1")!.TextContent.ShouldBe("Certificate of participation");
        below.QuerySelector("#outcome")!.TextContent.ShouldStartWith("took part as Mentee");
        below.QuerySelector("#meetings")!.TextContent.ShouldBe("Meetings held: 1 of the 3 the program asks for");

        // The coordinator's overview and its filter tell the two outcomes apart.
        var overview = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/Pairs/Overview?cohortId={w.CohortId}&pace=belowMinimum");
        overview.QuerySelectorAll("#pairs tbody tr").Select(r => r.GetAttribute("data-pair")).ShouldBe([w.OtherPairId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        overview.QuerySelector("#pairs tbody tr")!.TextContent.ShouldContain("Ended below the minimum");
        var api = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?status=BelowMinimum")).JsonAsync();
        api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("pace").GetString()).ShouldBe(["BelowMinimum"]);
    }
}
