using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Notifications;

public sealed partial class NoticeKindsTests
{
    private static readonly string Resx = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory,
        "../../../../../src/Tandem.Web/Resources/Features/Notifications/NotificationsText.zh-Hans.resx"));

    [Fact]
    public void EveryKindHasAUniqueShortKeyAndEveryEmailingKindHasASubjectAndABody()
    {
        NoticeKinds.All.Select(k => k.Key).ShouldBeUnique();
        NoticeKinds.All.ShouldAllBe(k => k.Key.Length <= 40 && k.InApp.Length > 0);
        NoticeKinds.All.Where(k => k.EmailsByDefault).ShouldAllBe(k => k.Emails);
        // The table lists every kind declared on NoticeKinds, so none is left out of what preferences will offer.
        var declared = typeof(NoticeKinds).GetFields().Where(f => f.FieldType == typeof(NoticeKind)).Select(f => (NoticeKind)f.GetValue(null)!);
        NoticeKinds.All.ShouldBe(declared, ignoreOrder: true);
    }

    [Fact]
    public void EveryTextOfEveryKindHasAChineseTranslationWithTheSamePlaceholders()
    {
        var zh = XDocument.Load(Resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var texts = NoticeKinds.All.SelectMany(k => new[] { k.InApp, k.Subject, k.Body, k.NoteLabel }).OfType<string>()
            .Concat(NoticeKinds.Terms).Append(NoticeText.Footer).Append(NoticeText.TimeWithZone).Distinct().ToList();
        texts.Count.ShouldBeGreaterThan(30);
        foreach (var text in texts)
        {
            zh.ShouldContainKey(text);
            Placeholders(zh[text]).ShouldBe(Placeholders(text), $"placeholders of \"{text}\"");
            zh[text].ShouldNotBe(text);
        }
    }

    private static string[] Placeholders(string s) => PlaceholderRegex().Matches(s).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderRegex();

    [Fact]
    public async Task AnEmailIsWrittenInTheRecipientsLanguageAndTimeZoneWithAnAbsoluteLink()
    {
        using var factory = new TandemFactory();
        var zhong = await factory.CreateUserAsync("zhong@example.com", profile: p => { p.DisplayName = "Zhong"; p.TimeZone = "America/New_York"; });
        var ellis = await factory.CreateUserAsync("ellis@example.com", profile: p => p.DisplayName = "Ellis");
        await factory.WithDbAsync(d => d.Users.Where(u => u.Id == zhong).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "zh-Hans")));
        var startsAt = new DateTime(2027, 3, 1, 14, 30, 0, DateTimeKind.Utc);
        using (var scope = factory.Services.CreateScope())
        {
            var notices = scope.ServiceProvider.GetRequiredService<Notices>();
            var args = new[] { NoticeArg.Name("Wang Li"), NoticeArg.Time(startsAt), NoticeArg.Number(60) };
            (await notices.AddAsync(NoticeKinds.MeetingProposed, [new Notice(zhong, "/Meetings/7", args), new Notice(ellis, "/Meetings/8", args)], default)).ShouldBe(2);
            await scope.ServiceProvider.GetRequiredService<TandemDb>().SaveChangesAsync();
        }

        var mails = await factory.MailAsync();
        var chinese = mails.Single(m => m.To == "zhong@example.com");
        chinese.Subject.ShouldBe("Wang Li在 Tandem 提议了一次会面");
        chinese.Body.ShouldContain("请接受或提议其他时间");
        chinese.Body.ShouldContain("9:30");                               // 14:30 UTC in New York, winter time
        chinese.Body.ShouldContain("America/New_York，UTC-05:00");
        chinese.Body.ShouldContain(TandemFactory.PublicUrl + "/Meetings/7");
        chinese.Body.ShouldNotContain("Please accept");
        var english = mails.Single(m => m.To == "ellis@example.com");
        english.Subject.ShouldBe("Wang Li proposed a meeting in Tandem");
        english.Body.ShouldContain("Monday, March 1, 2027 10:30 PM (Asia/Shanghai, UTC+08:00)");  // no zone chosen: the program's
        english.Body.ShouldContain("(60 minutes)");
        english.Body.ShouldContain(TandemFactory.PublicUrl + "/Meetings/8");
        english.Body.ShouldNotContain("请");

        // The same notice in the app speaks the reader's language and zone at the time of reading.
        var api = await factory.ApiClientAsync("zhong@example.com");
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var list = await (await api.GetAsync("/api/v1/me/notifications")).JsonAsync();
        var item = list.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("text").GetString()!.ShouldStartWith("Wang Li提议在 ");
        item.GetProperty("text").GetString()!.ShouldContain("America/New_York");
        item.GetProperty("link").GetString().ShouldBe("/Meetings/7");
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("zhong@example.com"), "/Notifications");
        page.QuerySelector("#notifications li")!.TextContent.ShouldContain("(America/New_York)");
    }
}
