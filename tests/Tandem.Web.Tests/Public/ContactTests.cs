using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Public;

public sealed class ContactTests : IDisposable
{
    private readonly TandemFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static Dictionary<string, string> Form(string name = "Liu Yang", string email = "liu.yang@example.com", string subject = "Joining as a mentor",
        string message = "Hello, I would like to mentor next term. Whom should I talk to?", string website = "") => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Subject"] = subject, ["Input.Message"] = message, ["Input.Website"] = website,
    };

    [Fact]
    public async Task TheContactFormEmailsTheProgramWithReplyToDetailsAndConfirms()
    {
        await PublicData.ProgramAsync(factory, contactEmail: "team@program.example");
        var client = Browser();
        var page = await Pages.GetDocumentAsync(client, "/Public/Contact");
        page.QuerySelector("#contact-email a")!.GetAttribute("href").ShouldBe("mailto:team@program.example");

        var response = await Pages.PostFormAsync(client, "/Public/Contact", Form());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmation = await Pages.GetDocumentAsync(client, response.Headers.Location!.ToString());
        confirmation.QuerySelector(".alert-success")!.TextContent
            .ShouldBe("Thank you, Liu Yang. Your message has been sent; we will reply to liu.yang@example.com.");

        var mail = Outbox.Read(factory.Outbox).ShouldHaveSingleItem();
        mail.To.ShouldBe("team@program.example");
        mail.Subject.ShouldBe("[Tandem contact] Joining as a mentor");
        mail.Body.ShouldContain("From: Liu Yang <liu.yang@example.com>");
        mail.Body.ShouldContain("Reply to: liu.yang@example.com");
        mail.Body.ShouldContain("Whom should I talk to?");
    }

    [Fact]
    public async Task TheConfirmationFollowsTheLanguage()
    {
        await PublicData.ProgramAsync(factory);
        var client = Browser();
        await client.GetAsync("/culture/zh-Hans");
        var response = await Pages.PostFormAsync(client, "/Public/Contact", Form(name: "刘洋"));
        var confirmation = await Pages.GetDocumentAsync(client, response.Headers.Location!.ToString());
        confirmation.QuerySelector(".alert-success")!.TextContent.ShouldBe("谢谢您，刘洋。您的留言已发送，我们会回复至 liu.yang@example.com。");
    }

    [Fact]
    public async Task BadInputIsExplainedAndNothingIsSent()
    {
        await PublicData.ProgramAsync(factory);
        var response = await Pages.PostFormAsync(Browser(), "/Public/Contact", Form(name: "", email: "not-an-email", subject: "Line\nbreak", message: "short"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync()));
        errors.ShouldContain("Please enter your name.");
        errors.ShouldContain("Please enter a valid email address.");
        errors.ShouldContain("The subject can be at most 150 characters on one line.");
        errors.ShouldContain("Please write a message of at least 10 characters.");
        Outbox.Read(factory.Outbox).ShouldBeEmpty();
    }

    [Fact]
    public async Task ABotFillingTheHoneypotGetsTheSameAnswerButNoEmailIsSent()
    {
        await PublicData.ProgramAsync(factory);
        var client = Browser();
        var response = await Pages.PostFormAsync(client, "/Public/Contact", Form(website: "http://spam.example"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.GetDocumentAsync(client, "/Public/Contact")).QuerySelector(".alert-success").ShouldNotBeNull();

        var api = await factory.CreateClient().PostAsJsonAsync("/api/v1/public/contact",
            new { name = "Bot", email = "bot@spam.example", subject = "Buy", message = "Cheap watches for everyone", website = "x" });
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        Outbox.Read(factory.Outbox).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApiSendsTheSameMessageAnonymouslyAndReturnsValidationProblems()
    {
        await PublicData.ProgramAsync(factory, contactEmail: "team@program.example");
        var client = factory.CreateClient();

        var bad = await client.PostAsJsonAsync("/api/v1/public/contact", new { name = "Ann", email = "ann@", subject = "", message = "Hello there, a question." });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Email")[0].GetString().ShouldBe("Please enter a valid email address.");
        problem.GetProperty("errors").GetProperty("Subject")[0].GetString().ShouldBe("Please enter a subject.");
        Outbox.Read(factory.Outbox).ShouldBeEmpty();

        var ok = await client.PostAsJsonAsync("/api/v1/public/contact",
            new { name = "Ann Lee", email = "ann@example.com", subject = "Sponsorship", message = "Could our company sponsor an event?" });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!.ShouldContain("ann@example.com");
        var mail = Outbox.Read(factory.Outbox).ShouldHaveSingleItem();
        mail.To.ShouldBe("team@program.example");
        mail.Body.ShouldContain("Reply to: ann@example.com");
    }
}
