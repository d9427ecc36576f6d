using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Notifications;

/// <summary>A mentee who reads Tandem in Chinese and a mentor who reads it in English live a few weeks of their pair.</summary>
public sealed partial class NoticeJourneyTests
{
    private const string Marker = "PRIVATE-MARKER";

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task EachPersonIsToldInTheirOwnLanguageAndTimeZoneWithLinksThatWorkFromAMailClientAndNothingPrivate(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        // She switches to 中文 while signed in; the mentor never chose, and his browser asks for English.
        var menteePage = await w.Factory.PageClientAsync(PairWorld.Mentee);
        (await menteePage.GetAsync("/culture/zh-Hans")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        mentor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var proposed = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(1), $"{Marker}-agenda: my promotion case"));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = (await proposed.JsonAsync()).GetProperty("id").GetInt32();
        var countered = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{first}/counter", new { startsAt = PairWorld.Now.AddDays(3) });
        countered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = (await countered.JsonAsync()).GetProperty("id").GetInt32();
        (await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{second}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = $"{Marker}-message: about your manager" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = $"{Marker}-reply" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{second}/note", new { text = $"{Marker}-note" })).IsSuccessStatusCode.ShouldBeTrue();

        var mails = await w.Factory.MailAsync();
        var toMentee = mails.Where(m => m.To == PairWorld.Mentee).ToList();
        var toMentor = mails.Where(m => m.To == PairWorld.Mentor).ToList();
        toMentee.Count.ShouldBe(2);   // the counter-proposal, the message
        toMentor.Count.ShouldBe(3);   // the proposal, the acceptance, the reply

        // The mentee's emails are Chinese though an English-speaking mentor caused them, with the time in her zone.
        var counter = toMentee.Single(m => m.Subject.Contains("提议了其他时间", StringComparison.Ordinal));
        counter.Subject.ShouldBe("Wang Li在 Tandem 提议了其他时间");
        counter.Body.ShouldContain("17:00");                                   // 13 May 09:00 UTC in Shanghai
        counter.Body.ShouldContain("Asia/Shanghai，UTC+08:00");
        counter.Body.ShouldNotContain("09:00");
        counter.Body.ShouldContain(TandemFactory.PublicUrl + $"/Meetings/{second}");
        toMentee.ShouldAllBe(m => !m.Body.Contains("Please") && !m.Subject.Contains("Tandem proposed") && ChineseRegex().IsMatch(m.Subject));
        toMentee.Single(m => m.Subject == "您在 Tandem 收到来自Wang Li的新消息").Body.ShouldContain(TandemFactory.PublicUrl + $"/Messages/{w.PairId}");
        // The mentor's are English, in the program's zone (he has not chosen one).
        toMentor.ShouldAllBe(m => !ChineseRegex().IsMatch(m.Subject) && !m.Body.Contains('请'));
        toMentor.Single(m => m.Subject == "Zhao Min accepted your meeting in Tandem").Body.ShouldContain("Thursday, May 13, 2027 5:00 PM (Asia/Shanghai, UTC+08:00)");

        foreach (var mail in mails)
        {
            mail.Body.ShouldNotContain(Marker);
            mail.Subject.ShouldNotContain(Marker);
            var links = LinkRegex().Matches(mail.Body).Select(m => m.Value).ToList();
            links.ShouldNotBeEmpty();
            links.ShouldAllBe(l => l.StartsWith(TandemFactory.PublicUrl + "/", StringComparison.Ordinal));
            // Nothing that looks like a bare app path is left outside those links.
            PathRegex().IsMatch(LinkRegex().Replace(mail.Body, "")).ShouldBeFalse(mail.Body);
        }

        // Each notice is in the app too, and its email is recorded as sent.
        (await w.Factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(5);
        (await w.Factory.WithDbAsync(d => d.QueuedEmails.CountAsync(e => e.Status == Tandem.Web.Features.Notifications.EmailStatus.Sent))).ShouldBe(5);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"(^|\s)/(Meetings|Messages|Pairs|Events|Applications|Profiles|Closure|CheckIns|Feedback)\b")]
    private static partial Regex PathRegex();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseRegex();
}
