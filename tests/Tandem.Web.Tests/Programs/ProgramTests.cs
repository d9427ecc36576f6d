using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Programs;

public sealed class ProgramTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<HttpClient> CoordinatorAsync()
    {
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        return await factory.ApiClientAsync("coord@example.com");
    }

    [Fact]
    public async Task AFirstRunWithoutDemoDataCreatesTheDefaultProgramAndTracksForEveryone()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/program");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        (json.GetProperty("cohortLengthMonths").GetInt32(), json.GetProperty("cohortsPerYear").GetInt32(), json.GetProperty("minimumMeetings").GetInt32()).ShouldBe((6, 2, 3));
        (json.GetProperty("menteesNeedMembership").GetBoolean(), json.GetProperty("mentorsNeedMembership").GetBoolean()).ShouldBe((true, false));
        var tracks = json.GetProperty("tracks").EnumerateArray().ToDictionary(
            t => t.GetProperty("code").GetString()!,
            t => (Mentees: string.Join(",", t.GetProperty("menteeLevels").EnumerateArray().Select(l => l.GetString())),
                  Mentors: string.Join(",", t.GetProperty("mentorLevels").EnumerateArray().Select(l => l.GetString()))));
        tracks["standard"].Mentees.ShouldBe("Entry,Junior");
        tracks["advanced"].ShouldBe(("MidManagement", "Executive"));
        (await factory.Anonymous().GetAsync("/api/v1/program/tracks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Programs.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task CoordinatorsChangeTheSettings()
    {
        var client = await CoordinatorAsync();
        var response = await client.PutAsJsonAsync("/api/v1/program", new
        {
            name = "Her Network", description = "Twice a year.", cohortLengthMonths = 12, cohortsPerYear = 1, minimumMeetings = 6,
            menteesNeedMembership = false, mentorsNeedMembership = true, contactEmail = "hi@example.com", donationRecipient = "Spring Bud", defaultCurrency = "usd",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var program = await factory.WithDbAsync(db => db.Programs.SingleAsync());
        (program.Name, program.CohortLengthMonths, program.MinimumMeetings, program.MentorsNeedMembership, program.DefaultCurrency).ShouldBe(("Her Network", 12, 6, true, "USD"));
    }

    [Theory]
    [InlineData("cohortLengthMonths", 25, "CohortLengthMonths")]
    [InlineData("cohortLengthMonths", 0, "CohortLengthMonths")]
    [InlineData("cohortsPerYear", 5, "CohortsPerYear")]
    [InlineData("minimumMeetings", 0, "MinimumMeetings")]
    [InlineData("minimumMeetings", 21, "MinimumMeetings")]
    [InlineData("defaultCurrency", "ABC", "DefaultCurrency")]
    [InlineData("contactEmail", "not an email", "ContactEmail")]
    [InlineData("name", "", "Name")]
    public async Task BadSettingsAreRefusedAndNothingChanges(string field, object value, string errorField)
    {
        var client = await CoordinatorAsync();
        var body = new Dictionary<string, object> { ["name"] = "Renamed", ["defaultCurrency"] = "CNY", [field] = value };
        var response = await client.PutAsJsonAsync("/api/v1/program", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldContain(errorField);
        var program = await factory.WithDbAsync(db => db.Programs.SingleAsync());
        (program.Name, program.CohortLengthMonths, program.DefaultCurrency).ShouldBe(("Mentorship program", 6, "CNY"));
    }

    [Fact]
    public async Task TracksAreAddedAndChangedWithAtLeastOneLevelOnEachSideAndAUniqueCode()
    {
        var client = await CoordinatorAsync();
        var added = await client.PostAsJsonAsync("/api/v1/program/tracks", new { code = "Reverse", name = "Reverse", menteeLevels = new[] { "Executive" }, mentorLevels = new[] { "Entry", "Junior" } });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await added.JsonAsync()).GetProperty("id").GetInt32();
        var stored = await factory.WithDbAsync(db => db.Tracks.SingleAsync(t => t.Id == id));
        (stored.Code, stored.MenteeLevels, stored.MentorLevels).ShouldBe(("reverse", SeniorityLevels.Executive, SeniorityLevels.Entry | SeniorityLevels.Junior));

        var duplicate = await client.PostAsJsonAsync("/api/v1/program/tracks", new { code = "standard", name = "Again", menteeLevels = new[] { "Entry" }, mentorLevels = new[] { "Senior" } });
        (await duplicate.ErrorTextAsync()).ShouldBe("Another track already uses the code \"standard\".");
        var noLevels = await client.PostAsJsonAsync("/api/v1/program/tracks", new { code = "x", name = "X", menteeLevels = Array.Empty<string>(), mentorLevels = new[] { "Senior" } });
        (await noLevels.ErrorFieldsAsync()).ShouldBe(["MenteeLevels"]);
        (await factory.WithDbAsync(db => db.Tracks.CountAsync())).ShouldBe(3);

        var changed = await client.PutAsJsonAsync($"/api/v1/program/tracks/{id}", new { code = "reverse", name = "Reverse mentoring", menteeLevels = new[] { "Executive", "Senior" }, mentorLevels = new[] { "Junior" } });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Tracks.SingleAsync(t => t.Id == id))).MenteeLevels.ShouldBe(SeniorityLevels.Senior | SeniorityLevels.Executive);
        var clash = await client.PutAsJsonAsync($"/api/v1/program/tracks/{id}", new { code = "advanced", name = "X", menteeLevels = new[] { "Executive" }, mentorLevels = new[] { "Junior" } });
        clash.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PutAsJsonAsync("/api/v1/program/tracks/9999", new { code = "z", name = "Z", menteeLevels = new[] { "Entry" }, mentorLevels = new[] { "Entry" } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSettingsAndTrackPagesSaveAndExplainRefusals()
    {
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var browser = await factory.PageClientAsync("coord@example.com");
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Her Network", ["Input.CohortLengthMonths"] = "30", ["Input.CohortsPerYear"] = "2", ["Input.MinimumMeetings"] = "3",
            ["Input.MenteesNeedMembership"] = "true", ["Input.DefaultCurrency"] = "CNY", ["Input.DonationRecipient"] = "Spring Bud",
        };
        var bad = await Pages.PostFormAsync(browser, "/Programs/Edit", form);
        Pages.Errors(await Pages.ParseAsync(await bad.Content.ReadAsStringAsync())).ShouldContain("A cohort lasts from 1 to 24 months.");
        form["Input.CohortLengthMonths"] = "6";
        (await Pages.PostFormAsync(browser, "/Programs/Edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Programs.SingleAsync())).DonationRecipient.ShouldBe("Spring Bud");

        var track = new Dictionary<string, string> { ["Input.Code"] = "peer", ["Input.Name"] = "Peer", ["Input.MenteeLevels"] = "Junior" };
        var refused = await Pages.PostFormAsync(browser, "/Programs/Track", track);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Choose at least one seniority level for mentors.");
        track["Input.MentorLevels"] = "Junior";
        (await Pages.PostFormAsync(browser, "/Programs/Track", track)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Pages.GetDocumentAsync(browser, "/Programs/Tracks");
        list.QuerySelectorAll("#tracks tbody tr").Length.ShouldBe(3);
        var id = await factory.WithDbAsync(db => db.Tracks.Where(t => t.Code == "peer").Select(t => t.Id).SingleAsync());
        (await Pages.GetDocumentAsync(browser, $"/Programs/Track/{id}")).QuerySelector("#mentor-Junior")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Theory]
    [InlineData("PUT", "/api/v1/program")]
    [InlineData("POST", "/api/v1/program/tracks")]
    [InlineData("PUT", "/api/v1/program/tracks/1")]
    public async Task OnlyCoordinatorsChangeTheProgram(string method, string url)
    {
        await factory.CreateUserAsync("member@example.com");
        HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = JsonContent.Create(new { name = "Hijacked", code = "h", menteeLevels = new[] { "Entry" }, mentorLevels = new[] { "Entry" } }) };
        (await factory.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await factory.ApiClientAsync("member@example.com")).SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Programs.SingleAsync())).Name.ShouldBe("Mentorship program");
    }

    [Theory]
    [InlineData("/Programs/Edit")]
    [InlineData("/Programs/Tracks")]
    [InlineData("/Programs/Track")]
    public async Task ProgramPagesAreForCoordinators(string url)
    {
        await factory.CreateUserAsync("member@example.com");
        (await factory.Anonymous().GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await (await factory.PageClientAsync("member@example.com")).GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
