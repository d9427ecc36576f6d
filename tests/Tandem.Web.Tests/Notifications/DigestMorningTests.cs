using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Notifications;

/// <summary>The daily digest reaches each person at their own morning hour (08:00 in their zone), not at one UTC hour.</summary>
public sealed class DigestMorningTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheDigestGoesOutAtEachPersonsLocalMorningInShanghaiAndNewYork(Db db)
    {
        // The mentee lives in Shanghai (UTC+8); the mentor in New York (UTC−4 in May).
        using var w = await PairWorld.CreateAsync(db);
        await w.Factory.WithDbAsync(d => d.Profiles.Where(p => p.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "America/New_York")));
        foreach (var who in new[] { PairWorld.Mentee, PairWorld.Mentor })
        {
            var api = await w.Factory.ApiClientAsync(who);
            (await api.PutAsJsonAsync("/api/v1/me/notice-preferences", new { choices = new Dictionary<string, string> { ["message"] = "DailyDigest" } }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await ExchangeAsync(w);  // 10 May 09:00 UTC

        At(w, 5, 10, 10, 0);     // Shanghai 18:00 (past its morning), New York 06:00 (not yet)
        (await DigestsAsync(w)).ShouldBe([PairWorld.Mentee]);
        At(w, 5, 10, 12, 30);    // New York 08:30
        (await DigestsAsync(w)).ShouldBe([PairWorld.Mentee, PairWorld.Mentor]);

        At(w, 5, 10, 23, 30);    // Shanghai 07:30 on the 11th: not yet its morning, though a UTC day has nearly passed
        await ExchangeAsync(w);
        (await DigestsAsync(w)).Count.ShouldBe(2);
        At(w, 5, 11, 0, 30);     // Shanghai 08:30 on the 11th; New York 20:30 on the 10th, its digest already sent
        (await DigestsAsync(w)).ShouldBe([PairWorld.Mentee, PairWorld.Mentor, PairWorld.Mentee]);
        At(w, 5, 11, 11, 30);    // New York 07:30 on the 11th
        (await DigestsAsync(w)).Count.ShouldBe(3);
        At(w, 5, 11, 12, 0);     // New York 08:00
        (await DigestsAsync(w)).ShouldBe([PairWorld.Mentee, PairWorld.Mentor, PairWorld.Mentee, PairWorld.Mentor]);

        var mails = (await w.Factory.MailAsync()).Where(m => m.Subject.StartsWith("Your Tandem digest", StringComparison.Ordinal)).ToList();
        mails[3].Subject.ShouldBe("Your Tandem digest: 1 notices");
        mails[3].Body.ShouldContain("Zhao Min sent you a message");
        mails[3].Body.ShouldContain(TandemFactory.PublicUrl + "/Messages/" + w.PairId);
    }

    private static void At(PairWorld w, int month, int day, int hour, int minute) => w.Clock.Now = new DateTimeOffset(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task ExchangeAsync(PairWorld w)
    {
        // Each read the last exchange, so each new message is a new notice.
        var now = w.Clock.Now.UtcDateTime;
        await w.Factory.WithDbAsync(d => d.Messages.Where(m => m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now)));
        foreach (var who in new[] { PairWorld.Mentee, PairWorld.Mentor })
        {
            var api = await w.Factory.ApiClientAsync(who);
            (await api.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = "PRIVATE hello" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    /// <summary>Runs the job once and returns who has received a digest so far, in order.</summary>
    private static async Task<List<string>> DigestsAsync(PairWorld w)
    {
        using (var scope = w.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NoticeDigestJob>().RunOnceAsync(CancellationToken.None);
        return await w.Factory.WithDbAsync(d => d.QueuedEmails.AsNoTracking().Where(e => e.Kind == NoticeDigestJob.Kind).OrderBy(e => e.Id).Select(e => e.To).ToListAsync());
    }
}
