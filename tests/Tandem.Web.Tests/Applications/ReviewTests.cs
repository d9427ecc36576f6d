using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Applications;

/// <summary>The coordinator's side: who may use which route, decisions and their emails, the filtered list and its CSV.</summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task CoordinatorRoutesRefuseMembersAndAnonymousAndMemberRoutesRefuseAnonymous()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("member@example.com");
        await world.MemberAsync("boss@example.com", coordinator: true);
        var id = await AppliedAsync(world, "member@example.com", cohort);

        var anonymous = world.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var member = await world.Factory.ApiClientAsync("member@example.com");
        var coordinator = await world.Factory.ApiClientAsync("boss@example.com");
        var decision = new { decision = "accept" };
        foreach (var (method, url) in new[] { ("GET", "/api/v1/applications"), ("GET", "/api/v1/applications.csv"), ("POST", $"/api/v1/applications/{id}/decision") })
        {
            (await Send(anonymous, method, url, decision)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
            (await Send(member, method, url, decision)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        foreach (var (method, url) in new[] { ("POST", $"/api/v1/cohorts/{cohort}/applications"), ("GET", "/api/v1/me/applications"), ("GET", $"/api/v1/applications/{id}"), ("PUT", $"/api/v1/applications/{id}"), ("POST", $"/api/v1/applications/{id}/withdraw") })
            (await Send(anonymous, method, url, world.MenteeBody())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        (await coordinator.GetAsync($"/api/v1/applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync("/api/v1/applications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var memberBrowser = await world.Factory.PageClientAsync("member@example.com");
        foreach (var url in new[] { "/Applications", $"/Applications/Review/{id}", "/Applications/Export" })
        {
            var refused = await memberBrowser.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            refused.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied", url);
        }
        foreach (var url in new[] { "/Applications", $"/Applications/Review/{id}", "/Applications/Export", "/Applications/Mine", $"/Applications/Apply?cohortId={cohort}&role=Mentee", $"/Applications/Edit/{id}", $"/Applications/Withdraw/{id}" })
        {
            var page = await anonymous.GetAsync(url);
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            page.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login", url);
        }
        (await world.ApplicationsAsync()).Single().Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task DecliningNeedsAReasonWhichIsEmailedAndReleasesTheSeat(Db db)
    {
        using var world = await ApplicationWorld.CreateAsync(db);
        var cohort = await world.CohortAsync();
        await world.MemberAsync("hope@example.com");
        await world.MemberAsync("boss@example.com", coordinator: true);
        var id = await AppliedAsync(world, "hope@example.com", cohort);
        var coordinator = await world.Factory.ApiClientAsync("boss@example.com");

        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "decline", reason = "  " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Reason")[0].GetString()
            .ShouldBe("Please give a reason for declining; it is sent to the applicant.");
        var untouched = (await world.ApplicationsAsync()).Single();
        untouched.Status.ShouldBe(ApplicationStatus.Submitted);
        untouched.MembershipId.ShouldNotBeNull();
        (await world.Factory.MailAsync()).ShouldBeEmpty();

        var declined = await coordinator.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "decline", reason = "This round is for people based in Beijing." });
        declined.StatusCode.ShouldBe(HttpStatusCode.OK);
        var app = (await world.ApplicationsAsync()).Single();
        app.Status.ShouldBe(ApplicationStatus.Declined);
        app.MembershipId.ShouldBeNull();
        app.DecisionReason.ShouldBe("This round is for people based in Beijing.");
        app.DecidedAt.ShouldBe(ApplicationWorld.Now.UtcDateTime);

        var mail = (await world.Factory.MailAsync()).Single();
        mail.To.ShouldBe("hope@example.com");
        mail.Subject.ShouldBe("Your application to Spring 2027 was declined");
        mail.Body.ShouldContain("Your application to join Spring 2027 as a mentee was declined.");
        mail.Body.ShouldContain("The coordinator's reason:\nThis round is for people based in Beijing.");
        mail.Body.ShouldContain(TandemFactory.PublicUrl + "/Applications/Mine");
        mail.Body.ShouldNotContain("协调员");

        var mine = await (await world.Factory.ApiClientAsync("hope@example.com")).GetFromJsonAsync<JsonElement>("/api/v1/me/applications");
        mine[0].GetProperty("decisionReason").GetString().ShouldBe("This round is for people based in Beijing.");
    }

    [Fact]
    public async Task TheReviewPageAcceptsWaitlistsAndDeclinesWithEmails()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("yu@example.com", profile: p => p.Bio = "Analyst who wants to lead.");
        await world.MemberAsync("boss@example.com", coordinator: true);
        var id = await AppliedAsync(world, "yu@example.com", cohort);
        var browser = await world.Factory.PageClientAsync("boss@example.com");
        var url = $"/Applications/Review/{id}";

        var page = await Pages.GetDocumentAsync(browser, url);
        page.QuerySelector("h1")!.TextContent.ShouldBe("yu");
        page.QuerySelector("main")!.TextContent.ShouldContain(ApplicationWorld.Flourish);
        page.QuerySelector("main")!.TextContent.ShouldContain("Analyst who wants to lead.");

        var refused = await Pages.PostFormAsync(browser, url, new() { ["Input.Decision"] = "Decline", ["Input.Reason"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please give a reason for declining; it is sent to the applicant.");
        (await world.ApplicationsAsync()).Single().Status.ShouldBe(ApplicationStatus.Submitted);

        (await Pages.PostFormAsync(browser, url, new() { ["Input.Decision"] = "Waitlist" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.ApplicationsAsync()).Single().Status.ShouldBe(ApplicationStatus.Waitlisted);
        (await Pages.PostFormAsync(browser, url, new() { ["Input.Decision"] = "Accept" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var accepted = await Pages.GetDocumentAsync(browser, url);
        accepted.QuerySelector("#status")!.TextContent.ShouldBe("Accepted");
        accepted.QuerySelector(".alert-success")!.TextContent.ShouldBe("yu is now Accepted; we emailed the applicant.");

        var mails = await world.Factory.MailAsync();
        mails.Select(m => m.Subject).ShouldBe(["You are on the waitlist for Spring 2027", "Your application to Spring 2027 was accepted"], ignoreOrder: true);
        mails.ShouldAllBe(m => m.To == "yu@example.com");
    }

    [Fact]
    public async Task DecisionsWaitForAnOpenOrMatchingCohortAndAcceptingRechecksTheSeat()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var spring = await world.CohortAsync();
        var summer = await world.CohortAsync("Summer 2027", starts: new DateOnly(2027, 5, 1));
        await world.MemberAsync("kai@example.com");
        await world.MemberAsync("boss@example.com", coordinator: true);
        var id = await AppliedAsync(world, "kai@example.com", spring);
        var coordinator = await world.Factory.ApiClientAsync("boss@example.com");

        // Declined: the seat goes back, and she uses it for the summer cohort.
        (await coordinator.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "decline", reason = "Track full." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AppliedAsync(world, "kai@example.com", summer);
        var accept = await coordinator.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "accept" });
        accept.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await accept.Content.ReadAsStringAsync()).ShouldContain("This applicant has no free membership covering 4/15/2027; they need a membership before they can be accepted.");
        (await world.ApplicationsAsync()).Single(a => a.Id == id).Status.ShouldBe(ApplicationStatus.Declined);

        await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == spring).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CohortStatus.Active)));
        var late = await coordinator.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "waitlist" });
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).ShouldContain("Decisions can only be made while Spring 2027 is open or matching.");
        (await world.ApplicationsAsync()).Single(a => a.Id == id).Status.ShouldBe(ApplicationStatus.Declined);
        (await world.Factory.MailAsync()).Count.ShouldBe(1);
        (await coordinator.PostAsJsonAsync("/api/v1/applications/9999/decision", new { decision = "accept" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheListPagesFiltersSearchesAndSorts(Db db)
    {
        using var world = await ApplicationWorld.CreateAsync(db);
        var spring = await world.CohortAsync();
        var autumn = await world.CohortAsync("Autumn 2027", CohortStatus.Matching, starts: new DateOnly(2027, 10, 1));
        await world.MemberAsync("boss@example.com", coordinator: true);
        // 28 mentees in spring (one a day from 1 Feb), 2 mentors in autumn.
        for (var i = 0; i < 28; i++)
        {
            var id = await world.MemberAsync($"mentee{i:00}@example.com", i % 2 == 0 ? Seniority.Entry : Seniority.Junior, membership: false,
                p => { p.Industry = i < 5 ? "Healthcare" : "Finance"; p.Employer = i == 7 ? "Globex Medical" : "Acme"; });
            await Insert(world, spring, id, ApplicationRole.Mentee, i == 3 ? ApplicationStatus.Accepted : ApplicationStatus.Submitted, world.Standard, i);
        }
        for (var i = 0; i < 2; i++)
        {
            var id = await world.MemberAsync($"mentor{i}@example.com", Seniority.Executive, membership: false, p => p.DisplayName = i == 0 ? "Zhou Ying" : "Sun Hui");
            await Insert(world, autumn, id, ApplicationRole.Mentor, ApplicationStatus.Submitted, null, 40 + i, tracks: $",{world.Advanced},", expertise: i == 0 ? ",supply chain," : ",marketing,");
        }
        var api = await world.Factory.ApiClientAsync("boss@example.com");

        async Task<(int Total, List<string> Emails)> List(string query)
        {
            var r = await api.GetFromJsonAsync<JsonElement>("/api/v1/applications?" + query);
            return (r.GetProperty("total").GetInt32(), r.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("email").GetString()!).ToList());
        }

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/applications");
        first.GetProperty("total").GetInt32().ShouldBe(30);
        first.GetProperty("pageSize").GetInt32().ShouldBe(25);
        first.GetProperty("items").GetArrayLength().ShouldBe(25);
        first.GetProperty("items")[0].GetProperty("email").GetString().ShouldBe("mentor1@example.com"); // newest first
        (await List("page=2")).Emails.Count.ShouldBe(5);
        (await List("sort=oldest&pageSize=3")).Emails.ShouldBe(["mentee00@example.com", "mentee01@example.com", "mentee02@example.com"]);
        (await List($"cohortId={autumn}")).Total.ShouldBe(2);
        (await List("role=mentor")).Total.ShouldBe(2);
        (await List("status=accepted")).Emails.ShouldBe(["mentee03@example.com"]);
        (await List($"trackId={world.Advanced}")).Total.ShouldBe(2);
        (await List($"trackId={world.Standard}")).Total.ShouldBe(28);
        (await List("seniority=Entry")).Total.ShouldBe(14);
        (await List("industry=healthcare")).Total.ShouldBe(5);
        (await List("q=Zhou")).Emails.ShouldBe(["mentor0@example.com"]);
        (await List("q=MENTEE1")).Total.ShouldBe(10);
        (await List("q=globex")).Emails.ShouldBe(["mentee07@example.com"]);
        (await List("q=supply")).Emails.ShouldBe(["mentor0@example.com"]);
        (await List("industry=finance&seniority=junior&sort=oldest")).Emails.First().ShouldBe("mentee05@example.com");

        var browser = await world.Factory.PageClientAsync("boss@example.com");
        var page1 = await Pages.GetDocumentAsync(browser, "/Applications");
        page1.QuerySelectorAll("#applications tbody tr").Length.ShouldBe(25);
        page1.QuerySelector("#total")!.TextContent.ShouldBe("30 applications");
        page1.QuerySelectorAll(".pagination a").Select(a => a.GetAttribute("href")).ShouldBe(["?page=1", "?page=2"]);
        var filtered = await Pages.GetDocumentAsync(browser, $"/Applications?cohortId={spring}&q=globex");
        filtered.QuerySelectorAll("#applications tbody tr").Length.ShouldBe(1);
        filtered.QuerySelector("#export")!.GetAttribute("href").ShouldBe($"/Applications/Export?cohortId={spring}&q=globex");
    }

    [Fact]
    public async Task TheCsvExportHoldsTheFilteredListAndParsesBack()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var spring = await world.CohortAsync();
        await world.MemberAsync("boss@example.com", coordinator: true);
        var tricky = await world.MemberAsync("tricky@example.com", membership: false, profile: p => { p.DisplayName = "=HYPERLINK(\"x\"), \"Li\""; p.Employer = "Acme, Inc."; });
        await Insert(world, spring, tricky, ApplicationRole.Mentee, ApplicationStatus.Submitted, world.Standard, 0);
        var mentor = await world.MemberAsync("mentor@example.com", Seniority.Executive, membership: false);
        await Insert(world, spring, mentor, ApplicationRole.Mentor, ApplicationStatus.Waitlisted, null, 1, tracks: $",{world.Standard},", expertise: ",negotiation,coaching,");

        var api = await world.Factory.ApiClientAsync("boss@example.com");
        var response = await api.GetAsync("/api/v1/applications.csv?role=mentee");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        rows.Count.ShouldBe(1);
        rows[0]["Email"].ShouldBe("tricky@example.com");
        rows[0]["Name"].ShouldBe("'=HYPERLINK(\"x\"), \"Li\""); // a formula is neutralised, commas and quotes survive
        rows[0]["Employer"].ShouldBe("Acme, Inc.");
        rows[0]["Track"].ShouldBe("Standard");
        rows[0]["SubmittedAt"].ShouldBe("2027-02-01T00:00:00Z");

        var browser = await world.Factory.PageClientAsync("boss@example.com");
        var download = await browser.GetAsync("/Applications/Export?status=waitlisted");
        download.Content.Headers.ContentDisposition!.FileName.ShouldBe("applications.csv");
        var mentors = ParseCsv(await download.Content.ReadAsByteArrayAsync());
        mentors.Single()["Role"].ShouldBe("Mentor");
        mentors.Single()["Expertise"].ShouldBe("negotiation; coaching");
        mentors.Single()["Capacity"].ShouldBe("2");
    }

    private static List<Dictionary<string, string>> ParseCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, null);
        var headers = reader.Headers.ToList();
        headers.ShouldBe(ApplicationSearch.CsvColumns);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(headers.ToDictionary(h => h, h => reader.GetString(h)));
        return rows;
    }

    private static async Task<int> AppliedAsync(ApplicationWorld world, string email, int cohortId)
    {
        var response = await world.ApplyApiAsync(await world.Factory.ApiClientAsync(email), cohortId, world.MenteeBody());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Task Insert(ApplicationWorld world, int cohortId, string userId, ApplicationRole role, ApplicationStatus status, int? trackId, int day,
        string tracks = "", string expertise = "") =>
        world.Factory.WithDbAsync(async d =>
        {
            d.Applications.Add(new Application
            {
                CohortId = cohortId, UserId = userId, Role = role, Status = status, TrackId = trackId, TracksServed = tracks, Expertise = expertise,
                Capacity = role == ApplicationRole.Mentor ? 2 : 0, Flourish = role == ApplicationRole.Mentee ? ApplicationWorld.Flourish : null,
                Availability = 1, Languages = ",en,", SubmittedAt = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day),
            });
            await d.SaveChangesAsync();
        });

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, object body) => method switch
    {
        "GET" => client.GetAsync(url),
        "PUT" => client.PutAsJsonAsync(url, body),
        _ => client.PostAsJsonAsync(url, body),
    };
}
