using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Cohorts;

public sealed class CohortTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static object Spring(string name = "2026 Spring", string? ends = null) => new
    {
        name, applicationsOpenOn = "2026-01-05", applicationsCloseOn = "2026-02-15", startsOn = "2026-03-01", endsOn = ends,
    };

    private async Task<HttpClient> CoordinatorAsync()
    {
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        return await factory.ApiClientAsync("coord@example.com");
    }

    internal static async Task<int> AddCohortAsync(TandemFactory factory, string name, CohortStatus status = CohortStatus.Draft) =>
        await factory.WithDbAsync(async db =>
        {
            var cohort = new Cohort
            {
                ProgramId = await db.Programs.Select(p => p.Id).FirstAsync(), Name = name, Status = status,
                ApplicationsOpenOn = new(2026, 1, 1), ApplicationsCloseOn = new(2026, 2, 1), StartsOn = new(2026, 3, 1), EndsOn = new(2026, 9, 1),
            };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    [Fact]
    public async Task CreatingACohortStartsItAsADraftEndingOneProgramCohortLengthAfterItStarts()
    {
        var client = await CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/v1/cohorts", Spring());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await response.JsonAsync();
        json.GetProperty("status").GetString().ShouldBe("Draft");
        json.GetProperty("endsOn").GetString().ShouldBe("2026-09-01");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/cohorts/{json.GetProperty("id").GetInt32()}");
    }

    [Theory]
    [InlineData("", "2026-01-05", "2026-02-15", "2026-03-01", null, "Name")]
    [InlineData("X", "2026-01-05", "2026-03-02", "2026-03-01", null, "ApplicationsCloseOn")]
    [InlineData("X", "2026-02-20", "2026-02-15", "2026-03-01", null, "ApplicationsCloseOn")]
    [InlineData("X", "2026-01-05", "2026-02-15", "2026-03-01", "2026-03-01", "EndsOn")]
    [InlineData("X", "2026-01-05", "2026-02-15", "2026-03-01", "2026-02-01", "EndsOn")]
    [InlineData("X", null, "2026-02-15", "2026-03-01", null, "ApplicationsOpenOn")]
    public async Task BadCohortDatesOrNamesAreRefusedAndNothingIsSaved(string name, string? opens, string? closes, string? starts, string? ends, string field)
    {
        var client = await CoordinatorAsync();
        var response = await client.PostAsJsonAsync("/api/v1/cohorts", new { name, applicationsOpenOn = opens, applicationsCloseOn = closes, startsOn = starts, endsOn = ends });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldContain(field);
        (await factory.WithDbAsync(db => db.Cohorts.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task CohortNamesAreUniqueWithinTheProgram()
    {
        var client = await CoordinatorAsync();
        (await client.PostAsJsonAsync("/api/v1/cohorts", Spring())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.PostAsJsonAsync("/api/v1/cohorts", Spring());
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ErrorTextAsync()).ShouldBe("Another cohort is already called \"2026 Spring\".");
        var other = await client.PostAsJsonAsync("/api/v1/cohorts", Spring("2026 Autumn"));
        var id = (await other.JsonAsync()).GetProperty("id").GetInt32();
        var rename = await client.PutAsJsonAsync($"/api/v1/cohorts/{id}", Spring("2026 Spring"));
        rename.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id))).Name.ShouldBe("2026 Autumn");
        (await client.PutAsJsonAsync("/api/v1/cohorts/9999", Spring("Z"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACohortMovesStrictlyForwardOneStepAtATime()
    {
        var client = await CoordinatorAsync();
        var id = await AddCohortAsync(factory, "2026 Spring");

        var skip = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Matching" });
        skip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await skip.ErrorTextAsync()).ShouldBe("A cohort in Draft can only move to Open.");

        foreach (var to in new[] { "Open", "Matching", "Active", "Closing", "Closed" })
        {
            var step = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to, confirm = true });
            step.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await step.JsonAsync()).GetProperty("cohort").GetProperty("status").GetString().ShouldBe(to);
            if (to == "Active")
            {
                var back = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Open", confirm = true });
                (await back.ErrorTextAsync()).ShouldBe("A cohort in Active can only move to Closing.");
            }
        }
        var after = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Draft" });
        (await after.ErrorTextAsync()).ShouldBe("A closed cohort cannot change status.");
        var cohort = await factory.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id));
        (cohort.Status, cohort.Version).ShouldBe((CohortStatus.Closed, 5));

        var nonsense = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Finished" });
        (await nonsense.ErrorFieldsAsync()).ShouldBe(["To"]);
        (await client.PostAsJsonAsync("/api/v1/cohorts/9999/transition", new { to = "Open" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheRefusalIsTranslatedForChineseCallers()
    {
        var client = await CoordinatorAsync();
        var id = await AddCohortAsync(factory, "2026 Spring");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cohorts/{id}/transition") { Content = JsonContent.Create(new { to = "Active" }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        var response = await client.SendAsync(request);
        (await response.ErrorTextAsync()).ShouldBe("处于“草稿”状态的期次只能进入“开放申请”。");
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoCoordinatorsMovingACohortAtOnceOneWinsAndTheOtherGetsAConflict(Db provider)
    {
        using var f = new TandemFactory(provider);
        await f.CreateUserAsync("a@example.com", coordinator: true);
        await f.CreateUserAsync("b@example.com", coordinator: true);
        var clients = new[] { await f.ApiClientAsync("a@example.com"), await f.ApiClientAsync("b@example.com") };
        var id = await AddCohortAsync(f, "Race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            clients[i % 2].PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Open", confirm = true })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            conflict.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await conflict.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("it is now Open");
        }
        var cohort = await f.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id));
        (cohort.Status, cohort.Version).ShouldBe((CohortStatus.Open, 1));
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AStaleReadLosesToTheVersionTokenInsteadOfOverwriting(Db provider)
    {
        using var f = new TandemFactory(provider);
        var id = await AddCohortAsync(f, "Stale");
        using var slow = f.Services.CreateScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<TandemDb>();
        (await slowDb.Cohorts.SingleAsync(c => c.Id == id)).Status.ShouldBe(CohortStatus.Draft); // tracked at Version 0

        using (var fast = f.Services.CreateScope())
            (await fast.ServiceProvider.GetRequiredService<CohortTransitions>().MoveAsync(id, CohortStatus.Open, null, default)).Ok.ShouldBeTrue();

        // The slow context still believes the cohort is a Draft at Version 0; its write must be refused, not applied.
        var outcome = await slow.ServiceProvider.GetRequiredService<CohortTransitions>().MoveAsync(id, CohortStatus.Open, null, default);
        outcome.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        (await f.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id))).Version.ShouldBe(1);
    }

    [Fact]
    public async Task AStaleVersionFromTheCallerIsAConflict()
    {
        var client = await CoordinatorAsync();
        var id = await AddCohortAsync(factory, "2026 Spring");
        (await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Open", version = 0, confirm = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await client.PostAsJsonAsync($"/api/v1/cohorts/{id}/transition", new { to = "Matching", version = 0, confirm = true });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await factory.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == id))).Status.ShouldBe(CohortStatus.Open);
    }

    [Fact]
    public async Task DraftsAreHiddenFromEveryoneButCoordinators()
    {
        var coordinator = await CoordinatorAsync();
        var draft = await AddCohortAsync(factory, "Draft one");
        var open = await AddCohortAsync(factory, "Open one", CohortStatus.Open);

        var publicList = await (await factory.Anonymous().GetAsync("/api/v1/cohorts")).JsonAsync();
        publicList.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ShouldBe([open]);
        (await factory.Anonymous().GetAsync($"/api/v1/cohorts/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var publicOne = await (await factory.Anonymous().GetAsync($"/api/v1/cohorts/{open}")).JsonAsync();
        publicOne.GetProperty("applications").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var all = await (await coordinator.GetAsync("/api/v1/cohorts")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(2);
        var drafts = await (await coordinator.GetAsync("/api/v1/cohorts?status=Draft")).JsonAsync();
        drafts.GetProperty("items").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("Draft one");
    }

    [Fact]
    public async Task TheCohortListPagesByTwenty()
    {
        for (var i = 0; i < 23; i++) await AddCohortAsync(factory, $"C{i:00}", CohortStatus.Open);
        var second = await (await factory.Anonymous().GetAsync("/api/v1/cohorts?page=2")).JsonAsync();
        (second.GetProperty("total").GetInt32(), second.GetProperty("items").GetArrayLength(), second.GetProperty("page").GetInt32()).ShouldBe((23, 3, 2));
        await factory.CreateUserAsync("member@example.com");
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("member@example.com"), "/Cohorts?page=2");
        page.QuerySelectorAll(".cohort").Length.ShouldBe(3);
    }

    [Fact]
    public async Task MembersSeeOpenCohortsWithApplyLinks()
    {
        await factory.CreateUserAsync("member@example.com");
        var open = await AddCohortAsync(factory, "Open one", CohortStatus.Open);
        await AddCohortAsync(factory, "Active one", CohortStatus.Active);
        await AddCohortAsync(factory, "Secret draft");
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("member@example.com"), "/Cohorts");
        var items = page.QuerySelectorAll(".cohort");
        items.Select(i => i.QuerySelector("h2")!.TextContent).ShouldNotContain(t => t.Contains("Secret draft"));
        items.Length.ShouldBe(2);
        page.QuerySelectorAll(".apply a").Select(a => a.GetAttribute("href")).ShouldBe(
            [$"/Applications/Apply?cohortId={open}&role=Mentee", $"/Applications/Apply?cohortId={open}&role=Mentor"]);
    }

    [Fact]
    public async Task CoordinatorsCreateACohortFromTheFormAndMoveItOnTheDetailsPage()
    {
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var browser = await factory.PageClientAsync("coord@example.com");
        var bad = await Pages.PostFormAsync(browser, "/Cohorts/Create", new()
        {
            ["Input.Name"] = "2026 Spring", ["Input.ApplicationsOpenOn"] = "2026-01-05", ["Input.ApplicationsCloseOn"] = "2026-03-10", ["Input.StartsOn"] = "2026-03-01",
        });
        Pages.Errors(await Pages.ParseAsync(await bad.Content.ReadAsStringAsync())).ShouldContain("Applications must close on or before the day the cohort starts.");

        var created = await Pages.PostFormAsync(browser, "/Cohorts/Create", new()
        {
            ["Input.Name"] = "2026 Spring", ["Input.ApplicationsOpenOn"] = "2026-01-05", ["Input.ApplicationsCloseOn"] = "2026-02-15", ["Input.StartsOn"] = "2026-03-01",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = created.Headers.Location!.ToString();
        var id = await factory.WithDbAsync(db => db.Cohorts.Select(c => c.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            db.Applications.Add(new Application { CohortId = id, UserId = user, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Submitted });
            await db.SaveChangesAsync();
        });

        details.ShouldBe($"/Cohorts/{id}");
        var page = await Pages.GetDocumentAsync(browser, details);
        page.QuerySelector("#counts tr[data-role=Mentee] td[data-status=Submitted]")!.TextContent.ShouldBe("1");
        page.QuerySelector("#transition")!.TextContent.ShouldBe("Move to Open…");
        var confirm = page.QuerySelector("#transition")!.GetAttribute("href")!;
        confirm.ShouldBe($"/Cohorts/{id}/Transition/Open");
        var moved = await Pages.PostFormAsync(browser, confirm, new() { ["version"] = "0" });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.GetDocumentAsync(browser, details)).QuerySelector("#status")!.TextContent.ShouldBe("Open");

        // A second coordinator's confirmation page still shows the Draft version: they get a clear message, not an error page.
        var stale = await Pages.PostFormAsync(browser, $"/Cohorts/{id}/Transition/Matching", new() { ["version"] = "0" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await stale.Content.ReadAsStringAsync()))
            .ShouldContain("Someone else changed this cohort's status meanwhile; it is now Open. Reload the page and try again.");
        (await factory.WithDbAsync(db => db.Cohorts.SingleAsync())).Status.ShouldBe(CohortStatus.Open);

        var edit = await Pages.PostFormAsync(browser, $"/Cohorts/Edit/{id}", new()
        {
            ["Input.Name"] = "2026 Spring (renamed)", ["Input.ApplicationsOpenOn"] = "2026-01-05", ["Input.ApplicationsCloseOn"] = "2026-02-15", ["Input.StartsOn"] = "2026-03-01", ["Input.EndsOn"] = "2026-08-31",
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Cohorts.SingleAsync());
        (saved.Name, saved.EndsOn).ShouldBe(("2026 Spring (renamed)", new DateOnly(2026, 8, 31)));
    }

    [Theory]
    [InlineData("POST", "/api/v1/cohorts")]
    [InlineData("PUT", "/api/v1/cohorts/1")]
    [InlineData("POST", "/api/v1/cohorts/1/transition")]
    public async Task OnlyCoordinatorsChangeCohortsThroughTheApi(string method, string url)
    {
        await factory.CreateUserAsync("member@example.com");
        await AddCohortAsync(factory, "Any");
        HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = JsonContent.Create(new { to = "Open", name = "x", confirm = true }) };
        (await factory.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await factory.ApiClientAsync("member@example.com")).SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Cohorts.SingleAsync())).Status.ShouldBe(CohortStatus.Draft);
    }

    [Theory]
    [InlineData("/Cohorts", false)]
    [InlineData("/Cohorts/Create", true)]
    [InlineData("/Cohorts/Edit/1", true)]
    [InlineData("/Cohorts/Details/1", true)]
    [InlineData("/Cohorts/1", true)]
    [InlineData("/Cohorts/1/Transition/Open", true)]
    public async Task CohortPagesNeedASignInAndCoordinatorPagesACoordinator(string url, bool coordinatorOnly)
    {
        await factory.CreateUserAsync("member@example.com");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        await AddCohortAsync(factory, "Any");
        var anonymous = await factory.Anonymous().GetAsync(url);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var member = await (await factory.PageClientAsync("member@example.com")).GetAsync(url);
        if (coordinatorOnly) member.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        else member.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await factory.PageClientAsync("coord@example.com")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
