using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.PairsProgress;

namespace Tandem.Web.Tests.Reports;

/// <summary>
/// Bilingual program content (the Chinese UI shows the Chinese version and falls back to English), feedforward themes
/// counted as tags with figures from fewer than 3 pairs left out, and the report's distributions, engagement and donations.
/// </summary>
public sealed class ContentTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheChineseUiShowsTheChineseVersionAndFallsBackToEnglish(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        (await api.PutAsJsonAsync($"/api/v1/cohorts/{w.CohortId}", new
        {
            name = "2027 Spring", nameZh = "2027 春季", applicationsOpenOn = "2026-11-01", applicationsCloseOn = "2026-12-01", startsOn = "2027-01-01", endsOn = "2027-06-29",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync("/api/v1/program", new
        {
            name = "Her Tandem", nameZh = "她的同行", description = "Mentoring for women.", descriptionZh = "女性导师计划。", defaultCurrency = "CNY",
            donationRecipient = "Spring Bud", donationRecipientZh = "春蕾计划", cohortLengthMonths = 6, cohortsPerYear = 2, minimumMeetings = 3,
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var program = await (await api.GetAsync("/api/v1/program")).JsonAsync();
        program.GetProperty("nameZh").GetString().ShouldBe("她的同行");
        var track = program.GetProperty("tracks")[0];
        (await api.PutAsJsonAsync($"/api/v1/program/tracks/{track.GetProperty("id").GetInt32()}", new
        {
            code = track.GetProperty("code").GetString(), name = track.GetProperty("name").GetString(), nameZh = "标准",
            menteeLevels = track.GetProperty("menteeLevels"), mentorLevels = track.GetProperty("mentorLevels"),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await api.PostAsJsonAsync("/api/v1/events", new
        {
            kind = "Lunch", title = "Spring lunch", titleZh = "春季午餐", startsAt = PairWorld.At(20, 4), endsAt = PairWorld.At(20, 6), audience = "All",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lunch = (await created.JsonAsync()).GetProperty("id").GetInt32();
        // No Chinese title: the Chinese UI shows the English one.
        var coffee = (await (await api.PostAsJsonAsync("/api/v1/events", new
        {
            kind = "MorningCoffee", title = "Morning coffee", startsAt = PairWorld.At(21, 1), endsAt = PairWorld.At(21, 2), audience = "All",
        })).JsonAsync()).GetProperty("id").GetInt32();

        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var zh = await Pages.GetDocumentAsync(browser, $"/Cohorts/{w.CohortId}?culture=zh-Hans");
        zh.QuerySelector("h1")!.TextContent.ShouldContain("2027 春季");
        var en = await Pages.GetDocumentAsync(browser, $"/Cohorts/{w.CohortId}?culture=en");
        en.QuerySelector("h1")!.TextContent.ShouldContain("2027 Spring");
        en.QuerySelector("h1")!.TextContent.ShouldNotContain("春季");

        // The mentee sees her cohort's Chinese name on the pair home and in My applications.
        await w.ApplicationAsync(w.MenteeId, Tandem.Web.Features.Applications.ApplicationRole.Mentee);
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        foreach (var path in new[] { $"/Pairs/{w.PairId}", "/Applications/Mine" })
        {
            (await Pages.GetDocumentAsync(mentee, $"{path}?culture=zh-Hans")).QuerySelector("main")!.TextContent.ShouldContain("2027 春季", customMessage: path);
            (await Pages.GetDocumentAsync(mentee, $"{path}?culture=en")).QuerySelector("main")!.TextContent.ShouldNotContain("春季", customMessage: path);
        }

        (await Pages.GetDocumentAsync(browser, $"/Events/{lunch}?culture=zh-Hans")).QuerySelector("h1")!.TextContent.ShouldContain("春季午餐");
        (await Pages.GetDocumentAsync(browser, $"/Events/{lunch}?culture=en")).QuerySelector("h1")!.TextContent.ShouldContain("Spring lunch");
        (await Pages.GetDocumentAsync(browser, $"/Events/{coffee}?culture=zh-Hans")).QuerySelector("h1")!.TextContent.ShouldContain("Morning coffee");

        var anonymous = w.Factory.Anonymous();
        var home = await Pages.GetDocumentAsync(anonymous, "/?culture=zh-Hans");
        home.QuerySelector("h1")!.TextContent.ShouldBe("她的同行");
        home.QuerySelector("p.lead")!.TextContent.ShouldBe("女性导师计划。");
        home.QuerySelector($"#track-{track.GetProperty("code").GetString()} h3")!.TextContent.ShouldBe("标准");
        var english = await Pages.GetDocumentAsync(anonymous, "/?culture=en");
        english.QuerySelector("h1")!.TextContent.ShouldBe("Her Tandem");
        english.QuerySelector($"#track-{track.GetProperty("code").GetString()} h3")!.TextContent.ShouldBe(track.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AChineseVersionTooLongIsRefusedAndChangesNothing()
    {
        using var w = await PairWorld.CreateAsync();
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var response = await api.PutAsJsonAsync($"/api/v1/cohorts/{w.CohortId}", new
        {
            name = "2027 Spring", nameZh = new string('春', 101), applicationsOpenOn = "2026-11-01", applicationsCloseOn = "2026-12-01", startsOn = "2027-01-01",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("NameZh", out _).ShouldBeTrue();
        (await w.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == w.CohortId).Select(c => c.NameZh).SingleAsync())).ShouldBeNull();
    }

    /// <summary>Three more pairs closed at the end of the cohort, so five in all; each of the six people writes feedback with themes.</summary>
    private static async Task<(PairWorld World, IReadOnlyList<(int Pair, string Mentee, string Mentor)> Pairs)> ClosedCohortAsync(Db provider)
    {
        var w = await PairWorld.CreateAsync(provider);
        var pairs = new List<(int, string, string)> { (w.PairId, PairWorld.Mentee, PairWorld.Mentor), (w.OtherPairId, PairWorld.OtherMentee, PairWorld.OtherMentor) };
        foreach (var n in new[] { "c", "d", "e" })
        {
            var mentee = await w.Factory.CreateUserAsync($"mentee-{n}@example.com", profile: p => p.DisplayName = $"Mentee {n}");
            var mentor = await w.Factory.CreateUserAsync($"mentor-{n}@example.com", profile: p => p.DisplayName = $"Mentor {n}");
            pairs.Add((await w.PairAsync(mentee, mentor), $"mentee-{n}@example.com", $"mentor-{n}@example.com"));
        }
        var scores = new[] { 0.45, 0.62, 0.68, 0.85, 0.93 };
        await w.Factory.WithDbAsync(async d =>
        {
            var rows = await d.Pairs.Where(p => p.CohortId == w.CohortId).OrderBy(p => p.Id).ToListAsync();
            for (var i = 0; i < rows.Count; i++) rows[i].Score = scores[i];
            await d.SaveChangesAsync();
        });
        await w.SetCohortAsync(CohortStatus.Closing);
        return (w, pairs);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task FeedforwardThemesAreCountedAsTagsAndThemesFromFewerThanThreePairsAreLeftOut(Db provider)
    {
        var (w, pairs) = await ClosedCohortAsync(provider);
        using var _w = w;
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var options = await (await (await w.Factory.ApiClientAsync(PairWorld.Mentee)).GetAsync("/api/v1/feedforward-themes")).JsonAsync();
        options.EnumerateArray().Select(o => o.GetProperty("code").GetString()).ShouldContain("delegation");

        // Two pairs only tag "delegation": below three pairs the whole cohort's themes stay hidden.
        for (var i = 0; i < 2; i++)
            (await Give(pairs[i].Mentee, pairs[i].Pair, "delegation", "visibility")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var hidden = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/feedforward-themes")).JsonAsync();
        hidden.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        hidden.GetProperty("themes").GetArrayLength().ShouldBe(0);

        (await Give(pairs[2].Mentee, pairs[2].Pair, "delegation", "negotiation")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Give(pairs[2].Mentor, pairs[2].Pair, "delegation")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var counted = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/feedforward-themes")).JsonAsync();
        counted.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        counted.GetProperty("pairsWithThemes").GetInt32().ShouldBe(3);
        // Delegation: 4 tags from 3 pairs. Visibility (2 pairs) and negotiation (1 pair) are left out.
        var themes = counted.GetProperty("themes").EnumerateArray().Select(t => (t.GetProperty("code").GetString(), t.GetProperty("count").GetInt32())).ToList();
        themes.ShouldBe([("delegation", 4)]);
        counted.GetRawText().ShouldNotContain("Private");

        var zh = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/report?culture=zh-Hans")).JsonAsync();
        zh.GetProperty("themes")[0].GetProperty("name").GetString().ShouldBe("授权");
        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/Reports/Cohorts/{w.CohortId}");
        page.QuerySelector("#themes li[data-theme=delegation]")!.TextContent.ShouldContain("Delegation · 4");
        page.QuerySelector("#measures tr[data-measure='theme.delegation'] td")!.TextContent.ShouldBe("4");

        Task<HttpResponseMessage> Give(string email, int pair, params string[] tags) => Post(email, pair, tags);
        async Task<HttpResponseMessage> Post(string email, int pair, string[] tags) =>
            await (await w.Factory.ApiClientAsync(email)).PostAsJsonAsync($"/api/v1/pairs/{pair}/feedback",
                new { rating = 4, wentWell = "Private words", couldBeBetter = "Private words", feedforward = "Private words", themes = tags });
    }

    [Fact]
    public async Task MoreThanThreeThemesOrAnUnknownOneIsRefusedAndNothingIsSaved()
    {
        var (w, pairs) = await ClosedCohortAsync(Db.Sqlite);
        using var _w = w;
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        foreach (var tags in new[] { new[] { "delegation", "visibility", "negotiation", "communication" }, ["no-such-theme"] })
        {
            var response = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback",
                new { rating = 4, wentWell = "x", couldBeBetter = "x", feedforward = "x", themes = tags });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty("Themes", out _).ShouldBeTrue();
        }
        (await w.Factory.WithDbAsync(d => d.PairFeedback.CountAsync())).ShouldBe(0);

        // The page offers the themes as checkboxes, in Chinese on the Chinese UI, and keeps the ticked ones.
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var form = await Pages.GetDocumentAsync(page, $"/Feedback/{w.PairId}?culture=zh-Hans");
        form.QuerySelector("label[for=theme-delegation]")!.TextContent.ShouldBe("授权");
        var posted = await Pages.PostFormAsync(page, $"/Feedback/{w.PairId}", new()
        {
            ["Input.Rating"] = "5", ["Input.WentWell"] = "a", ["Input.CouldBeBetter"] = "b", ["Input.Feedforward"] = "c",
            ["Input.Themes"] = "communication",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.Factory.WithDbAsync(d => d.PairFeedback.Select(f => f.Themes).SingleAsync())).ShouldBe(",communication,");
        pairs.Count.ShouldBe(5);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheReportHasTheScoreAndMeetingDistributionsEngagementAndDonations(Db provider)
    {
        var (w, _) = await ClosedCohortAsync(provider);
        using var _w = w;
        await w.Factory.WithDbAsync(async d =>
        {
            var programId = await d.Programs.Select(p => p.Id).FirstAsync();
            var m1 = new Tandem.Web.Features.Memberships.Membership { ProgramId = programId, UserId = w.MenteeId, PaidOn = new(2026, 11, 2), StartsOn = new(2026, 11, 2), EndsOn = new(2027, 11, 1), FeeMinor = 30000, Currency = "CNY" };
            var m2 = new Tandem.Web.Features.Memberships.Membership { ProgramId = programId, UserId = w.OtherMenteeId, PaidOn = new(2026, 11, 3), StartsOn = new(2026, 11, 3), EndsOn = new(2027, 11, 2), FeeMinor = 25050, Currency = "CNY" };
            d.Memberships.AddRange(m1, m2);
            await d.SaveChangesAsync();
            foreach (var (user, m) in new[] { (w.MenteeId, m1), (w.OtherMenteeId, m2) })
                (await d.Applications.SingleAsync(a => a.CohortId == w.CohortId && a.UserId == user)).MembershipId = m.Id;
            var ev = new GroupEvent { Title = "Lunch", StartsAt = PairWorld.At(10), EndsAt = PairWorld.At(10, 2), CohortId = w.CohortId, Audience = Tandem.Web.Shared.Audience.All, CreatedAt = PairWorld.At(1) };
            d.Events.Add(ev);
            await d.SaveChangesAsync();
            d.EventRsvps.Add(new EventRsvp { EventId = ev.Id, UserId = w.MenteeId, Status = RsvpStatus.Going, RespondedAt = PairWorld.At(2), Attended = true });
            d.EventRsvps.Add(new EventRsvp { EventId = ev.Id, UserId = w.MentorId, Status = RsvpStatus.Going, RespondedAt = PairWorld.At(2) });
            await d.SaveChangesAsync();
        });
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var r = await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/report")).JsonAsync();
        // Under 0.5, 0.5–0.6, 0.6–0.7, 0.7–0.8, 0.8–0.9, 0.9 or more.
        r.GetProperty("matchScores").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([1, 0, 2, 0, 1, 1]);
        r.GetProperty("eventRsvps").GetInt32().ShouldBe(2);
        r.GetProperty("eventAttendances").GetInt32().ShouldBe(1);
        r.GetProperty("membershipsUsed").GetInt32().ShouldBe(2);
        var donation = r.GetProperty("donations").EnumerateArray().Single();
        (donation.GetProperty("currency").GetString(), donation.GetProperty("amountMinor").GetInt64()).ShouldBe(("CNY", 55050L));

        var all = await (await api.GetAsync("/api/v1/reports/cohorts")).JsonAsync();
        all[0].GetProperty("matchScores").GetArrayLength().ShouldBe(6);

        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        using (var reader = CsvReader.Create(await browser.GetByteArrayAsync($"/Reports/Cohorts/{w.CohortId}?handler=Csv"), null))
        {
            var rows = new Dictionary<string, string>();
            while (reader.Read()) rows[reader.GetString("Measure")] = reader.GetString("Value");
            rows["matchScore.0.6"].ShouldBe("2");
            rows["matchScore.0.9"].ShouldBe("1");
            rows["meetingsHeld.0"].ShouldBe("5");
            rows["eventAttendances"].ShouldBe("1");
            rows["donations.CNY"].ShouldBe("550.50");
        }
        using (var reader = CsvReader.Create(await browser.GetByteArrayAsync("/Reports/Cohorts?handler=Csv"), null))
        {
            reader.Headers.ShouldContain("matchScore.0.0");
            reader.Headers.ShouldContain("donations.CNY");
            reader.Read().ShouldBeTrue();
            reader.GetString("donations.CNY").ShouldBe("550.50");
        }
        var page = await Pages.GetDocumentAsync(browser, $"/Reports/Cohorts/{w.CohortId}?culture=zh-Hans");
        page.QuerySelectorAll("#scores-chart rect.bar").Length.ShouldBe(6);
        page.QuerySelector("#scores-chart table.chart-data").ShouldNotBeNull();
        page.QuerySelector("#measures tr[data-measure='donations.CNY'] td")!.TextContent.ShouldBe("550.5");
    }

    [Fact]
    public async Task ScoresFromFewerThanThreePairsAreSuppressed()
    {
        using var w = await PairWorld.CreateAsync();
        await w.Factory.WithDbAsync(async d =>
        {
            foreach (var p in await d.Pairs.ToListAsync()) p.Score = 0.7;
            await d.SaveChangesAsync();
        });
        var r = await (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync($"/api/v1/cohorts/{w.CohortId}/report")).JsonAsync();
        r.GetProperty("matchScores").ValueKind.ShouldBe(JsonValueKind.Null);
        r.GetProperty("averageMatchScore").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task CoordinatorsAddTranslateAndRetireThemesAndWritersAreOfferedTheLiveOnes(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var added = await api.PostAsJsonAsync("/api/v1/program/themes", new { name = "Mentoring others", nameZh = "指导他人" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await added.JsonAsync()).GetProperty("code").GetString().ShouldBe("mentoring-others");
        (await api.PostAsJsonAsync("/api/v1/program/themes", new { name = "  " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsJsonAsync("/api/v1/program/themes", new { name = "Mentoring Others" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var networking = (await (await api.GetAsync("/api/v1/program/themes")).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("code").GetString() == "networking");
        (await api.PutAsJsonAsync($"/api/v1/program/themes/{networking.GetProperty("id").GetInt32()}", new { name = "Networking", retired = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync("/api/v1/program/themes/9999", new { name = "X" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await mentee.PostAsJsonAsync("/api/v1/program/themes", new { name = "Sneaky" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var offered = (await (await mentee.GetAsync("/api/v1/feedforward-themes?culture=zh-Hans")).JsonAsync()).EnumerateArray()
            .ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("name").GetString());
        offered.ShouldNotContainKey("networking");
        offered["mentoring-others"].ShouldBe("指导他人");
        offered["delegation"].ShouldBe("授权");

        // The page renames a theme, and shows a refusal for an empty name.
        var page = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var delegation = (await (await api.GetAsync("/api/v1/program/themes")).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("code").GetString() == "delegation").GetProperty("id").GetInt32();
        (await Pages.PostFormAsync(page, $"/Programs/Themes?id={delegation}", new() { ["Name"] = "Delegating", ["NameZh"] = "授权与分工" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Pages.GetDocumentAsync(page, "/Programs/Themes");
        list.QuerySelector("#themes li[data-theme=delegation] input[name=Name]")!.GetAttribute("value").ShouldBe("Delegating");
        var refused = await Pages.PostFormAsync(page, "/Programs/Themes", new() { ["Name"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please enter the theme's name.");
    }
}
