using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Webinars;

public sealed class WebinarTests : IAsyncLifetime
{
    private CommunityWorld world = null!;
    private TandemFactory Factory => world.Factory;
    private static readonly DateTime Tomorrow = new(2027, 3, 11, 11, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => world = await CommunityWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        world.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<int> WebinarAsync(int? capacity = null, DateTime? starts = null, int? cohortId = null) =>
        Factory.WithDbAsync(async db =>
        {
            var start = starts ?? Tomorrow;
            var w = new Webinar { CohortId = cohortId ?? world.CohortId, Title = "Dilemmas at work", StartsAt = start, EndsAt = start.AddHours(1), Capacity = capacity, Audience = Audience.Mentees, Link = "https://meet.example.com/w" };
            db.Webinars.Add(w);
            await db.SaveChangesAsync();
            return w.Id;
        });

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A posts anonymously (page), B suggests (API), A marks it helpful (page).</summary>
    private async Task<(int Webinar, int Dilemma, int Solution, string AuthorId)> AnonymousDilemmaAsync()
    {
        var a = await world.MenteeAsync("anna@example.com");
        await world.MenteeAsync("bella@example.com");
        var webinar = await WebinarAsync();
        var annaPage = await Factory.PageClientAsync("anna@example.com");
        var posted = await Pages.PostFormAsync(annaPage, $"/Webinars/{webinar}", new()
        {
            ["Input.Title"] = "My manager takes credit for my work", ["Input.Body"] = "How do I raise it without burning the bridge?", ["Input.Anonymous"] = "true",
        }, "Dilemma");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dilemma = await Factory.WithDbAsync(db => db.Dilemmas.Select(d => d.Id).SingleAsync());
        var bella = await Factory.ApiClientAsync("bella@example.com");
        (await bella.PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/solutions", new { text = "Send a written recap after each project." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var solution = await Factory.WithDbAsync(db => db.DilemmaSolutions.Select(s => s.Id).SingleAsync());
        (await Pages.PostFormAsync(annaPage, $"/Webinars/{webinar}", new() { ["solutionId"] = S(solution), ["on"] = "true" }, "Helpful")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (webinar, dilemma, solution, a);
    }

    [Fact]
    public async Task AnAnonymousDilemmaIsLinkedToItsAuthorByNoPageApiOrExportForCoordinatorsOrOthers()
    {
        var (webinar, dilemma, solution, authorId) = await AnonymousDilemmaAsync();
        (await Factory.WithDbAsync(db => db.DilemmaSolutions.SingleAsync())).Helpful.ShouldBeTrue();
        string[] secrets = [authorId, "anna@example.com", "Name anna", "anna"];

        var outputs = new List<(string Who, string Text)>();
        foreach (var email in new[] { "coord@example.com", "bella@example.com" })
        {
            var page = await Factory.PageClientAsync(email);
            outputs.Add((email + " page", await page.GetStringAsync($"/Webinars/{webinar}")));
            outputs.Add((email + " calendar", await page.GetStringAsync("/Events")));
            var api = await Factory.ApiClientAsync(email);
            outputs.Add((email + " api", await api.GetStringAsync($"/api/v1/webinars/{webinar}/dilemmas")));
            outputs.Add((email + " webinar api", await api.GetStringAsync($"/api/v1/webinars/{webinar}")));
        }
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var csv = await coordinator.GetAsync($"/api/v1/webinars/{webinar}/dilemmas.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        outputs.Add(("export", await csv.Content.ReadAsStringAsync()));

        foreach (var (who, text) in outputs)
            foreach (var secret in secrets)
                text.ShouldNotContain(secret, Case.Insensitive, $"{who} reveals {secret}");

        outputs.Single(o => o.Who == "export").Text.ShouldContain("\"Anonymous\"");
        var doc = await Pages.ParseAsync(outputs.Single(o => o.Who == "coord@example.com page").Text);
        doc.QuerySelector($"#dilemma-{dilemma} .author")!.TextContent.Trim().ShouldBe("Anonymous");
        doc.QuerySelector($"#solution-{solution} .helped").ShouldNotBeNull();

        // The author alone sees that the post is theirs.
        var mine = await (await Factory.ApiClientAsync("anna@example.com")).GetAsync($"/api/v1/webinars/{webinar}/dilemmas");
        var json = (await mine.JsonAsync())[0];
        json.GetProperty("isMine").GetBoolean().ShouldBeTrue();
        json.GetProperty("authorName").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await (await Factory.ApiClientAsync("bella@example.com")).GetStringAsync($"/api/v1/webinars/{webinar}/dilemmas")).ShouldContain("\"isMine\":false");
    }

    [Fact]
    public async Task NamedDilemmasShowTheirAuthorAndOnlyTheAuthorMayEditOrMarkHelpful()
    {
        await world.MenteeAsync("anna@example.com");
        await world.MenteeAsync("bella@example.com");
        var webinar = await WebinarAsync();
        var anna = await Factory.ApiClientAsync("anna@example.com");
        (await anna.PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", new { title = "Asking for a raise", body = "When?", anonymous = false })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var dilemma = await Factory.WithDbAsync(db => db.Dilemmas.Select(d => d.Id).SingleAsync());
        var bella = await Factory.ApiClientAsync("bella@example.com");
        var board = await (await bella.GetAsync($"/api/v1/webinars/{webinar}/dilemmas")).JsonAsync();
        board[0].GetProperty("authorName").GetString().ShouldBe("Name anna");

        (await bella.PutAsJsonAsync($"/api/v1/dilemmas/{dilemma}", new { title = "Hijacked", body = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anna.PutAsJsonAsync($"/api/v1/dilemmas/{dilemma}", new { title = "Asking for a raise in spring", body = "When is best?", anonymous = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var own = await anna.PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/solutions", new { text = "Answering myself" });
        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bella.PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/solutions", new { text = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bella.PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/solutions", new { text = "Before the review cycle." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var solution = await Factory.WithDbAsync(db => db.DilemmaSolutions.Select(s => s.Id).SingleAsync());
        (await bella.PostAsync($"/api/v1/solutions/{solution}/helpful", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.DilemmaSolutions.SingleAsync())).Helpful.ShouldBeFalse();
        (await anna.PostAsync($"/api/v1/solutions/{solution}/helpful", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var edited = await Factory.WithDbAsync(db => db.Dilemmas.SingleAsync());
        edited.Title.ShouldBe("Asking for a raise in spring");
        edited.Anonymous.ShouldBeTrue();
    }

    [Fact]
    public async Task OnlyMenteesOfTheCohortPostAndOnlyBeforeTheWebinarEnds()
    {
        await world.MenteeAsync("anna@example.com");
        await world.MentorAsync("mentor@example.com");
        var other = await world.World.CohortAsync("Autumn 2027", Features.Cohorts.CohortStatus.Active);
        await world.MenteeAsync("elsewhere@example.com", other);
        var webinar = await WebinarAsync();
        var body = new { title = "A dilemma", body = "Details" };
        (await (await Factory.ApiClientAsync("mentor@example.com")).PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Factory.ApiClientAsync("elsewhere@example.com")).PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Factory.ApiClientAsync("elsewhere@example.com")).GetAsync($"/api/v1/webinars/{webinar}/dilemmas")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Factory.ApiClientAsync("coord@example.com")).PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var anna = await Factory.ApiClientAsync("anna@example.com");
        var empty = await anna.PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", new { title = " ", body = "" });
        (await empty.ErrorFieldsAsync()).ShouldBe(["Title", "Body"], ignoreOrder: true);
        world.Clock.Now = new DateTimeOffset(Tomorrow.AddHours(2), TimeSpan.Zero);
        anna = await Factory.ApiClientAsync("anna@example.com"); // bearer tokens expire after an hour
        var late = await anna.PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", body);
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.ErrorTextAsync()).ShouldContain("The webinar is over");
        (await Factory.WithDbAsync(db => db.Dilemmas.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task EachMenteeUpvotesASolutionOnceAndNotTheirOwn()
    {
        var (webinar, dilemma, solution, _) = await AnonymousDilemmaAsync();
        await world.MenteeAsync("cara@example.com");
        var cara = await Factory.ApiClientAsync("cara@example.com");
        (await (await cara.PostAsync($"/api/v1/solutions/{solution}/vote", null)).Content.ReadAsStringAsync()).ShouldBe("1");
        (await (await cara.PostAsync($"/api/v1/solutions/{solution}/vote", null)).Content.ReadAsStringAsync()).ShouldBe("1");
        var annaPage = await Factory.PageClientAsync("anna@example.com");
        (await Pages.PostFormAsync(annaPage, $"/Webinars/{webinar}", new() { ["solutionId"] = S(solution), ["on"] = "true" }, "Vote")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var bella = await Factory.ApiClientAsync("bella@example.com");
        (await bella.PostAsync($"/api/v1/solutions/{solution}/vote", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.SolutionVotes.CountAsync())).ShouldBe(2);
        var page = await Pages.GetDocumentAsync(await Factory.PageClientAsync("cara@example.com"), $"/Webinars/{webinar}");
        page.QuerySelector($"#solution-{solution} .votes")!.TextContent.ShouldBe("▲ 2");
        (await (await cara.DeleteAsync($"/api/v1/solutions/{solution}/vote")).Content.ReadAsStringAsync()).ShouldBe("1");
        (await (await Factory.ApiClientAsync("coord@example.com")).PostAsync($"/api/v1/solutions/{solution}/vote", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        dilemma.ShouldBePositive();
    }

    [Fact]
    public async Task CoordinatorsHidePostsWithAReasonWithoutLearningTheAuthor()
    {
        var (webinar, dilemma, solution, authorId) = await AnonymousDilemmaAsync();
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/hide", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.Dilemmas.SingleAsync())).Hidden.ShouldBeFalse();
        (await (await Factory.ApiClientAsync("bella@example.com")).PostAsJsonAsync($"/api/v1/dilemmas/{dilemma}/hide", new { reason = "spam" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var page = await Factory.PageClientAsync("coord@example.com");
        (await Pages.PostFormAsync(page, $"/Webinars/{webinar}", new() { ["dilemmaId"] = S(dilemma), ["reason"] = "Names a colleague" }, "HideDilemma")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var bellaBoard = await (await Factory.ApiClientAsync("bella@example.com")).GetStringAsync($"/api/v1/webinars/{webinar}/dilemmas");
        bellaBoard.ShouldBe("[]");
        (await Pages.GetDocumentAsync(await Factory.PageClientAsync("anna@example.com"), $"/Webinars/{webinar}")).QuerySelector($"#dilemma-{dilemma}").ShouldBeNull();
        var html = await page.GetStringAsync($"/Webinars/{webinar}");
        var doc = await Pages.ParseAsync(html);
        doc.QuerySelector($"#dilemma-{dilemma} .hidden-note")!.TextContent.ShouldBe("Hidden: Names a colleague");
        html.ShouldNotContain(authorId);
        html.ShouldNotContain("anna@example.com");
        (await (await Factory.ApiClientAsync("bella@example.com")).PostAsync($"/api/v1/solutions/{solution}/vote", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await coordinator.PostAsJsonAsync($"/api/v1/solutions/{solution}/hide", new { reason = "Off topic" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Factory.WithDbAsync(db => db.DilemmaSolutions.SingleAsync())).HiddenReason.ShouldBe("Off topic");
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task PeopleRacingForTheLastSeatsNeverOverfillAWebinar(Db provider)
    {
        if (provider != Db.Sqlite)
        {
            world.Dispose();
            world = await CommunityWorld.CreateAsync(provider);
        }
        var people = Enumerable.Range(1, 6).Select(i => $"racer{i}@example.com").ToList();
        foreach (var p in people) await world.MenteeAsync(p);
        var webinar = await WebinarAsync(capacity: 2);
        var clients = await Task.WhenAll(people.Select(p => Factory.ApiClientAsync(p)));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/webinars/{webinar}/registration", null)));

        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(2);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(4);
        (await Factory.WithDbAsync(db => db.WebinarRegistrations.CountAsync(r => r.WebinarId == webinar))).ShouldBe(2);
    }

    [Fact]
    public async Task RegistrationRespectsCapacityAndAttendanceCountsTowardEngagement()
    {
        var a = await world.MenteeAsync("anna@example.com");
        await world.MenteeAsync("bella@example.com");
        var webinar = await WebinarAsync(capacity: 1);
        var annaPage = await Factory.PageClientAsync("anna@example.com");
        (await Pages.PostFormAsync(annaPage, $"/Webinars/{webinar}", [], "Register")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var full = await (await Factory.ApiClientAsync("bella@example.com")).PostAsync($"/api/v1/webinars/{webinar}/registration", null);
        full.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await full.ErrorTextAsync()).ShouldBe("This webinar is full.");
        (await Factory.WithDbAsync(db => db.WebinarRegistrations.CountAsync())).ShouldBe(1);

        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        (await coordinator.PutAsJsonAsync($"/api/v1/webinars/{webinar}/attendance", new { attendedUserIds = new[] { a } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        world.Clock.Now = new DateTimeOffset(Tomorrow.AddMinutes(30), TimeSpan.Zero);
        coordinator = await Factory.ApiClientAsync("coord@example.com"); // bearer tokens expire after an hour
        (await coordinator.PutAsJsonAsync($"/api/v1/webinars/{webinar}/attendance", new { attendedUserIds = new[] { a } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var engagement = await (await coordinator.GetAsync($"/api/v1/people/{a}/engagement")).JsonAsync();
        engagement.GetProperty("webinarsAttended").GetInt32().ShouldBe(1);
        var regs = await (await coordinator.GetAsync($"/api/v1/webinars/{webinar}/registrations")).JsonAsync();
        regs.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task CoordinatorsScheduleWebinarsAndTheInvitationParses()
    {
        await world.MenteeAsync("anna@example.com");
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var bad = await coordinator.PostAsJsonAsync("/api/v1/webinars", new { cohortId = 999, title = "", startsAt = Tomorrow, endsAt = Tomorrow, link = "javascript:x", audience = "Mentees" });
        (await bad.ErrorFieldsAsync()).ShouldBe(["CohortId", "Title", "EndsAt", "Link"], ignoreOrder: true);
        (await Factory.WithDbAsync(db => db.Webinars.CountAsync())).ShouldBe(0);
        var created = await coordinator.PostAsJsonAsync("/api/v1/webinars", new { cohortId = world.CohortId, title = "Negotiation; salary, and you", startsAt = Tomorrow, endsAt = Tomorrow.AddHours(1), link = "https://meet.example.com/n", capacity = 30, audience = "Mentees" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var ics = await (await Factory.PageClientAsync("anna@example.com")).GetStringAsync($"/Webinars/{id}/invite.ics");
        var e = (await IcsParser.ParseAsync(ics)).GetProperty("events")[0];
        e.GetProperty("SUMMARY").GetString().ShouldBe("Negotiation; salary, and you");
        e.GetProperty("LOCATION").GetString().ShouldBe("https://meet.example.com/n");
        e.GetProperty("DTEND").GetString().ShouldBe("2027-03-11T12:00:00+00:00");
    }

    [Fact]
    public async Task EveryRouteHasItsAuthorizationRule()
    {
        await world.MenteeAsync("anna@example.com");
        var webinar = await WebinarAsync();
        var anonymous = Factory.Anonymous();
        foreach (var url in new[] { "/api/v1/webinars", $"/api/v1/webinars/{webinar}", $"/api/v1/webinars/{webinar}/dilemmas", $"/api/v1/webinars/{webinar}/dilemmas.csv", $"/api/v1/webinars/{webinar}/registrations" })
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        (await anonymous.PostAsJsonAsync($"/api/v1/webinars/{webinar}/dilemmas", new { title = "x", body = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var url in new[] { $"/Webinars/{webinar}", $"/Webinars/{webinar}/invite.ics", "/Webinars/Edit" })
            await CommunityWorld.AssertPageRedirectAsync(anonymous, url, "/Account/Login");

        var member = await Factory.ApiClientAsync("anna@example.com");
        (await member.GetAsync($"/api/v1/webinars/{webinar}/dilemmas.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/v1/webinars/{webinar}/registrations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/v1/webinars", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/webinars/{webinar}", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/webinars/{webinar}/attendance", new { attendedUserIds = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/v1/solutions/1/hide", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberPages = await Factory.PageClientAsync("anna@example.com");
        await CommunityWorld.AssertPageRedirectAsync(memberPages, "/Webinars/Edit", "/Account/AccessDenied");
        (await memberPages.GetAsync($"/Webinars/{webinar}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await world.MemberAsync("stranger@example.com");
        (await (await Factory.PageClientAsync("stranger@example.com")).GetAsync($"/Webinars/{webinar}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        stranger.ShouldNotBeNullOrEmpty();
    }
}
