using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Pairs;

public sealed class DemoPairsSpaceTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheDemoMenteeFindsALivedInPairSpaceAndSeedingTwiceAddsNothing(Db provider)
    {
        using var factory = new TandemFactory(provider);
        _ = factory.Server;
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        var (pairs, agreements, notices) = await factory.WithDbAsync(async db => (await db.Pairs.CountAsync(), await db.Agreements.CountAsync(), await db.Notifications.CountAsync()));
        using (var scope = factory.Services.CreateScope())
            await DemoPairsSpace.SeedAsync(scope.ServiceProvider.GetRequiredService<TandemDb>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<Notices>(), CancellationToken.None);
        var (pairId, held) = await factory.WithDbAsync(async db =>
        {
            (await db.Pairs.CountAsync()).ShouldBe(pairs);
            (await db.Agreements.CountAsync()).ShouldBe(agreements);
            (await db.Notifications.CountAsync()).ShouldBe(notices);

            var mentee = await db.Users.Where(u => u.Email == "mentee@tandem.local").Select(u => u.Id).SingleAsync();
            var pair = await db.Pairs.Where(p => p.MenteeId == mentee && p.Status == PairStatus.Active).Select(p => p.Id).SingleAsync();
            (await db.Agreements.CountAsync(a => a.PairId == pair)).ShouldBe(1);
            var statuses = await db.Meetings.Where(m => m.PairId == pair).Select(m => m.Status).ToListAsync();
            statuses.Count(s => s == MeetingStatus.Proposed).ShouldBeGreaterThanOrEqualTo(1);
            statuses.Count(s => s == MeetingStatus.Accepted).ShouldBeGreaterThanOrEqualTo(1);
            statuses.Count(s => s == MeetingStatus.Held).ShouldBeGreaterThanOrEqualTo(2);
            return (pair, statuses.Count(s => s == MeetingStatus.Held));
        });

        var mentee = await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var home = await Pages.GetDocumentAsync(mentee, $"/Pairs/{pairId}");
        home.QuerySelector("#meeting-count")!.TextContent.ShouldContain($"{held} of at least 3 meetings held");
        home.QuerySelector("#other")!.TextContent.ShouldContain("Wang Li");
        var mentor = await factory.PageClientAsync("mentor@tandem.local", DemoData.Password);
        var noted = await factory.WithDbAsync(db => db.MeetingNotes.Join(db.Meetings, n => n.MeetingId, m => m.Id, (n, m) => m)
            .Where(m => m.PairId == pairId).Select(m => m.Id).FirstAsync());
        var html = await mentor.GetStringAsync($"/Meetings/{noted}");
        html.ShouldContain("She is ready for more than she thinks");
        html.ShouldNotContain("I still get nervous");
        (await Pages.GetDocumentAsync(mentee, $"/Sharing/{pairId}")).QuerySelector("#introductions")!.TextContent.ShouldContain("Liu Fang");

        // Both find notices in their bell on first run, each leading to what happened.
        var menteeBell = await Pages.GetDocumentAsync(mentee, "/Notifications");
        menteeBell.QuerySelector("#unread-count")!.TextContent.ShouldBe("3");
        var lines = menteeBell.QuerySelectorAll("#notifications li").Select(l => l.TextContent).ToList();
        lines.ShouldContain(l => l.Contains("Wang Li accepted the meeting on", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("Wang Li commented on shared work.", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("Wang Li sent you a message.", StringComparison.Ordinal));
        var mentorBell = await Pages.GetDocumentAsync(mentor, "/Notifications?culture=zh-Hans");
        mentorBell.QuerySelector("#unread-count")!.TextContent.ShouldBe("2");
        mentorBell.QuerySelector("#notifications a[href^='/Meetings/']").ShouldNotBeNull();

        // A reverse pair lives in the demo: labelled on its home, on My pairs and on the coordinator's overview.
        var reverse = await factory.WithDbAsync(db => db.Pairs.Where(p => p.Reverse && p.Status == PairStatus.Active)
            .Select(p => new { p.Id, p.CohortId, Mentee = db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.Email).Single() }).SingleAsync());
        var reverseMentee = await factory.PageClientAsync(reverse.Mentee!, DemoData.Password);
        (await Pages.GetDocumentAsync(reverseMentee, $"/Pairs/{reverse.Id}")).QuerySelector("#reverse")!.TextContent.ShouldBe("Reverse mentoring");
        (await Pages.GetDocumentAsync(reverseMentee, "/Pairs/Mine?culture=zh-Hans")).QuerySelector($"tr[data-pair='{reverse.Id}'] .reverse")!.TextContent.ShouldBe("反向指导");
        var coordinator = await factory.PageClientAsync("coordinator@tandem.local", DemoData.Password);
        (await Pages.GetDocumentAsync(coordinator, $"/Pairs/Overview?cohortId={reverse.CohortId}")).QuerySelectorAll(".reverse").Length.ShouldBe(1);
    }
}
