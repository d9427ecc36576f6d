using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Meetings;
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
        var (pairId, held) = await factory.WithDbAsync(async db =>
        {
            var pairs = await db.Pairs.CountAsync();
            var agreements = await db.Agreements.CountAsync();
            await DemoPairsSpace.SeedAsync(db, TimeProvider.System, CancellationToken.None);
            (await db.Pairs.CountAsync()).ShouldBe(pairs);
            (await db.Agreements.CountAsync()).ShouldBe(agreements);

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
    }
}
