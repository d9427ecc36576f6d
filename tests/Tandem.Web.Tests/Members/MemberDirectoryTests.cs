using System.Net;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.PairsProgress;

namespace Tandem.Web.Tests.Members;

/// <summary>The coordinators' member directory: search by name, email, employer or industry, paging, and each member's cohorts as engagement facts.</summary>
public sealed class MemberDirectoryTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task CoordinatorsSearchByNameEmailEmployerOrIndustryAndPage(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        for (var i = 0; i < 26; i++)
            await w.Factory.CreateUserAsync($"member{i:00}@example.com", profile: p => { p.DisplayName = $"Member {i:00}"; p.Employer = i == 7 ? "Acme Robotics" : "Globex"; p.Industry = i == 8 ? "Shipbuilding" : "Software"; });
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);

        var all = await (await api.GetAsync("/api/v1/members")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(31);
        all.GetProperty("items").GetArrayLength().ShouldBe(25);
        (await (await api.GetAsync("/api/v1/members?page=2")).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(6);

        async Task<List<string>> Names(string q) => (await (await api.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString(q))).JsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        (await Names("mei")).ShouldBe(["Mei Mentee"]);
        (await Names("OTHER-MENTOR@")).ShouldBe(["Ola Othermentor"]);
        (await Names("acme")).ShouldBe(["Member 07"]);
        (await Names("shipbuild")).ShouldBe(["Member 08"]);
        (await Names("100%_")).ShouldBeEmpty();

        var mei = (await (await api.GetAsync("/api/v1/members?q=mei")).JsonAsync()).GetProperty("items")[0];
        mei.GetProperty("pairs").GetInt32().ShouldBe(1);
        mei.GetProperty("applications").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task AMembersPageShowsApplicationsAndPairsAcrossCohortsWithoutPrivateText()
    {
        const string Marker = "ZZ-PRIVATE-4471";
        using var w = await PairWorld.CreateAsync();
        await w.MeetingAsync(w.PairId, PairWorld.At(5), MeetingStatus.Held, agenda: Marker, summary: Marker);
        var browser = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var list = await Pages.GetDocumentAsync(browser, "/Members?q=mei");
        var link = list.QuerySelector("#members tbody tr a")!;
        link.TextContent.ShouldBe("Mei Mentee");

        var response = await browser.GetAsync(link.GetAttribute("href")!);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain(Marker);
        var page = await Pages.ParseAsync(html);
        page.QuerySelector("#applications li")!.TextContent.ShouldContain("2027 Spring");
        page.QuerySelector("#pairs li")!.TextContent.ShouldContain("Mona Mentor");
        page.QuerySelector("#pairs li")!.TextContent.ShouldContain("1 meetings held");

        (await browser.GetAsync("/Members/no-such-user")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var zh = await Pages.GetDocumentAsync(browser, "/Members?culture=zh-Hans");
        zh.QuerySelector("h1")!.TextContent.ShouldStartWith("会员");
        zh.QuerySelector("#import")!.TextContent.ShouldBe("从 CSV 导入");
    }

    [Fact]
    public async Task OnlyCoordinatorsReachTheDirectory()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        foreach (var url in new[] { "/Members", $"/Members/{w.MentorId}" })
            (await mentee.GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await api.GetAsync("/api/v1/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"/api/v1/members/{w.MentorId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.Factory.CreateClient().GetAsync("/api/v1/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
