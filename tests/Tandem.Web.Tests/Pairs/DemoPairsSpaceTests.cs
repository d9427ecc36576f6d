using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Meetings;
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
        await factory.WithDbAsync(async db =>
        {
            await DemoPairsSpace.SeedAsync(db, TimeProvider.System, CancellationToken.None);
            (await db.Pairs.CountAsync()).ShouldBe(1);
            (await db.Agreements.CountAsync()).ShouldBe(1);
            (await db.Meetings.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync())
                .Select(g => (g.Key, g.Count)).ShouldBe([(MeetingStatus.Proposed, 1), (MeetingStatus.Accepted, 1), (MeetingStatus.Held, 2)]);
        });

        var mentee = await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var pairId = await factory.WithDbAsync(db => db.Pairs.Select(p => p.Id).SingleAsync());
        var home = await Pages.GetDocumentAsync(mentee, $"/Pairs/{pairId}");
        home.QuerySelector("#meeting-count")!.TextContent.ShouldContain("2 of at least 3 meetings held");
        home.QuerySelector("#other")!.TextContent.ShouldContain("Wang Li");
        var mentor = await factory.PageClientAsync("mentor@tandem.local", DemoData.Password);
        var held = await factory.WithDbAsync(db => db.MeetingNotes.Select(n => n.MeetingId).FirstAsync());
        var html = await mentor.GetStringAsync($"/Meetings/{held}");
        html.ShouldContain("She is ready for more than she thinks");
        html.ShouldNotContain("I still get nervous");
        (await Pages.GetDocumentAsync(mentee, $"/Sharing/{pairId}")).QuerySelector("#introductions")!.TextContent.ShouldContain("Liu Fang");
    }
}
