using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Faq;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Workbooks;

public sealed class WorkbookTests : IAsyncLifetime
{
    private CommunityWorld world = null!;
    private TandemFactory Factory => world.Factory;
    private const string Secret = "I am afraid to ask for the promotion";

    public async ValueTask InitializeAsync() => world = await CommunityWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        world.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A published workbook: section 1 (free text + scale), section 2 (checklist).</summary>
    private Task<(int Workbook, int Section1, int Section2, int Text, int Scale, int Checklist)> WorkbookAsync() =>
        Factory.WithDbAsync(async db =>
        {
            var w = new Workbook
            {
                Title = "Starting well", Phase = CohortPhase.Start, Published = true,
                Sections =
                [
                    new WorkbookSection { Position = 1, Title = "Your goals", Instructions = "Be **specific**. <script>alert(1)</script>", Exercises =
                        [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "What do you want in a year?" }, new WorkbookExercise { Position = 2, Kind = ExerciseKind.Scale, Prompt = "How confident are you?" }] },
                    new WorkbookSection { Position = 2, Title = "First meeting", Exercises =
                        [new WorkbookExercise { Position = 1, Kind = ExerciseKind.Checklist, Prompt = "Before the meeting", Options = "Agenda\nQuestions\nTime" }] },
                ],
            };
            db.Workbooks.Add(w);
            await db.SaveChangesAsync();
            var e = w.Sections.SelectMany(s => s.Exercises).ToList();
            return (w.Id, w.Sections[0].Id, w.Sections[1].Id, e[0].Id, e[1].Id, e[2].Id);
        });

    [Fact]
    public async Task MenteesSeeTheirAnswersMentorsOnlySharedSectionsAndCoordinatorsNever()
    {
        var mentee = await world.MenteeAsync("mei@example.com");
        var mentor = await world.MentorAsync("mentor@example.com");
        var otherMentor = await world.MentorAsync("other.mentor@example.com");
        await world.PairAsync(mentee, mentor);
        var (workbook, section1, section2, text, scale, checklist) = await WorkbookAsync();

        var page = await Factory.PageClientAsync("mei@example.com");
        (await Pages.PostFormAsync(page, $"/Workbooks/{workbook}", new() { ["sectionId"] = S(section1), ["a" + text] = Secret, ["a" + scale] = "2" }, "Save")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var api = await Factory.ApiClientAsync("mei@example.com");
        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{checklist}/answer", new { value = "2,0" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var mine = await (await api.GetAsync($"/api/v1/workbooks/{workbook}")).JsonAsync();
        mine.GetProperty("percent").GetInt32().ShouldBe(100);
        mine.GetProperty("sections")[0].GetProperty("exercises")[0].GetProperty("answer").GetString().ShouldBe(Secret);
        mine.GetProperty("sections")[1].GetProperty("exercises")[0].GetProperty("answer").GetString().ShouldBe("0,2");

        // Share section 2 only.
        (await Pages.PostFormAsync(page, $"/Workbooks/{workbook}", new() { ["sectionId"] = S(section2) }, "Share")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var share = await Factory.WithDbAsync(db => db.WorkbookShares.Select(s => s.Id).SingleAsync());

        var mentorApi = await Factory.ApiClientAsync("mentor@example.com");
        var shared = await mentorApi.GetStringAsync($"/api/v1/workbooks/shares/{share}");
        shared.ShouldContain("0,2");
        shared.ShouldNotContain(Secret);
        (await mentorApi.GetStringAsync("/api/v1/workbooks/shared")).ShouldNotContain(Secret);
        (await mentorApi.GetStringAsync($"/api/v1/workbooks/{workbook}")).ShouldNotContain(Secret);
        var mentorPage = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mentor@example.com"), $"/Workbooks/Shared/{share}");
        mentorPage.QuerySelectorAll("#answers input[checked]").Length.ShouldBe(2);
        (await (await Factory.ApiClientAsync("other.mentor@example.com")).GetAsync($"/api/v1/workbooks/shares/{share}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var coordinatorApi = await Factory.ApiClientAsync("coord@example.com");
        (await coordinatorApi.GetAsync($"/api/v1/workbooks/shares/{share}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var coordinatorView = await coordinatorApi.GetStringAsync($"/api/v1/workbooks/{workbook}");
        coordinatorView.ShouldNotContain(Secret);
        coordinatorView.ShouldNotContain("0,2");
        var completion = await (await coordinatorApi.GetAsync($"/api/v1/workbooks/{workbook}/completion")).JsonAsync();
        completion[0].GetProperty("name").GetString().ShouldBe("Name mei");
        completion[0].GetProperty("percent").GetInt32().ShouldBe(100);
        completion[0].ToString().ShouldNotContain(Secret);
        var manage = await (await Factory.PageClientAsync("coord@example.com")).GetStringAsync($"/Workbooks/Manage/{workbook}");
        manage.ShouldNotContain(Secret);
        (await Pages.ParseAsync(manage)).QuerySelector("#completion .percent")!.TextContent.ShouldBe("100% done");
        var coordinatorPage = await (await Factory.PageClientAsync("coord@example.com")).GetAsync($"/Workbooks/Shared/{share}");
        coordinatorPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherMentor.ShouldNotBeNull();
    }

    [Fact]
    public async Task MentorAndMenteeCommentOnASharedSection()
    {
        var mentee = await world.MenteeAsync("mei@example.com");
        var mentor = await world.MentorAsync("mentor@example.com");
        await world.PairAsync(mentee, mentor);
        var (workbook, section1, _, _, _, _) = await WorkbookAsync();
        var api = await Factory.ApiClientAsync("mei@example.com");
        var created = await api.PostAsync($"/api/v1/workbooks/sections/{section1}/share", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var share = (await created.JsonAsync()).GetInt32();
        var mentorPage = await Factory.PageClientAsync("mentor@example.com");
        (await Pages.PostFormAsync(mentorPage, $"/Workbooks/Shared/{share}", new() { ["text"] = "Great goals — let's make the first one measurable." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var empty = await Pages.PostFormAsync(mentorPage, $"/Workbooks/Shared/{share}", new() { ["text"] = " " });
        Pages.Errors(await Pages.ParseAsync(await empty.Content.ReadAsStringAsync())).ShouldContain("Write a comment.");
        var view = await (await api.GetAsync($"/api/v1/workbooks/shares/{share}")).JsonAsync();
        view.GetProperty("comments").GetArrayLength().ShouldBe(1);
        (await (await Factory.ApiClientAsync("coord@example.com")).PostAsJsonAsync($"/api/v1/workbooks/shares/{share}/comments", new { text = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.WorkbookComments.CountAsync())).ShouldBe(1);
        workbook.ShouldBePositive();
    }

    [Fact]
    public async Task BadAnswersAndSharingWithoutAMentorAreRefused()
    {
        await world.MenteeAsync("mei@example.com");
        await world.MemberAsync("member@example.com");
        var (workbook, section1, _, _, scale, checklist) = await WorkbookAsync();
        var api = await Factory.ApiClientAsync("mei@example.com");
        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{scale}/answer", new { value = "7" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{checklist}/answer", new { value = "0,3" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noMentor = await api.PostAsync($"/api/v1/workbooks/sections/{section1}/share", null);
        noMentor.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noMentor.ErrorTextAsync()).ShouldBe("You can share a section once you have a mentor.");
        (await (await Factory.ApiClientAsync("member@example.com")).PutAsJsonAsync($"/api/v1/workbooks/exercises/{scale}/answer", new { value = "3" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PutAsJsonAsync("/api/v1/workbooks/exercises/9999/answer", new { value = "3" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.WorkbookAnswers.CountAsync())).ShouldBe(0);
        (await Factory.WithDbAsync(db => db.WorkbookShares.CountAsync())).ShouldBe(0);

        var html = await (await Factory.PageClientAsync("mei@example.com")).GetStringAsync($"/Workbooks/{workbook}");
        var instructions = (await Pages.ParseAsync(html)).QuerySelector($"#section-{section1} .instructions")!;
        instructions.QuerySelector("strong")!.TextContent.ShouldBe("specific");
        instructions.QuerySelector("script").ShouldBeNull();
        instructions.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task SectionInstructionsCannotCarryAScriptLinkButOrdinaryMarkdownRenders()
    {
        await world.MenteeAsync("mei@example.com");
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var created = await coordinator.PostAsJsonAsync("/api/v1/workbooks", new WorkbookRequest("Links", "A workbook.", CohortPhase.Start, Published: true));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var workbook = (await created.JsonAsync()).GetInt32();
        var section = await coordinator.PostAsJsonAsync($"/api/v1/workbooks/{workbook}/sections", new SectionRequest("Section", MarkdownProbe.Text));
        section.StatusCode.ShouldBe(HttpStatusCode.Created);
        var sectionId = (await section.JsonAsync()).GetInt32();

        var mentee = await Pages.GetDocumentAsync(await Factory.PageClientAsync("mei@example.com"), $"/Workbooks/{workbook}");
        MarkdownProbe.ShouldBeSafeAndRendered(mentee, mentee.QuerySelector($"#section-{sectionId} .instructions")!);
        var manage = await Pages.GetDocumentAsync(await Factory.PageClientAsync("coord@example.com"), $"/Workbooks/Manage/{workbook}");
        MarkdownProbe.ShouldBeSafeAndRendered(manage, manage.QuerySelector(".instructions")!);
    }

    [Fact]
    public async Task CoordinatorsBuildWorkbooksAndDraftsStayHidden()
    {
        await world.MenteeAsync("mei@example.com");
        var api = await Factory.ApiClientAsync("coord@example.com");
        (await api.PostAsJsonAsync("/api/v1/workbooks", new { title = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var id = (await (await api.PostAsJsonAsync("/api/v1/workbooks", new { title = "Closing well", phase = "Closing" })).JsonAsync()).GetInt32();
        var section = (await (await api.PostAsJsonAsync($"/api/v1/workbooks/{id}/sections", new { title = "Gratitude", instructions = "Write a *thank you*." })).JsonAsync()).GetInt32();
        var bad = await api.PostAsJsonAsync($"/api/v1/workbooks/sections/{section}/exercises", new { kind = "Checklist", prompt = "Tick", options = new[] { "only one" } });
        (await bad.ErrorFieldsAsync()).ShouldBe(["Options"]);
        (await api.PostAsJsonAsync($"/api/v1/workbooks/sections/{section}/exercises", new { kind = "FreeText", prompt = "What will you miss?" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var mentee = await Factory.ApiClientAsync("mei@example.com");
        (await mentee.GetAsync($"/api/v1/workbooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutAsJsonAsync($"/api/v1/workbooks/{id}", new { title = "Closing well", phase = "Closing", published = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var list = await (await mentee.GetAsync("/api/v1/workbooks")).JsonAsync();
        list[0].GetProperty("exercises").GetInt32().ShouldBe(1);

        var page = await Factory.PageClientAsync("coord@example.com");
        (await Pages.PostFormAsync(page, "/Workbooks/Manage", new() { ["Input.Title"] = "Midpoint check", ["Input.Phase"] = "Middle" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await Factory.WithDbAsync(db => db.Workbooks.SingleAsync(w => w.Title == "Midpoint check"));
        (await Pages.PostFormAsync(page, $"/Workbooks/Manage/{created.Id}", new() { ["sectionTitle"] = "Halfway" }, "Section")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.WorkbookSections.CountAsync(s => s.WorkbookId == created.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task EveryRouteHasItsAuthorizationRule()
    {
        await world.MenteeAsync("mei@example.com");
        var (workbook, section1, _, text, _, _) = await WorkbookAsync();
        var anonymous = Factory.Anonymous();
        foreach (var url in new[] { "/api/v1/workbooks", $"/api/v1/workbooks/{workbook}", $"/api/v1/workbooks/{workbook}/completion", "/api/v1/workbooks/shared", "/api/v1/workbooks/shares/1" })
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        (await anonymous.PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var url in new[] { "/Workbooks", $"/Workbooks/{workbook}", "/Workbooks/Shared/1", "/Workbooks/Manage" })
            await CommunityWorld.AssertPageRedirectAsync(anonymous, url, "/Account/Login");
        var member = await Factory.ApiClientAsync("mei@example.com");
        (await member.GetAsync($"/api/v1/workbooks/{workbook}/completion")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync("/api/v1/workbooks", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/workbooks/{workbook}", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/v1/workbooks/{workbook}/sections", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/v1/workbooks/sections/{section1}/exercises", new { kind = "FreeText", prompt = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await CommunityWorld.AssertPageRedirectAsync(await Factory.PageClientAsync("mei@example.com"), $"/Workbooks/Manage/{workbook}", "/Account/AccessDenied");
    }
}
