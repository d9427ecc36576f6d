using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Profiles;

public sealed class ProfileTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static object FullProfile(string name = "Zhao Min") => new
    {
        displayName = name, gender = "woman", pronouns = "she/her", languages = new[] { "zh", "EN", "fr" }, city = "Beijing",
        timeZone = "Asia/Shanghai", employer = "Acme", jobTitle = "Analyst", seniority = "Junior", industry = "Finance",
        expertise = new[] { "Risk", "risk", "Excel" }, interests = new[] { "hiking" }, bio = "I like numbers.",
        links = new[] { "https://example.com/me" },
    };

    [Fact]
    public async Task PuttingMyProfileSavesItAndReportsNothingMissingForAMentee()
    {
        var id = await factory.CreateUserAsync("min@example.com");
        var client = await factory.ApiClientAsync("min@example.com");
        var put = await client.PutAsJsonAsync("/api/v1/me/profile", FullProfile());
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        var json = await (await client.GetAsync("/api/v1/me/profile")).JsonAsync();
        json.GetProperty("displayName").GetString().ShouldBe("Zhao Min");
        json.GetProperty("seniority").GetString().ShouldBe("Junior");
        json.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["zh", "en", "fr"]);
        json.GetProperty("expertise").EnumerateArray().Select(l => l.GetString()).ShouldBe(["risk", "excel"]);
        json.GetProperty("missingForMentee").GetArrayLength().ShouldBe(0);
        json.GetProperty("missingForMentor").EnumerateArray().Select(x => x.GetString()).ShouldBeEmpty();
        var stored = await factory.WithDbAsync(db => db.Profiles.SingleAsync(p => p.UserId == id));
        stored.Languages.ShouldBe(",zh,en,fr,");
        stored.TimeZone.ShouldBe("Asia/Shanghai");
    }

    [Fact]
    public async Task AnIncompleteProfileListsWhatMatchingStillNeeds()
    {
        await factory.CreateUserAsync("new@example.com", profile: p => p.Languages = "");
        var client = await factory.ApiClientAsync("new@example.com");
        var json = await (await client.GetAsync("/api/v1/me/profile")).JsonAsync();
        json.GetProperty("missingForMentee").EnumerateArray().Select(x => x.GetString())
            .ShouldBe(["Seniority", "Language", "CityAndTimeZone", "EmployerOrJobTitle", "Industry"]);
        json.GetProperty("missingForMentor").EnumerateArray().Select(x => x.GetString()).ShouldContain("Expertise");
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons", "TimeZone")]
    [InlineData("links", "javascript:alert(1)", "Links")]
    [InlineData("links", "ftp://example.com/file", "Links")]
    [InlineData("languages", "english!", "Languages")]
    [InlineData("bio", "LONG", "Bio")]
    [InlineData("displayName", "", "DisplayName")]
    public async Task BadProfileInputIsRefusedAndChangesNothing(string field, string value, string errorField)
    {
        var id = await factory.CreateUserAsync("bad@example.com");
        var client = await factory.ApiClientAsync("bad@example.com");
        var body = new Dictionary<string, object?> { ["displayName"] = "Changed", ["city"] = "Shanghai" };
        body[field] = field is "links" or "languages" ? new[] { value } : value == "LONG" ? new string('x', 1001) : value;
        var response = await client.PutAsJsonAsync("/api/v1/me/profile", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldContain(errorField);
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id));
        stored.DisplayName.ShouldBe("bad");
        stored.City.ShouldBeNull();
    }

    [Fact]
    public async Task TheEditPageSavesTheFormAndShowsTheCompletenessHint()
    {
        var id = await factory.CreateUserAsync("page@example.com");
        var client = await factory.PageClientAsync("page@example.com");
        var before = await Pages.GetDocumentAsync(client, "/Profiles/Edit");
        before.QuerySelectorAll("#missing li").Select(li => li.TextContent).ShouldContain("your industry");
        // Someone who is not a mentor is never asked for a mentor's expertise.
        before.QuerySelectorAll("#missing li").Select(li => li.TextContent).ShouldNotContain("your areas of expertise");
        // The zone and the languages are chosen from lists; an empty zone is left for the browser to suggest.
        var zone = before.QuerySelector("select[name='Input.TimeZone']")!;
        zone.GetAttribute("data-browser-zone").ShouldBe("fill");
        zone.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldContain("Asia/Shanghai");
        before.QuerySelector("input[name='Input.TimeZone']").ShouldBeNull();
        before.QuerySelector("label[for=lang-ja]")!.TextContent.ShouldBe("Japanese");
        before.QuerySelector("input[name='Input.OtherLanguages']").ShouldBeNull();

        var response = await Pages.PostFormAsync(client, "/Profiles/Edit", new()
        {
            ["Input.DisplayName"] = "Page Person", ["Input.Languages"] = "ja", ["Input.City"] = "Beijing",
            ["Input.TimeZone"] = "Asia/Shanghai", ["Input.Employer"] = "Acme", ["Input.Seniority"] = "MidManagement", ["Input.Industry"] = "Law",
            ["Input.Expertise"] = "contracts, negotiation", ["Input.Links"] = "https://example.com\nhttp://example.org/a",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await Pages.GetDocumentAsync(client, "/Profiles/Edit");
        after.QuerySelector("#missing").ShouldBeNull();
        after.QuerySelector("[role=status].alert-success")!.TextContent.ShouldContain("Your profile is saved.");
        after.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value").ShouldBe("Asia/Shanghai");
        after.QuerySelector("#lang-ja")!.HasAttribute("checked").ShouldBeTrue();
        var stored = await factory.WithDbAsync(db => db.Profiles.SingleAsync(p => p.UserId == id));
        (stored.Languages, stored.Seniority, stored.Expertise, stored.Links).ShouldBe((",ja,", Seniority.MidManagement, ",contracts,negotiation,", "https://example.com\nhttp://example.org/a"));
    }

    [Fact]
    public async Task TheEditPageShowsWhyALinkIsRefused()
    {
        await factory.CreateUserAsync("link@example.com");
        var client = await factory.PageClientAsync("link@example.com");
        var response = await Pages.PostFormAsync(client, "/Profiles/Edit", new() { ["Input.DisplayName"] = "X", ["Input.Links"] = "www.example.com" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()))
            .ShouldContain("\"www.example.com\" is not a web address; links must start with http:// or https://.");
    }

    [Fact]
    public async Task ThePersonalityQuestionnaireStoresOnlyTheFiveTraitsAndCanBeCleared()
    {
        var id = await factory.CreateUserAsync("tipi@example.com");
        var client = await factory.ApiClientAsync("tipi@example.com");
        var put = await client.PutAsJsonAsync("/api/v1/me/profile/personality", new { answers = new[] { 7, 1, 1, 7, 3, 6, 2, 5, 4, 2 } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id));
        (stored.Extraversion, stored.Agreeableness, stored.Conscientiousness, stored.EmotionalStability, stored.Openness).ShouldBe((4.5, 4.5, 2.0, 2.5, 4.5));

        var bad = await client.PutAsJsonAsync("/api/v1/me/profile/personality", new { answers = new[] { 4, 4, 4 } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).ShouldBe(["Answers"]);
        (await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id))).Extraversion.ShouldBe(4.5);

        (await client.DeleteAsync("/api/v1/me/profile/personality")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id))).Openness.ShouldBeNull();
    }

    [Fact]
    public async Task ThePersonalityPageExplainsItselfScoresAllFoursAsFourAndClears()
    {
        var id = await factory.CreateUserAsync("tipipage@example.com");
        var client = await factory.PageClientAsync("tipipage@example.com");
        var page = await Pages.GetDocumentAsync(client, "/Profiles/Personality");
        page.QuerySelector("#purpose")!.TextContent.ShouldContain("optional");
        page.QuerySelector("#purpose")!.TextContent.ShouldContain("pairs");

        var answers = Enumerable.Range(0, 10).ToDictionary(i => $"Answers[{i}]", _ => "4");
        (await Pages.PostFormAsync(client, "/Profiles/Personality", answers)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id));
        new[] { stored.Extraversion, stored.Agreeableness, stored.Conscientiousness, stored.EmotionalStability, stored.Openness }.ShouldAllBe(v => v == 4.0);

        var missingOne = await Pages.PostFormAsync(client, "/Profiles/Personality", answers.Where(a => a.Key != "Answers[9]").ToDictionary());
        Pages.Errors(await Pages.ParseAsync(await missingOne.Content.ReadAsStringAsync())).ShouldContain("Please answer all ten statements with a number from 1 to 7.");

        (await Pages.PostFormAsync(client, "/Profiles/Personality", [], handler: "Clear")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == id))).Extraversion.ShouldBeNull();
    }

    [Fact]
    public async Task CoordinatorsSeeAnyMembersProfileButMembersDoNot()
    {
        var memberId = await factory.CreateUserAsync("member@example.com", profile: p => p.Bio = "Private-ish bio");
        var otherId = await factory.CreateUserAsync("other@example.com");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);

        var coordinator = await factory.ApiClientAsync("coord@example.com");
        var json = await (await coordinator.GetAsync($"/api/v1/profiles/{memberId}")).JsonAsync();
        json.GetProperty("bio").GetString().ShouldBe("Private-ish bio");
        (await coordinator.GetAsync("/api/v1/profiles/nobody")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("coord@example.com"), $"/Profiles/View/{memberId}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("member");

        var member = await factory.ApiClientAsync("other@example.com");
        (await member.GetAsync($"/api/v1/profiles/{memberId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberPage = await (await factory.PageClientAsync("other@example.com")).GetAsync($"/Profiles/View/{memberId}");
        memberPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        memberPage.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        otherId.ShouldNotBe(memberId);
    }

    [Theory]
    [InlineData("GET", "/api/v1/me/profile")]
    [InlineData("PUT", "/api/v1/me/profile")]
    [InlineData("PUT", "/api/v1/me/profile/personality")]
    [InlineData("DELETE", "/api/v1/me/profile/personality")]
    [InlineData("GET", "/api/v1/profiles/someone")]
    public async Task AnonymousCallersGet401FromTheProfileApi(string method, string url)
    {
        var response = await factory.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/Profiles/Edit")]
    [InlineData("/Profiles/Personality")]
    [InlineData("/Profiles/View/someone")]
    public async Task AnonymousVisitorsAreSentToSignInFromProfilePages(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
