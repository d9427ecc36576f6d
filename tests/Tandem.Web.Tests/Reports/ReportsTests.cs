using System.Net;
using System.Text.Json;
using CsvHelper;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.PairsProgress;

namespace Tandem.Web.Tests.Reports;

/// <summary>
/// The cohort report, its comparison and the dashboard: aggregates only, figures from fewer than 3 pairs suppressed,
/// CSVs a real parser reads, charts drawn as accessible SVG with a data table, coordinators only.
/// </summary>
public sealed class ReportsTests
{
    /// <summary>The world's two pairs plus a third: the pair held 3 meetings, the other 1, the third none and closed early.</summary>
    private static async Task<(PairWorld World, int ThirdPair)> ThreePairsAsync(Db provider)
    {
        var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.CreateUserAsync("third-mentee@example.com", profile: p => p.DisplayName = "Tia Thirdmentee");
        var mentor = await w.Factory.CreateUserAsync("third-mentor@example.com", profile: p => p.DisplayName = "Tom Thirdmentor");
        var third = await w.PairAsync(mentee, mentor);
        foreach (var day in new[] { 10, 70, 130 }) await w.MeetingAsync(w.PairId, PairWorld.At(day), MeetingStatus.Held);
        await w.MeetingAsync(w.OtherPairId, PairWorld.At(20), MeetingStatus.Held);
        await w.MeetingAsync(w.OtherPairId, PairWorld.At(40), MeetingStatus.Cancelled);
        w.Day(150);
        await w.SetPairAsync(third, PairStatus.ClosedEarly);
        return (w, third);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheReportCountsOutcomesAndMeetingsFromThreePairsOrMore(Db provider)
    {
        var (w, _) = await ThreePairsAsync(provider);
        using var _w = w;
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var r = await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/report")).JsonAsync();
        r.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        r.GetProperty("pairs").GetInt32().ShouldBe(3);
        r.GetProperty("activePairs").GetInt32().ShouldBe(2);
        r.GetProperty("closedEarlyPairs").GetInt32().ShouldBe(1);
        r.GetProperty("acceptedMentees").GetInt32().ShouldBe(3);
        r.GetProperty("matchedMentees").GetInt32().ShouldBe(3);
        r.GetProperty("matchingRate").GetDouble().ShouldBe(100);
        // 0, 1, 2, 3 and "4 or more" meetings: the third pair held none, the other one, the pair three.
        r.GetProperty("meetingsHeld").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([1, 1, 0, 1, 0]);
        r.GetProperty("averageMeetingsHeld").GetDouble().ShouldBe(1.3);

        var all = await (await api.GetAsync("/api/v1/reports/cohorts")).JsonAsync();
        all.EnumerateArray().Select(c => c.GetProperty("cohortId").GetInt32()).ShouldBe([w.CohortId]);
        (await api.GetAsync("/api/v1/cohorts/9999/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task FiguresFromFewerThanThreePairsAreSuppressed(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        await w.MeetingAsync(w.PairId, PairWorld.At(10), MeetingStatus.Held);
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var r = await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/report")).JsonAsync();
        r.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        r.GetProperty("pairs").GetInt32().ShouldBe(2);
        foreach (var figure in new[] { "activePairs", "completedPairs", "meetingsHeld", "averageMeetingsHeld", "feedbackRating", "checkInProgress" })
            r.GetProperty(figure).ValueKind.ShouldBe(JsonValueKind.Null, figure);

        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/Reports/Cohorts/{w.CohortId}");
        page.QuerySelector("#suppressed").ShouldNotBeNull();
        page.QuerySelector("#measures tr[data-measure=completedPairs] td")!.TextContent.ShouldBe("—");
        page.QuerySelector("#meetings-chart").ShouldBeNull();
    }

    [Fact]
    public async Task TheReportPageItsCsvAndItsPrintablePageShowTheSameMeasures()
    {
        var (w, _) = await ThreePairsAsync(Db.Sqlite);
        using var _w = w;
        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var page = await Pages.GetDocumentAsync(browser, $"/Reports/Cohorts/{w.CohortId}");
        page.QuerySelector("#measures tr[data-measure=closedEarlyPairs] td")!.TextContent.ShouldBe("1");
        page.QuerySelector("#measures tr[data-measure=averageMeetingsHeld] td")!.TextContent.ShouldBe("1.3");
        var chart = page.QuerySelector("#meetings-chart svg")!;
        chart.GetAttribute("role").ShouldBe("img");
        page.QuerySelector("#meetings-chart svg title")!.TextContent.ShouldContain("Meetings held per pair");
        page.QuerySelectorAll("#meetings-chart rect.bar").Length.ShouldBe(5);
        page.QuerySelectorAll("#meetings-chart table.chart-data tbody tr").Select(tr => tr.Children[1].TextContent).ShouldBe(["1", "1", "0", "1", "0"]);

        var bytes = await browser.GetByteArrayAsync($"/Reports/Cohorts/{w.CohortId}?handler=Csv");
        using var reader = CsvReader.Create(bytes, null);
        reader.Headers.ShouldBe(["Measure", "Value"]);
        var rows = new Dictionary<string, string>();
        while (reader.Read()) rows[reader.GetString("Measure")] = reader.GetString("Value");
        rows["pairs"].ShouldBe("3");
        rows["closedEarlyPairs"].ShouldBe("1");
        rows["averageMeetingsHeld"].ShouldBe("1.3");
        Tandem.Web.Features.Reports.CohortReports.Measures.Select(m => m.Key).ShouldBeSubsetOf(rows.Keys);
        rows["meetingsHeld.0"].ShouldBe("1");
        rows["meetingsHeld.4"].ShouldBe("0");

        var print = await Pages.GetDocumentAsync(browser, $"/Reports/Cohorts/{w.CohortId}?print=true");
        print.QuerySelector("nav").ShouldBeNull();
        print.QuerySelector("#measures tr[data-measure=pairs] td")!.TextContent.ShouldBe("3");

        var chinese = await Pages.GetDocumentAsync(browser, $"/Reports/Cohorts/{w.CohortId}?culture=zh-Hans");
        chinese.QuerySelector("h1")!.TextContent.ShouldStartWith("成果报告");
        chinese.QuerySelector("#measures tr[data-measure=closedEarlyPairs] th")!.TextContent.ShouldBe("提前结束");
    }

    [Fact]
    public async Task TheComparisonAndItsCsvListEveryOpenedCohortOldestFirst()
    {
        var (w, _) = await ThreePairsAsync(Db.Sqlite);
        using var _w = w;
        await w.Factory.WithDbAsync(async d =>
        {
            var c = new Tandem.Web.Features.Cohorts.Cohort
            {
                ProgramId = d.Programs.Select(p => p.Id).First(), Name = "2026 Autumn", Status = Tandem.Web.Features.Cohorts.CohortStatus.Closed,
                ApplicationsOpenOn = new(2026, 5, 1), ApplicationsCloseOn = new(2026, 6, 1), StartsOn = new(2026, 7, 1), EndsOn = new(2026, 12, 28),
            };
            d.Cohorts.Add(c);
            await d.SaveChangesAsync();
        });
        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var page = await Pages.GetDocumentAsync(browser, "/Reports/Cohorts");
        page.QuerySelectorAll("#compare thead th a").Select(a => a.TextContent).ShouldBe(["2026 Autumn", "2027 Spring"]);
        page.QuerySelector($"#compare tr[data-measure=pairs] td[data-cohort='{w.CohortId}']")!.TextContent.ShouldBe("3");

        var report = await Pages.GetDocumentAsync(browser, $"/Reports/Cohorts/{w.CohortId}");
        report.QuerySelectorAll("#measures thead th").Select(th => th.TextContent).ShouldBe(["Measure", "2027 Spring", "2026 Autumn"]);

        using var reader = CsvReader.Create(await browser.GetByteArrayAsync("/Reports/Cohorts?handler=Csv"), null);
        reader.Headers.Take(4).ShouldBe(["Cohort", "Status", "StartsOn", "menteeApplications"]);
        var cohorts = new List<(string, string)>();
        while (reader.Read()) cohorts.Add((reader.GetString("Cohort"), reader.GetString("pairs")));
        cohorts.ShouldBe([("2026 Autumn", "0"), ("2027 Spring", "3")]);
    }

    [Fact]
    public async Task TheDashboardDrawsItsChartsWithDataTablesAndListsTheAlerts()
    {
        var (w, _) = await ThreePairsAsync(Db.Sqlite);
        using var _w = w;
        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var page = await Pages.GetDocumentAsync(browser, "/Dashboard");
        foreach (var id in new[] { "funnel", "matching-rate", "meetings", "ratings" })
        {
            var svg = page.QuerySelector($"#{id} svg")!;
            svg.GetAttribute("aria-labelledby").ShouldBe($"{id}-title {id}-desc");
            page.QuerySelector($"#{id} table.chart-data").ShouldNotBeNull();
        }
        page.QuerySelector("#meetings line.marker").ShouldNotBeNull();
        page.QuerySelectorAll("#funnel table.chart-data tbody tr").Single().Children.Skip(1).Select(td => td.TextContent).ShouldBe(["6", "6", "6"]);

        var api = await (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync("/api/v1/dashboard")).JsonAsync();
        api.GetProperty("cohorts").GetArrayLength().ShouldBe(1);
        var alerts = page.QuerySelectorAll("#alerts li").Select(li => li.GetAttribute("data-kind")).ToList();
        alerts.ShouldContain("closedEarly");
        page.QuerySelector("#alerts li[data-kind=closedEarly] a")!.GetAttribute("href").ShouldBe($"/Pairs/Overview?cohortId={w.CohortId}&status=ClosedEarly");
    }

    [Fact]
    public async Task OnlyCoordinatorsSeeReportsAndTheDashboard()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var anonymous = w.Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/Dashboard", "/Reports/Cohorts", "/Reports/Cohorts?handler=Csv", $"/Reports/Cohorts/{w.CohortId}", $"/Reports/Cohorts/{w.CohortId}?handler=Csv" })
        {
            var denied = await mentee.GetAsync(url);
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
            (await anonymous.GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/Login");
        }
        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        foreach (var endpoint in new[] { "/api/v1/dashboard", "/api/v1/reports/cohorts", $"/api/v1/cohorts/{w.CohortId}/report" })
        {
            (await api.GetAsync(endpoint)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await anonymous.GetAsync(endpoint)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }
}
