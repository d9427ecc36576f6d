using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Shared.Calendar;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

/// <summary>The calendar text is checked by a real RFC 5545 parser: Debian's python3-icalendar (CI installs it; without it these tests fail).</summary>
public sealed class IcsTests
{
    private const string Description = "准备问题：如何在季度规划中领导团队, and how to negotiate; a \\ backslash.\nSecond line with more words so that the content line is far longer than seventy-five octets and must be folded 多次折行测试多次折行测试。";

    [Fact]
    public async Task TheCalendarFileRoundTripsThroughARealParserWithChineseFoldingAndEscaping()
    {
        var start = new DateTime(2027, 5, 12, 6, 30, 0, DateTimeKind.Utc);
        var ics = CalendarFile.Write([new IcsEvent("meeting-7@tandem", start, start.AddMinutes(90),
            "导师会面: Zhao Min & Wang Li; Q2, planning", "Café Lumen, 3rd floor; room \"A\"", Description, "https://tandem.test/Meetings/7", 3, "CONFIRMED",
            new IcsPerson("Zhao, \"Min\"\nline", "mentee@example.com"), [new IcsPerson("Zhao, Min", "mentee@example.com"), new IcsPerson("王丽", "mentor@example.com")])],
            "REQUEST", new DateTime(2027, 5, 10, 9, 0, 0, DateTimeKind.Utc), "Tandem");

        var lines = ics.Split("\r\n");
        lines[^1].ShouldBe("");
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\n");
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines.Count(l => l.StartsWith(' ')).ShouldBeGreaterThan(1);
        ics.ShouldContain("SUMMARY:导师会面: Zhao Min & Wang Li\\; Q2\\, planning");
        ics.ShouldNotContain("VTIMEZONE");

        var parsed = await ParseAsync(ics);
        parsed.GetProperty("method").GetString().ShouldBe("REQUEST");
        parsed.GetProperty("name").GetString().ShouldBe("Tandem");
        var e = parsed.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("uid").GetString().ShouldBe("meeting-7@tandem");
        e.GetProperty("summary").GetString().ShouldBe("导师会面: Zhao Min & Wang Li; Q2, planning");
        e.GetProperty("description").GetString().ShouldBe(Description);
        e.GetProperty("location").GetString().ShouldBe("Café Lumen, 3rd floor; room \"A\"");
        e.GetProperty("url").GetString().ShouldBe("https://tandem.test/Meetings/7");
        e.GetProperty("dtstart").GetString().ShouldBe("2027-05-12T06:30:00+00:00");
        e.GetProperty("dtend").GetString().ShouldBe("2027-05-12T08:00:00+00:00");
        e.GetProperty("dtstamp").GetString().ShouldBe("2027-05-10T09:00:00+00:00");
        e.GetProperty("sequence").GetInt32().ShouldBe(3);
        e.GetProperty("status").GetString().ShouldBe("CONFIRMED");
        e.GetProperty("organizer").GetString().ShouldBe("mailto:mentee@example.com");
        e.GetProperty("organizer_cn").GetString().ShouldBe("Zhao, 'Min' line");
        e.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()).ShouldBe(["mailto:mentee@example.com", "mailto:mentor@example.com"]);
    }

    [Fact]
    public async Task InAReadersTimeZoneTheTimesCarryATzidAndItsVTimezoneAndStayTheSameInstant()
    {
        var start = new DateTime(2027, 5, 12, 6, 30, 0, DateTimeKind.Utc);
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var ics = CalendarFile.Write([new IcsEvent("webinar-3@tandem", start, start.AddHours(1), "Negotiation")], "PUBLISH", start, zone: beijing);

        ics.ShouldContain("DTSTART;TZID=Asia/Shanghai:20270512T143000");
        var parsed = await ParseAsync(ics);
        parsed.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()).ShouldBe(["Asia/Shanghai"]);
        var e = parsed.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("dtstart_tzid").GetString().ShouldBe("Asia/Shanghai");
        e.GetProperty("dtstart").GetString().ShouldBe("2027-05-12T14:30:00+08:00");
        e.GetProperty("dtstart_utc").GetString().ShouldBe("2027-05-12T06:30:00+00:00");
        e.GetProperty("organizer").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AMeetingsInvitationCarriesItsSharedAgendaButNeverAPrivateNote(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var created = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2), "问题一：如何准备述职, with commas; and semicolons"));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        (await mentee.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/note", new { text = "PRIVATE-NOTE" })).EnsureSuccessStatusCode();

        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var response = await mentor.GetAsync($"/Meetings/{id}/invite.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await response.Content.ReadAsStringAsync();
        ics.ShouldNotContain("PRIVATE-NOTE");

        var e = (await ParseAsync(ics)).GetProperty("events").EnumerateArray().Single();
        e.GetProperty("uid").GetString().ShouldBe($"meeting-{id}@tandem");
        e.GetProperty("status").GetString().ShouldBe("TENTATIVE");
        e.GetProperty("description").GetString()!.ShouldContain("问题一：如何准备述职, with commas; and semicolons");
        e.GetProperty("dtstart_utc").GetString().ShouldBe("2027-05-12T09:00:00+00:00");
        e.GetProperty("summary").GetString().ShouldBe("Tandem: Zhao Min & Wang Li");
        // The mentor set no time zone: the app's one fallback zone, as her pages show.
        e.GetProperty("dtstart_tzid").GetString().ShouldBe("Asia/Shanghai");
        e.GetProperty("dtstart").GetString().ShouldBe("2027-05-12T17:00:00+08:00");
    }

    [Fact]
    public async Task TheSecretFeedListsTheLiveMeetingsAndARegeneratedLinkRetiresTheOldOne()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var first = (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)))).JsonAsync()).GetProperty("id").GetInt32();
        var second = (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(9)))).JsonAsync()).GetProperty("id").GetInt32();
        (await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{second}/cancel", null)).EnsureSuccessStatusCode();

        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var link = new Uri((await Pages.GetDocumentAsync(page, "/Meetings/Calendar")).QuerySelector("#feed-url")!.GetAttribute("value")!);
        var anonymous = w.Factory.Anonymous();
        var feed = await anonymous.GetAsync(link.PathAndQuery);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var parsed = await ParseAsync(await feed.Content.ReadAsStringAsync());
        parsed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ShouldBe([$"meeting-{first}@tandem"]);
        // The mentee's profile says Asia/Shanghai: her feed speaks her zone, at the same instant.
        parsed.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()).ShouldBe(["Asia/Shanghai"]);
        var only = parsed.GetProperty("events")[0];
        only.GetProperty("dtstart_tzid").GetString().ShouldBe("Asia/Shanghai");
        only.GetProperty("dtstart_utc").GetString().ShouldBe("2027-05-12T09:00:00+00:00");
        parsed.GetProperty("method").ValueKind.ShouldBe(JsonValueKind.Null);
        link.AbsolutePath.Length.ShouldBeGreaterThan("/calendar/.ics".Length + 40); // 32 random bytes, url-safe

        (await Pages.PostFormAsync(page, "/Meetings/Calendar", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(link.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var fresh = new Uri((await Pages.GetDocumentAsync(page, "/Meetings/Calendar")).QuerySelector("#feed-url")!.GetAttribute("value")!);
        fresh.ShouldNotBe(link);
        (await anonymous.GetAsync(fresh.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Writes the text to a file and lets python3-icalendar parse it; fails (never skips) when the parser is missing.</summary>
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task FirstVisitsToTheCalendarPageAtOnceAllGetTheSameSecretLink(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => page.GetAsync("/Meetings/Calendar", TestContext.Current.CancellationToken)));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var links = await Task.WhenAll(responses.Select(async r =>
            (await Pages.ParseAsync(await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))).QuerySelector("#feed-url")!.GetAttribute("value")));
        links.Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
    }

    internal static async Task<JsonElement> ParseAsync(string ics)
    {
        const string python = "/usr/bin/python3";
        File.Exists(python).ShouldBeTrue("Debian's /usr/bin/python3 is needed to check the calendar text (apt-get install python3-icalendar)");
        var file = Path.Combine(Path.GetTempPath(), "tandem-" + Guid.NewGuid().ToString("N") + ".ics");
        await File.WriteAllTextAsync(file, ics, new UTF8Encoding(false));
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Meetings", "ics_parse.py");
            var start = new ProcessStartInfo(python, [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, "python3-icalendar could not parse the calendar (is python3-icalendar installed?): " + error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally { File.Delete(file); }
    }
}
