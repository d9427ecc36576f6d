using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Applications;

public sealed class ApplyTests
{
    [Fact]
    public async Task AMenteeAppliesThroughTheApiAndGetsTheSeatOfHerMembership()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        var userId = await world.MemberAsync("mei@example.com");
        var client = await world.Factory.ApiClientAsync("mei@example.com");

        var response = await world.ApplyApiAsync(client, cohort, world.MenteeBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("Submitted");
        body.GetProperty("role").GetString().ShouldBe("Mentee");
        body.GetProperty("focusAreas").EnumerateArray().Select(e => e.GetString()).ShouldBe(["negotiation", "public speaking"]);
        var saved = (await world.ApplicationsAsync()).Single();
        saved.UserId.ShouldBe(userId);
        saved.MembershipId.ShouldNotBeNull();
        saved.Availability.ShouldBe(0b101);
        saved.MentorGenderPreference.ShouldBe(GenderPreference.Same);
        saved.MentorOrigin.ShouldBe(MentorOrigin.External);
        saved.OpenToReverse.ShouldBeTrue();
        saved.SubmittedAt.ShouldBe(ApplicationWorld.Now.UtcDateTime);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/applications/{saved.Id}");
    }

    [Fact]
    public async Task AMenteeAppliesThroughTheFormPrefilledWithHerProfileLanguages()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("lin@example.com");
        var client = await world.Factory.PageClientAsync("lin@example.com");
        var url = $"/Applications/Apply?cohortId={cohort}&role=Mentee";

        var form = await Pages.GetDocumentAsync(client, url);
        form.QuerySelector("input[name='Input.Languages']")!.GetAttribute("value").ShouldBe("en, zh");
        form.QuerySelectorAll("input[name='Input.Availability']").Length.ShouldBe(21);

        var response = await Pages.PostFormAsync(client, url, world.MenteeForm());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Applications/Mine");
        var saved = (await world.ApplicationsAsync()).Single();
        saved.Role.ShouldBe(ApplicationRole.Mentee);
        saved.TrackId.ShouldBe(world.Standard);
        saved.Availability.ShouldBe(1 << 4);
        saved.MeetingMode.ShouldBe(MeetingMode.InPerson);
        saved.MentorGenderPreference.ShouldBe(GenderPreference.Cross);
        saved.Languages.ShouldBe(",en,zh,");

