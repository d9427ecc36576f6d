using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Dashboard;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.PairsProgress;

namespace Tandem.Web.Tests.Reports;

/// <summary>
/// The optional weekly alerts digest (off by default, coordinators only, once every 7 days, in the reader's language,
/// through the notice service) and the dashboard's weekly pace chart. The clock is the test's (FakeClock).
/// </summary>
public sealed class WeeklyAlertsTests
{
    private const string Second = "coord2@example.com";

    private static async Task<int> RunAsync(PairWorld w)
    {
        using var scope = w.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyAlertsJob>().RunOnceAsync(CancellationToken.None);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ACoordinatorWhoOptsInGetsTheAlertsOnceAWeekInHerLanguage(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var second = await w.Factory.CreateUserAsync(Second, coordinator: true, p => p.DisplayName = "Coordinator Two");
        await w.Factory.WithDbAsync(async d =>
        {
            (await d.Users.SingleAsync(u => u.Id == second)).Language = "zh-Hans";
            await d.SaveChangesAsync();
        });
        w.Day(40);
        await w.SetPairAsync(w.OtherPairId, PairStatus.ClosedEarly);

        // Off by default: nobody has chosen it yet, so nothing is sent.
        (await RunAsync(w)).ShouldBe(0);

        // A mentee is not offered the kind and cannot choose it.
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await (await mentee.GetAsync("/api/v1/me/notice-preferences")).JsonAsync()).EnumerateArray()
            .Select(p => p.GetProperty("kind").GetString()).ShouldNotContain("alerts-weekly");
        (await mentee.PutAsJsonAsync("/api/v1/me/notice-preferences", new { choices = new Dictionary<string, string> { ["alerts-weekly"] = "Immediately" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var coordinator = await w.Factory.ApiClientAsync(Second);
        var offered = (await (await coordinator.GetAsync("/api/v1/me/notice-preferences")).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "alerts-weekly");
        offered.GetProperty("email").GetString().ShouldBe("Off");
        (await coordinator.PutAsJsonAsync("/api/v1/me/notice-preferences", new { choices = new Dictionary<string, string> { ["alerts-weekly"] = "Immediately" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await RunAsync(w)).ShouldBe(1);
        var email = await w.Factory.WithDbAsync(d => d.QueuedEmails.AsNoTracking().SingleAsync(e => e.Kind == "alerts-weekly"));
        email.UserId.ShouldBe(second);
        email.Subject.ShouldStartWith("Tandem 每周提醒");
        email.Body.ShouldContain("2027 Spring：最近 30 天有 1 个结对提前结束");
        email.Body.ShouldContain("/Dashboard");
        (await w.Factory.WithDbAsync(d => d.Notifications.CountAsync(n => n.Kind == "alerts-weekly" && n.UserId == second))).ShouldBe(1);

        // Once a week: not again the same day nor six days later, again on the seventh.
        (await RunAsync(w)).ShouldBe(0);
        w.Day(46);
        (await RunAsync(w)).ShouldBe(0);
        w.Day(47, 1);
        (await RunAsync(w)).ShouldBe(1);
        (await w.Factory.WithDbAsync(d => d.QueuedEmails.CountAsync(e => e.Kind == "alerts-weekly"))).ShouldBe(2);

        // Several instances polling at the same moment still send one email.
        w.Day(54, 2);
        (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(w)))).Sum().ShouldBe(1);
        (await w.Factory.WithDbAsync(d => d.QueuedEmails.CountAsync(e => e.Kind == "alerts-weekly"))).ShouldBe(3);
    }

    [Fact]
    public async Task TheDashboardDrawsTheWeeklyPaceOfTheRunningCohortWithADataTable()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.CreateUserAsync("third-mentee@example.com", profile: p => p.DisplayName = "Tia");
        var mentor = await w.Factory.CreateUserAsync("third-mentor@example.com", profile: p => p.DisplayName = "Tom");
        await w.PairAsync(mentee, mentor);
        await w.MeetingAsync(w.PairId, PairWorld.At(3), MeetingStatus.Held);
        await w.MeetingAsync(w.OtherPairId, PairWorld.At(30), MeetingStatus.Held);
        w.Day(41);

        var api = await (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync("/api/v1/dashboard")).JsonAsync();
        var weeks = api.GetProperty("pace").GetProperty("weeks").EnumerateArray().ToList();
        weeks.Count.ShouldBe(6);
        // Week 1 (to 7 January): the pair met on day 3; week 6 (to 11 February): the pair's meeting is 39 days old, the other's 11.
        (weeks[0].GetProperty("metRecently").GetInt32(), weeks[0].GetProperty("silent").GetInt32(), weeks[0].GetProperty("notMetYet").GetInt32()).ShouldBe((1, 0, 2));
        (weeks[5].GetProperty("metRecently").GetInt32(), weeks[5].GetProperty("silent").GetInt32(), weeks[5].GetProperty("notMetYet").GetInt32()).ShouldBe((1, 1, 1));

        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), "/Dashboard?culture=zh-Hans");
        page.QuerySelector("#weekly-pace svg")!.GetAttribute("role").ShouldBe("img");
        page.QuerySelector("#weekly-pace svg title")!.TextContent.ShouldStartWith("活跃配对的每周进度");
        page.QuerySelectorAll("#weekly-pace table.chart-data tbody tr").Length.ShouldBe(6);
    }
}
