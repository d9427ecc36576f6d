using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Tests.Cohorts;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Memberships;

public sealed class MembershipTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static async Task<HttpClient> CoordinatorAsync(TandemFactory f)
    {
        await f.CreateUserAsync("coord@example.com", coordinator: true);
        return await f.ApiClientAsync("coord@example.com");
    }

    [Fact]
    public async Task RecordingAMembershipDefaultsToOneYearInTheProgramsCurrencyAndStoresMinorUnits()
    {
        var memberId = await factory.CreateUserAsync("min@example.com");
        var client = await CoordinatorAsync(factory);
        var response = await client.PostAsJsonAsync("/api/v1/memberships", new { email = "MIN@example.com", startsOn = "2026-03-01", fee = 300.5m });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await response.JsonAsync();
        (json.GetProperty("endsOn").GetString(), json.GetProperty("feeMinor").GetInt64(), json.GetProperty("currency").GetString(), json.GetProperty("seatUsed").GetBoolean())
            .ShouldBe(("2027-02-28", 30050L, "CNY", false));
        var stored = await factory.WithDbAsync(db => db.Memberships.SingleAsync());
        (stored.UserId, stored.PaidOn, stored.FeeMinor).ShouldBe((memberId, new DateOnly(2026, 3, 1), 30050L));
    }

    [Theory]
    [InlineData("nobody@example.com", "2026-03-01", null, "100", "CNY", "Email")]
    [InlineData("min@example.com", "2026-03-01", "2026-02-28", "100", "CNY", "EndsOn")]
    [InlineData("min@example.com", "2026-03-01", null, "-1", "CNY", "Fee")]
    [InlineData("min@example.com", "2026-03-01", null, "100", "XYZ", "Currency")]
    [InlineData("min@example.com", "2026-03-01", null, "100", "dollars", "Currency")]
    [InlineData("min@example.com", "2026-03-01", null, "1.005", "USD", "Fee")]
    [InlineData("min@example.com", "2026-03-01", null, "1.5", "JPY", "Fee")]
    [InlineData("min@example.com", null, null, "100", "CNY", "StartsOn")]
    public async Task BadMembershipsAreRefusedWithAClearMessageAndNothingIsSaved(string email, string? starts, string? ends, string fee, string currency, string field)
    {
        await factory.CreateUserAsync("min@example.com");
        var client = await CoordinatorAsync(factory);
        var response = await client.PostAsJsonAsync("/api/v1/memberships", new { email, startsOn = starts, endsOn = ends, fee = decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), currency });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldContain(field);
        (await factory.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheTotalDonatedIsTheExactSumOfAllFeesPerCurrency(Db provider)
    {
        using var f = new TandemFactory(provider);
        await f.CreateUserAsync("a@example.com");
        await f.CreateUserAsync("b@example.com");
        var client = await CoordinatorAsync(f);
        await client.PutAsJsonAsync("/api/v1/program", new { name = "P", defaultCurrency = "CNY", donationRecipient = "Spring Bud Project" });
        foreach (var (email, fee, currency) in new[] { ("a@example.com", 0.1m, "CNY"), ("b@example.com", 0.2m, "CNY"), ("a@example.com", 1000.2m, "CNY"), ("b@example.com", 25m, "usd") })
            (await client.PostAsJsonAsync("/api/v1/memberships", new { email, startsOn = "2026-01-01", fee, currency })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var summary = await (await client.GetAsync("/api/v1/memberships/summary")).JsonAsync();
        summary.GetProperty("donationRecipient").GetString().ShouldBe("Spring Bud Project");
        var totals = summary.GetProperty("totals").EnumerateArray()
            .Select(t => (t.GetProperty("currency").GetString(), t.GetProperty("totalMinor").GetInt64(), t.GetProperty("total").GetDecimal(), t.GetProperty("memberships").GetInt32())).ToList();
        totals.ShouldBe([("CNY", 100050L, 1000.5m, 3), ("USD", 2500L, 25m, 1)]);

        var browser = await f.PageClientAsync("coord@example.com");
        (await Pages.GetDocumentAsync(browser, "/Memberships")).QuerySelector("#total")!.TextContent.ShouldBe("CNY\u00a01,000.50 · USD\u00a025.00");
        var zh = await Pages.GetDocumentAsync(browser, "/Memberships?culture=zh-Hans");
        zh.QuerySelector("#donations")!.TextContent.ShouldContain("累计捐赠");
    }

    [Fact]
    public async Task MoneyIsFormattedWithTheCulturesDigitGroupingAndTheCurrencysMinorUnits()
    {
        Money.Format(123456789, "CNY", new System.Globalization.CultureInfo("de-DE")).ShouldBe("CNY\u00a01.234.567,89");
        Money.Format(1500, "JPY", new System.Globalization.CultureInfo("en")).ShouldBe("JPY\u00a01,500");
        Money.TryToMinor(12.345m, "KWD", out var fils).ShouldBeTrue();
        fils.ShouldBe(12345);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task TheListSearchesFiltersByYearAndPages()
    {
        await factory.CreateUserAsync("alice@example.com", profile: p => p.DisplayName = "Alice Wong");
        var bob = await factory.CreateUserAsync("bob@example.com");
        var client = await CoordinatorAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            var program = await db.Programs.Select(p => p.Id).FirstAsync();
            var alice = await db.Users.Where(u => u.Email == "alice@example.com").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 22; i++) db.Memberships.Add(new Membership { ProgramId = program, UserId = alice, Currency = "CNY", StartsOn = new DateOnly(2026, 1, 1).AddDays(i), EndsOn = new DateOnly(2026, 12, 31), FeeMinor = 100 });
            for (var i = 0; i < 3; i++) db.Memberships.Add(new Membership { ProgramId = program, UserId = bob, Currency = "CNY", StartsOn = new DateOnly(2025, 5, 1).AddDays(i), EndsOn = new DateOnly(2026, 4, 30), FeeMinor = 100 });
            await db.SaveChangesAsync();
        });

        var byName = await (await client.GetAsync("/api/v1/memberships?q=wong")).JsonAsync();
        byName.GetProperty("total").GetInt32().ShouldBe(22);
        var byEmail = await (await client.GetAsync("/api/v1/memberships?q=BOB@")).JsonAsync();
        byEmail.GetProperty("total").GetInt32().ShouldBe(3);
        var year = await (await client.GetAsync("/api/v1/memberships?year=2025")).JsonAsync();
        year.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("email").GetString() == "bob@example.com");
        var page2 = await (await client.GetAsync("/api/v1/memberships?year=2026&page=2")).JsonAsync();
        (page2.GetProperty("total").GetInt32(), page2.GetProperty("items").GetArrayLength()).ShouldBe((22, 2));

        var browser = await factory.PageClientAsync("coord@example.com");
        (await Pages.GetDocumentAsync(browser, "/Memberships?q=bob")).QuerySelectorAll("#memberships tbody tr").Length.ShouldBe(3);
        (await Pages.GetDocumentAsync(browser, "/Memberships?year=2026&page=2")).QuerySelectorAll("#memberships tbody tr").Length.ShouldBe(2);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AMembershipWhoseSeatIsUsedShowsItAndCanNoLongerBeChangedOrDeleted(Db provider)
    {
        using var f = new TandemFactory(provider);
        var memberId = await f.CreateUserAsync("min@example.com");
        var client = await CoordinatorAsync(f);
        var used = (await (await client.PostAsJsonAsync("/api/v1/memberships", new { email = "min@example.com", startsOn = "2026-01-01", fee = 100 })).JsonAsync()).GetProperty("id").GetInt32();
        var free = (await (await client.PostAsJsonAsync("/api/v1/memberships", new { email = "min@example.com", startsOn = "2026-06-01", fee = 100 })).JsonAsync()).GetProperty("id").GetInt32();
        var cohort = await CohortTests.AddCohortAsync(f, "2026 Spring", CohortStatus.Open);
        await f.WithDbAsync(async db =>
        {
            db.Applications.Add(new Application { CohortId = cohort, UserId = memberId, Role = ApplicationRole.Mentee, MembershipId = used });
            await db.SaveChangesAsync();
        });

        var list = await (await client.GetAsync("/api/v1/memberships")).JsonAsync();
        list.GetProperty("items").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt32(), m => m.GetProperty("seatUsed").GetBoolean())
            .ShouldBe(new Dictionary<int, bool> { [used] = true, [free] = false }, ignoreOrder: true);

        var change = await client.PutAsJsonAsync($"/api/v1/memberships/{used}", new { email = "min@example.com", startsOn = "2026-01-01", fee = 1 });
        change.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await change.ErrorTextAsync()).ShouldContain("already used by an application");
        (await client.DeleteAsync($"/api/v1/memberships/{used}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await f.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == used))).FeeMinor.ShouldBe(10000);

        var edit = await client.PutAsJsonAsync($"/api/v1/memberships/{free}", new { email = "min@example.com", startsOn = "2026-06-01", fee = 50, currency = "EUR" });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await edit.JsonAsync()).GetProperty("feeMinor").GetInt64().ShouldBe(5000);
        (await client.DeleteAsync($"/api/v1/memberships/{free}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await f.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task MembersSeeOnlyTheirOwnMemberships()
    {
        await factory.CreateUserAsync("min@example.com");
        await factory.CreateUserAsync("other@example.com");
        var coordinator = await CoordinatorAsync(factory);
        await coordinator.PostAsJsonAsync("/api/v1/memberships", new { email = "min@example.com", startsOn = "2026-01-01", fee = 300 });
        await coordinator.PostAsJsonAsync("/api/v1/memberships", new { email = "other@example.com", startsOn = "2026-01-01", fee = 999 });

        var mine = await (await (await factory.ApiClientAsync("min@example.com")).GetAsync("/api/v1/me/memberships")).JsonAsync();
        mine.EnumerateArray().Select(m => m.GetProperty("feeMinor").GetInt64()).ShouldBe([30000L]);
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("min@example.com"), "/Memberships/Mine");
        page.QuerySelectorAll("#memberships tbody tr").Single().TextContent.ShouldContain("CNY\u00a0300.00");
    }

    [Fact]
    public async Task TheRecordPageSavesAMembershipAndExplainsAnUnknownEmail()
    {
        await factory.CreateUserAsync("min@example.com");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var browser = await factory.PageClientAsync("coord@example.com");
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = "ghost@example.com", ["Input.StartsOn"] = "2026-01-01", ["Input.Fee"] = "300", ["Input.Currency"] = "CNY", ["Input.PaidOn"] = "2025-12-20",
        };
        var bad = await Pages.PostFormAsync(browser, "/Memberships/Record", form);
        Pages.Errors(await Pages.ParseAsync(await bad.Content.ReadAsStringAsync())).ShouldContain("No member has the email address ghost@example.com.");
        (await factory.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);

        form["Input.Email"] = "min@example.com";
        var ok = await Pages.PostFormAsync(browser, "/Memberships/Record", form);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Pages.GetDocumentAsync(browser, "/Memberships");
        list.QuerySelector("[role=status]")!.TextContent.ShouldBe("The membership for min@example.com is recorded.");
        list.QuerySelector("#memberships .seat")!.TextContent.ShouldBe("Available");
        var stored = await factory.WithDbAsync(db => db.Memberships.SingleAsync());
        (stored.EndsOn, stored.PaidOn, stored.FeeMinor).ShouldBe((new DateOnly(2026, 12, 31), new DateOnly(2025, 12, 20), 30000L));

        var deleted = await Pages.PostFormAsync(browser, $"/Memberships/Edit/{stored.Id}", [], handler: "Delete");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("GET", "/api/v1/memberships")]
    [InlineData("GET", "/api/v1/memberships/summary")]
    [InlineData("POST", "/api/v1/memberships")]
    [InlineData("PUT", "/api/v1/memberships/1")]
    [InlineData("DELETE", "/api/v1/memberships/1")]
    public async Task OnlyCoordinatorsUseTheMembershipsApi(string method, string url)
    {
        await factory.CreateUserAsync("member@example.com");
        HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = JsonContent.Create(new { email = "member@example.com", startsOn = "2026-01-01", fee = 1 }) };
        (await factory.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await factory.ApiClientAsync("member@example.com")).SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task MyMembershipsNeedASignIn()
    {
        (await factory.Anonymous().GetAsync("/api/v1/me/memberships")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.Anonymous().GetAsync("/Memberships/Mine")).Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Theory]
    [InlineData("/Memberships")]
    [InlineData("/Memberships/Record")]
    [InlineData("/Memberships/Edit/1")]
    public async Task MembershipPagesAreForCoordinators(string url)
    {
        await factory.CreateUserAsync("member@example.com");
        (await factory.Anonymous().GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await (await factory.PageClientAsync("member@example.com")).GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