        var mine = await Pages.GetDocumentAsync(client, "/Applications/Mine");
        mine.QuerySelector(".alert-success")!.TextContent.ShouldContain("Your application to Spring 2027 is submitted");
        mine.QuerySelector($"#my-applications tr[data-id='{saved.Id}'] .status")!.TextContent.ShouldBe("Submitted");
    }

    [Fact]
    public async Task AMentorWithoutMembershipAppliesWhenTheProgramDoesNotRequireOne()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("wang@example.com", Seniority.Executive, membership: false);
        var client = await world.Factory.ApiClientAsync("wang@example.com");

        var response = await world.ApplyApiAsync(client, cohort, world.MentorBody(world.Standard, world.Advanced));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = (await world.ApplicationsAsync()).Single();
        saved.MembershipId.ShouldBeNull();
        saved.Capacity.ShouldBe(2);
        saved.TracksServed.ShouldBe($",{world.Standard},{world.Advanced},");
        saved.PublicProfile.ShouldBeTrue();
        saved.TrackId.ShouldBeNull();
    }

    public static TheoryData<string> RefusalCases() =>
    [
        "no such cohort", "window not open yet", "window closed", "cohort not open", "no membership", "membership does not cover the start",
        "mentor membership when required", "mentee seniority", "mentor seniority", "duplicate", "mentee profile incomplete", "mentor without expertise",
    ];

    /// <summary>Each eligibility refusal: the API answers a ValidationProblem with the exact message, the page shows the
    /// same message (before the form and after posting it), and nothing is written.</summary>
    [Theory, MemberData(nameof(RefusalCases))]
    public async Task EachEligibilityRefusalIsExplainedByPageAndApiAndChangesNothing(string @case)
    {
        using var world = await ApplicationWorld.CreateAsync(mentorsNeedMembership: @case == "mentor membership when required");
        var open = await world.CohortAsync();
        var (email, cohort, role, message, blocksForm) = @case switch
        {
            "no such cohort" => (await Member(), 9999, "Mentee",
                "We could not find that cohort. Choose one of the open cohorts on My applications.", true),
            "window not open yet" => (await Member(), await world.CohortAsync("Autumn 2027", opens: new DateOnly(2027, 3, 20)), "Mentee",
                "Applications for Autumn 2027 open on 3/20/2027. Come back then.", true),
            "window closed" => (await Member(), await world.CohortAsync("Early 2027", closes: new DateOnly(2027, 3, 5)), "Mentee",
                "Applications for Early 2027 closed on 3/5/2027. Look for the next cohort on My applications.", true),
            "cohort not open" => (await Member(), await world.CohortAsync("Matching 2027", CohortStatus.Matching), "Mentee",
                "Applications for Matching 2027 closed on 3/31/2027. Look for the next cohort on My applications.", true),
            "no membership" => (await Member(membership: false), open, "Mentee",
                "Applying as a mentee needs a membership that covers 4/15/2027, when Spring 2027 starts. Get a membership, then apply again.", true),
            "membership does not cover the start" => (await MemberWithMembership(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), open, "Mentee",
                "Applying as a mentee needs a membership that covers 4/15/2027, when Spring 2027 starts. Get a membership, then apply again.", true),
            "mentor membership when required" => (await Member(Seniority.Executive, membership: false), open, "Mentor",
                "Applying as a mentor needs a membership that covers 4/15/2027, when Spring 2027 starts. Get a membership, then apply again.", true),
            "mentee seniority" => (await Member(Seniority.Senior), open, "Mentee",
                "The Standard track is for mentees at these levels: Entry, Junior. Your profile says Senior. Choose another track, or correct your seniority in your profile.", false),
            "mentor seniority" => (await Member(Seniority.Senior), open, "Mentor",
                "Mentors in the Advanced track must be at these levels: Executive. Your profile says Senior. Leave that track out, or correct your seniority in your profile.", false),
            "duplicate" => (await Applied(open), open, "Mentee",
                "You have already applied to Spring 2027 as a mentee. Edit that application from My applications instead.", true),
            "mentee profile incomplete" => (await Member(profile: p => { p.City = null; p.Employer = null; p.JobTitle = null; p.Industry = " "; }), open, "Mentee",
                "Your profile is missing: your city and time zone, your employer or job title, your industry. Complete your profile, then apply again.", true),
            "mentor without expertise" => (await Member(Seniority.Executive, profile: p => { p.Expertise = ""; p.Seniority = null; }), open, "Mentor",
                "Your profile is missing: your seniority level, your areas of expertise. Complete your profile, then apply again.", true),
            _ => throw new InvalidOperationException(@case),
        };
        var before = await world.ApplicationsAsync();
        var body = role == "Mentee" ? world.MenteeBody() : world.MentorBody(world.Standard, world.Advanced);

        var api = await world.ApplyApiAsync(await world.Factory.ApiClientAsync(email), cohort, body);
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(v => v.GetString()).ShouldContain(message);

        var browser = await world.Factory.PageClientAsync(email);
        var url = $"/Applications/Apply?cohortId={cohort}&role={role}";
        var page = await Pages.GetDocumentAsync(browser, url);
        if (blocksForm)
        {
            Pages.Errors(page).ShouldContain(message);
            page.QuerySelector("form button[type=submit].btn-primary").ShouldBeNull();
        }
        var form = role == "Mentee" ? world.MenteeForm() : new Dictionary<string, string>
        {
            ["Input.Capacity"] = "2", ["Input.TracksServed"] = world.Advanced.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Expertise"] = "negotiation", ["Input.Availability"] = "0", ["Input.Languages"] = "en",
        };
        var posted = await PostAsync(browser, url, form);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await posted.Content.ReadAsStringAsync())).ShouldContain(message);

        (await world.ApplicationsAsync()).Select(a => (a.Id, a.Status, a.UpdatedAt)).ShouldBe(before.Select(a => (a.Id, a.Status, a.UpdatedAt)));

        Task<string> Member(Seniority seniority = Seniority.Junior, bool membership = true, Action<Tandem.Web.Features.Profiles.Profile>? profile = null) =>
            world.MemberAsync("ana@example.com", seniority, membership, profile).ContinueWith(_ => "ana@example.com", TaskScheduler.Default);

        async Task<string> MemberWithMembership(DateOnly from, DateOnly to)
        {
            var id = await world.MemberAsync("ana@example.com", membership: false);
            await world.MembershipAsync(id, from, to);
            return "ana@example.com";
        }

        async Task<string> Applied(int cohortId)
        {
            await world.MemberAsync("ana@example.com");
            (await world.ApplyApiAsync(await world.Factory.ApiClientAsync("ana@example.com"), cohortId, world.MenteeBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
            return "ana@example.com";
        }
    }

    [Fact]
    public async Task VagueOrIncompleteAnswersAreRefusedWithFieldMessages()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("vague@example.com");
        var client = await world.Factory.ApiClientAsync("vague@example.com");

        var response = await world.ApplyApiAsync(client, cohort, new { role = "Mentee", trackId = world.Standard, flourish = "Grow.", availability = 0, languages = Array.Empty<string>() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("Flourish")[0].GetString().ShouldBe("Please be specific about how you want to flourish: write at least 30 characters.");
        errors.GetProperty("Availability")[0].GetString().ShouldBe("Tick at least one time slot when you are available.");
        errors.GetProperty("Languages")[0].GetString().ShouldBe("List at least one language you can meet in.");

        var mentor = await world.ApplyApiAsync(client, cohort, new { role = "Mentor", capacity = 6, availability = 1, languages = new[] { "en" } });
        var mentorErrors = (await mentor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        mentorErrors.GetProperty("Capacity")[0].GetString().ShouldBe("Capacity must be between 1 and 5 mentees.");
        mentorErrors.GetProperty("TracksServed")[0].GetString().ShouldBe("Choose at least one track you can serve.");
        mentorErrors.GetProperty("Expertise")[0].GetString().ShouldBe("List at least one area of expertise.");

        var browser = await world.Factory.PageClientAsync("vague@example.com");
        var form = world.MenteeForm(flourish: "Grow.");
        form.Remove("Input.Availability");
        var page = await Pages.PostFormAsync(browser, $"/Applications/Apply?cohortId={cohort}&role=Mentee", form);
        var shown = Pages.Errors(await Pages.ParseAsync(await page.Content.ReadAsStringAsync()));
        shown.ShouldContain("Please be specific about how you want to flourish: write at least 30 characters.");
        shown.ShouldContain("Tick at least one time slot when you are available.");
        (await world.ApplicationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApplyPageSpeaksChinese()
    {
        using var world = await ApplicationWorld.CreateAsync();
        await world.MemberAsync("zh@example.com", membership: false);
        var cohort = await world.CohortAsync();
        var client = await world.Factory.PageClientAsync("zh@example.com");

        var page = await Pages.GetDocumentAsync(client, $"/Applications/Apply?cohortId={cohort}&role=Mentee&culture=zh-Hans");

        page.QuerySelector("h1")!.TextContent.ShouldBe("申请成为学员");
        Pages.Errors(page).ShouldContain(e => e.StartsWith("以学员身份申请需要一份覆盖", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ConcurrentDoubleSubmitsCreateOneApplicationAndAnswerTheOtherWithTheDuplicateMessage(Db db)
    {
        using var world = await ApplicationWorld.CreateAsync(db);
        var cohort = await world.CohortAsync();
        await world.MemberAsync("twice@example.com");
        var clients = new[] { await world.Factory.ApiClientAsync("twice@example.com"), await world.Factory.ApiClientAsync("twice@example.com") };

        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(clients.Select(c => world.ApplyApiAsync(c, cohort, world.MenteeBody())));
            responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.BadRequest);
            foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest))
            {
                var body = await refused.Content.ReadAsStringAsync();
                body.ShouldContain("You have already applied to Spring 2027 as a mentee.", customMessage: body);
            }
            (await world.ApplicationsAsync()).Count.ShouldBe(1);
        }
        (await world.ApplicationsAsync()).Single().MembershipId.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApplicationsRoutes()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var doc = await world.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/cohorts/{cohortId}/applications");
        paths.ShouldContain("/api/v1/me/applications");
        paths.ShouldContain("/api/v1/applications");
        paths.ShouldContain("/api/v1/applications.csv");
        paths.ShouldContain("/api/v1/applications/{id}/decision");
        doc.GetProperty("paths").GetProperty("/api/v1/applications").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["cohortId", "status", "role", "trackId", "seniority", "industry", "q", "sort", "page", "pageSize"]);
    }

    /// <summary>
    /// Posts a form as a browser would that still had it open when the rules changed (the window closed, a seat
    /// went): a page that refuses up front shows no form, so the token comes from another page of the same session.
    /// </summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await Pages.ParseAsync(await client.GetStringAsync(url).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", TaskScheduler.Default));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? (await Pages.GetDocumentAsync(client, "/Account/Login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
