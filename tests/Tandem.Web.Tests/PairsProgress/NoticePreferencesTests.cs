using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

/// <summary>Each person chooses, per notice kind, an email as it happens, a daily digest, or no email; the app shows every notice.</summary>
public sealed class NoticePreferencesTests
{
    private static Task<int> DigestAsync(PairWorld w)
    {
        var scope = w.Factory.Services.CreateScope();
        return Run();

        async Task<int> Run()
        {
            using (scope) return await scope.ServiceProvider.GetRequiredService<NoticeDigestJob>().RunOnceAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ChoicesDecideTheEmailsAndTheDailyDigestGoesOutOnceADay(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        w.Day(5, hour: 8);
        var menteePage = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var page = await Pages.GetDocumentAsync(menteePage, "/Notifications/Preferences");
        page.QuerySelector("select[name='Choices[message]'] option[selected]")!.GetAttribute("value").ShouldBe("Immediately");
        (await Pages.GetDocumentAsync(menteePage, "/Notifications")).QuerySelector("#preferences-link").ShouldNotBeNull();

        // Chinese: every kind's name is translated.
        var zh = (await Pages.GetDocumentAsync(menteePage, "/Notifications/Preferences?culture=zh-Hans")).QuerySelector("#preferences")!.TextContent;
        foreach (var label in NoticePreferences.Labels.Values) zh.ShouldNotContain(label);
        zh.ShouldContain("每日摘要");

        (await Pages.PostFormAsync(menteePage, "/Notifications/Preferences", new() { ["Choices[message]"] = "Off", ["Choices[meeting-proposed]"] = "DailyDigest" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var bad = await Pages.PostFormAsync(menteePage, "/Notifications/Preferences", new() { ["Choices[no-such-kind]"] = "Off" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await bad.Content.ReadAsStringAsync())).ShouldContain("There is no notice kind \"no-such-kind\".");

        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var badApi = await api.PutAsJsonAsync("/api/v1/me/notice-preferences", new { choices = new Dictionary<string, string> { ["message"] = "Immediately", ["pair-completed"] = "Immediately" } });
        (await badApi.ErrorFieldsAsync()).ShouldBe(["Choices"]);
        (await api.PutAsJsonAsync("/api/v1/me/notice-preferences", new { choices = new Dictionary<string, string> { ["message"] = "Sometimes" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var mine = (await (await api.GetAsync("/api/v1/me/notice-preferences")).JsonAsync()).EnumerateArray().ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("email").GetString());
        mine["message"].ShouldBe("Off");
        mine["meeting-proposed"].ShouldBe("DailyDigest");
        mine["work-shared"].ShouldBe("Immediately");
        mine.ShouldNotContainKey("pair-completed");  // no email to choose
        (await w.Factory.Anonymous().GetAsync("/api/v1/me/notice-preferences")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The mentor writes, proposes a meeting and recommends a resource: all three show in the mentee's app; only the
        // recommendation (default: as it happens) is emailed now.
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = "PRIVATE hello" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", new { startsAt = PairWorld.At(9, 9), durationMinutes = 45, format = "Video", location = "https://meet.example/x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = "A book", url = "https://example.org/book" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await w.NotificationsAsync()).Count(n => n.UserId == w.MenteeId).ShouldBe(3);
        (await w.Factory.MailAsync()).Where(m => m.To == PairWorld.Mentee).Select(m => m.Subject).ShouldBe(["Mona Mentor recommended a resource in Tandem"]);

        // The digest gathers the proposal (not the message: its email is off), once a day.
        (await DigestAsync(w)).ShouldBe(1);
        (await DigestAsync(w)).ShouldBe(0);
        var digest = (await w.Factory.MailAsync()).Where(m => m.To == PairWorld.Mentee && m.Subject.StartsWith("Your Tandem digest", StringComparison.Ordinal)).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Your Tandem digest: 1 notices");
        digest.Body.ShouldContain("Mona Mentor proposed a meeting on");
        digest.Body.ShouldContain(TandemFactory.PublicUrl + "/Meetings/");
        digest.Body.ShouldContain(TandemFactory.PublicUrl + "/Notifications/Preferences");
        digest.Body.ShouldNotContain("PRIVATE");
        digest.Body.ShouldNotContain("sent you a message");

        // Next day: a new proposal; two instances run the job at once and exactly one digest goes out.
        w.Day(6, hour: 9);
        mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", new { startsAt = PairWorld.At(12, 9), durationMinutes = 45, format = "Video", location = "https://meet.example/y" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var runs = await Task.WhenAll(DigestAsync(w), DigestAsync(w));
        runs.Sum().ShouldBe(1);
        (await w.Factory.WithDbAsync(d => d.QueuedEmails.CountAsync(e => e.Kind == NoticeDigestJob.Kind))).ShouldBe(2);
        w.Day(7, hour: 10);
        (await DigestAsync(w)).ShouldBe(0);  // nothing new: no empty digest
    }
}
