using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Faq;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Public;

namespace Tandem.Web.Tests.Faq;

public sealed class FaqTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<int> EntryAsync(string question, string answer, string? questionZh = null, string? answerZh = null, int? position = null) =>
        await factory.WithDbAsync(async db =>
        {
            var programId = await db.Programs.Select(p => p.Id).FirstAsync();
            var entry = new FaqEntry
            {
                ProgramId = programId, Question = question, Answer = answer, QuestionZh = questionZh, AnswerZh = answerZh,
                Position = position ?? (await db.FaqEntries.MaxAsync(f => (int?)f.Position) ?? 0) + 1,
            };
            db.FaqEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

    private Task<List<string>> QuestionsInOrderAsync() =>
        factory.WithDbAsync(db => db.FaqEntries.OrderBy(f => f.Position).ThenBy(f => f.Id).Select(f => f.Question).ToListAsync());

    [Fact]
    public async Task AnswersAreRenderedFromMarkdownWithRawHtmlEscaped()
    {
        await PublicData.ProgramAsync(factory);
        var id = await EntryAsync("Is it safe?", "**Yes.** <script>alert('x')</script> <b>raw</b> [see](javascript:alert(1)) and [the FAQ](/Faq).");

        var html = await factory.CreateClient().GetStringAsync("/Faq");
        html.ShouldNotContain("<script>alert");
        var answer = (await Pages.ParseAsync(html)).QuerySelector($"#faq-{id} .faq-answer")!;
        answer.QuerySelector("strong")!.TextContent.ShouldBe("Yes.");
        answer.QuerySelector("script").ShouldBeNull();
        answer.QuerySelector("b").ShouldBeNull();
        answer.TextContent.ShouldContain("<script>alert('x')</script>");
        answer.TextContent.ShouldContain("<b>raw</b>");
        answer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([null, "/Faq"]); // the script link keeps its text, loses its target

        var api = await factory.CreateClient().GetFromJsonAsync<List<FaqEntryResponse>>("/api/v1/faq");
        api!.Single().ShownAnswerHtml.ShouldContain("&lt;script&gt;");
        api!.Single().Answer.ShouldContain("<script>", Case.Sensitive);
    }

    [Fact]
    public async Task ACoordinatorsAnswerCannotCarryAScriptLinkInEitherLanguageButOrdinaryMarkdownRenders()
    {
        await PublicData.ProgramAsync(factory);
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var coordinator = await factory.ApiClientAsync("coord@example.com");
        var created = await coordinator.PostAsJsonAsync("/api/v1/faq", new FaqRequest("Links?", MarkdownProbe.Text, "链接？", "中文 " + MarkdownProbe.Text));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        var english = await Pages.GetDocumentAsync(factory.CreateClient(), "/Faq");
        MarkdownProbe.ShouldBeSafeAndRendered(english, english.QuerySelector($"#faq-{id} .faq-answer")!);
        var client = Browser();
        await client.GetAsync("/culture/zh-Hans");
        var chinese = await Pages.GetDocumentAsync(client, "/Faq");
        MarkdownProbe.ShouldBeSafeAndRendered(chinese, chinese.QuerySelector($"#faq-{id} .faq-answer")!);

        // The coordinator's preview on the manage page goes through the same renderer.
        var manage = await factory.PageClientAsync("coord@example.com");
        var preview = await Pages.PostFormAsync(manage, "/Faq/Manage", new() { ["Input.Question"] = "Links?", ["Input.Answer"] = MarkdownProbe.Text }, "Preview");
        var previewPage = await Pages.ParseAsync(await preview.Content.ReadAsStringAsync());
        MarkdownProbe.ShouldBeSafeAndRendered(previewPage, previewPage.QuerySelector(".faq-answer")!);
    }

    [Fact]
    public async Task ChineseReadersSeeChineseEntriesAndEnglishWhereNoTranslationExists()
    {
        await PublicData.ProgramAsync(factory);
        var translated = await EntryAsync("Who can apply?", "Women in Beijing.", "谁可以申请？", "北京的**女性**。");
        var english = await EntryAsync("How long does it take?", "Six months.");
        var halfDone = await EntryAsync("Half translated?", "English answer.", "只有问题", null);

        var client = Browser();
        await client.GetAsync("/culture/zh-Hans");
        var page = await Pages.GetDocumentAsync(client, "/Faq");
        page.QuerySelector("h1")!.TextContent.ShouldBe("常见问题");
        page.QuerySelector($"#faq-{translated} h2")!.TextContent.ShouldBe("谁可以申请？");
        page.QuerySelector($"#faq-{translated} .faq-answer strong")!.TextContent.ShouldBe("女性");
        page.QuerySelector($"#faq-{english} h2")!.TextContent.ShouldBe("How long does it take?");
        page.QuerySelector($"#faq-{halfDone} h2")!.TextContent.ShouldBe("Half translated?");

        var englishPage = await Pages.GetDocumentAsync(factory.CreateClient(), "/Faq");
        englishPage.QuerySelector($"#faq-{translated} h2")!.TextContent.ShouldBe("Who can apply?");
        englishPage.QuerySelectorAll(".faq-entry").Select(e => e.Id).ShouldBe([$"faq-{translated}", $"faq-{english}", $"faq-{halfDone}"]);
    }

    [Fact]
    public async Task OnlyCoordinatorsMayManageTheFaq()
    {
        await PublicData.ProgramAsync(factory);
        var id = await EntryAsync("Q?", "A.");
        await factory.CreateUserAsync("member@example.com");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);

        var anonymousPage = await Browser().GetAsync("/Faq/Manage");
        anonymousPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymousPage.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var memberPage = await (await factory.PageClientAsync("member@example.com")).GetAsync("/Faq/Manage");
        memberPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        memberPage.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await (await factory.PageClientAsync("coord@example.com")).GetAsync("/Faq/Manage")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = new { question = "New?", answer = "Yes." };
        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/v1/faq")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/v1/faq", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync($"/api/v1/faq/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync($"/api/v1/faq/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync($"/api/v1/faq/{id}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var member = await factory.ApiClientAsync("member@example.com");
        (await member.PostAsJsonAsync("/api/v1/faq", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/faq/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.DeleteAsync($"/api/v1/faq/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsJsonAsync($"/api/v1/faq/{id}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await QuestionsInOrderAsync()).ShouldBe(["Q?"]);

        var coordinator = await factory.ApiClientAsync("coord@example.com");
        var created = await coordinator.PostAsJsonAsync("/api/v1/faq", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var entry = (await created.Content.ReadFromJsonAsync<FaqEntryResponse>())!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/faq/{entry.Id}");
        entry.Position.ShouldBe(2);
        (await coordinator.PutAsJsonAsync($"/api/v1/faq/{entry.Id}", new { question = "Newer?", answer = "Still yes.", questionZh = "新吗？", answerZh = "是的。" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"/api/v1/faq/{entry.Id}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await QuestionsInOrderAsync()).ShouldBe(["Newer?", "Q?"]);
        (await coordinator.DeleteAsync($"/api/v1/faq/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coordinator.DeleteAsync($"/api/v1/faq/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.PutAsJsonAsync("/api/v1/faq/9999", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await QuestionsInOrderAsync()).ShouldBe(["Newer?"]);
    }

    [Fact]
    public async Task InvalidEntriesAreRefusedWithReasonsAndChangeNothing()
    {
        await PublicData.ProgramAsync(factory);
        var id = await EntryAsync("Original?", "Original.");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);

        var page = await factory.PageClientAsync("coord@example.com");
        var response = await Pages.PostFormAsync(page, "/Faq/Manage", new()
        {
            ["Input.Question"] = "", ["Input.Answer"] = " ", ["Input.QuestionZh"] = "只有问题", ["Input.AnswerZh"] = "",
        }, handler: "Save");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.ShouldContain("Please enter the question.");
        errors.ShouldContain("Please enter the answer.");
        errors.ShouldContain("Give both the Chinese question and the Chinese answer, or neither.");

        var api = await factory.ApiClientAsync("coord@example.com");
        var tooLong = await api.PutAsJsonAsync($"/api/v1/faq/{id}", new { question = new string('q', 501), answer = "Fine." });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Question")[0].GetString().ShouldBe("The question can be at most 500 characters.");
        var missing = await api.PostAsJsonAsync("/api/v1/faq", new { question = "Only a question?" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Answer")[0].GetString().ShouldBe("Please enter the answer.");
        (await api.PostAsJsonAsync($"/api/v1/faq/{id}/move", new { direction = "sideways" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var stored = await factory.WithDbAsync(db => db.FaqEntries.AsNoTracking().ToListAsync());
        stored.ShouldHaveSingleItem().Question.ShouldBe("Original?");
        stored[0].Answer.ShouldBe("Original.");
    }

    [Fact]
    public async Task ACoordinatorAddsPreviewsEditsReordersAndDeletesEntriesOnTheManagePage()
    {
        await PublicData.ProgramAsync(factory);
        var first = await EntryAsync("First?", "One.");
        await factory.CreateUserAsync("coord@example.com", coordinator: true);
        var client = await factory.PageClientAsync("coord@example.com");

        var preview = await Pages.PostFormAsync(client, "/Faq/Manage", new()
        {
            ["Input.Question"] = "Second?", ["Input.Answer"] = "*Two* <em>raw</em>",
        }, handler: "Preview");
        var previewPage = await Pages.ParseAsync(await preview.Content.ReadAsStringAsync());
        previewPage.QuerySelector("#preview .faq-answer em")!.TextContent.ShouldBe("Two");
        previewPage.QuerySelector("#preview .faq-answer")!.TextContent.ShouldContain("<em>raw</em>");
        previewPage.QuerySelector("textarea[name='Input.Answer']")!.TextContent.ShouldBe("*Two* <em>raw</em>");
        (await QuestionsInOrderAsync()).ShouldBe(["First?"], "a preview saves nothing");

        var added = await Pages.PostFormAsync(client, "/Faq/Manage", new() { ["Input.Question"] = "Second?", ["Input.Answer"] = "Two." }, handler: "Save");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Pages.GetDocumentAsync(client, added.Headers.Location!.ToString());
        list.QuerySelector(".alert-success")!.TextContent.ShouldBe("The question was added.");
        (await QuestionsInOrderAsync()).ShouldBe(["First?", "Second?"]);
        var second = await factory.WithDbAsync(db => db.FaqEntries.Where(f => f.Question == "Second?").Select(f => f.Id).SingleAsync());

        var edit = await Pages.GetDocumentAsync(client, $"/Faq/Manage?id={second}");
        edit.QuerySelector("input[name='Input.Question']")!.GetAttribute("value").ShouldBe("Second?");
        var saved = await Pages.PostFormAsync(client, $"/Faq/Manage?id={second}", new()
        {
            ["Id"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Question"] = "Second, edited?", ["Input.Answer"] = "Two.",
            ["Input.QuestionZh"] = "第二？", ["Input.AnswerZh"] = "二。",
        }, handler: "Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.FaqEntries.SingleAsync(f => f.Id == second))).QuestionZh.ShouldBe("第二？");

        var moved = await Pages.PostFormAsync(client, "/Faq/Manage", new() { ["entryId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "up" }, handler: "Move");
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QuestionsInOrderAsync()).ShouldBe(["Second, edited?", "First?"]);
        var listed = await Pages.GetDocumentAsync(client, "/Faq/Manage");
        listed.QuerySelector(".alert-success")!.TextContent.ShouldBe("The order was changed.");
        listed.QuerySelectorAll("#faq-entries tbody tr").Select(r => r.Id).ShouldBe([$"entry-{second}", $"entry-{first}"]);

        var deleted = await Pages.PostFormAsync(client, "/Faq/Manage", new() { ["entryId"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Delete");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QuestionsInOrderAsync()).ShouldBe(["Second, edited?"]);
    }
}
