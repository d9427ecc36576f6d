using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Audit;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Tests.Applications;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Imports;

/// <summary>Importing applications from CSV: dry run, per-row errors, one application per cohort, person and role, 50,000 rows.</summary>
public sealed class ApplicationImportTests
{
    private const string Good = "cohort,email,role,track,languages,capacity,focus_areas\n" +
                                "Spring 2027,ana@example.com,mentee,standard,en;zh,,negotiation\n" +
                                "spring 2027,BO@example.com,Mentor,,en,2,\n";

    private static async Task<JsonElement> PostAsync(HttpClient api, string csv, bool? dryRun, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync("/api/v1/imports/applications" + (dryRun is { } d ? $"?dryRun={(d ? "true" : "false")}" : ""), content);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static (int, int, int) Counts(JsonElement r) => (r.GetProperty("created").GetInt32(), r.GetProperty("updated").GetInt32(), r.GetProperty("unchanged").GetInt32());

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ADryRunWritesNothingTheImportCreatesSubmittedApplicationsAndReimportingCreatesNothing(Db provider)
    {
        using var w = await ApplicationWorld.CreateAsync(provider);
        await w.MemberAsync("coord@example.com", coordinator: true);
        await w.MemberAsync("ana@example.com");
        await w.MemberAsync("bo@example.com", Web.Shared.Seniority.Senior);
        var cohort = await w.CohortAsync();
        var api = await w.Factory.ApiClientAsync("coord@example.com");

        Counts(await PostAsync(api, Good, dryRun: null)).ShouldBe((2, 0, 0));
        (await w.ApplicationsAsync()).ShouldBeEmpty();

        Counts(await PostAsync(api, Good, dryRun: false)).ShouldBe((2, 0, 0));
        var apps = await w.ApplicationsAsync();
        apps.ShouldAllBe(a => a.CohortId == cohort && a.Status == ApplicationStatus.Submitted);
        apps.Single(a => a.Role == ApplicationRole.Mentee).TrackId.ShouldBe(w.Standard);
        apps.Single(a => a.Role == ApplicationRole.Mentor).Capacity.ShouldBe(2);
        await w.Factory.WithDbAsync(async d =>
        {
            (await d.Applications.SingleAsync(a => a.Role == ApplicationRole.Mentee)).OpenToReverse = true;
            await d.SaveChangesAsync();
        });

        Counts(await PostAsync(api, Good, dryRun: false)).ShouldBe((0, 0, 2));
        Counts(await PostAsync(api, Good.Replace("en;zh", "en;zh;fr", StringComparison.Ordinal), dryRun: false)).ShouldBe((0, 1, 1));
        var mentee = (await w.ApplicationsAsync()).Single(a => a.Role == ApplicationRole.Mentee);
        Web.Shared.TagList.Parse(mentee.Languages).ShouldBe(["en", "zh", "fr"], ignoreOrder: true);
        mentee.OpenToReverse.ShouldBeTrue();
        (await w.ApplicationsAsync()).Count.ShouldBe(2);
        (await w.Factory.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == AuditActions.Imported && e.CohortId == cohort))).ShouldBe(3);
    }

    [Fact]
    public async Task AFileWithErrorsListsThemByRowAndColumnAndSavesNothing()
    {
        using var w = await ApplicationWorld.CreateAsync();
        await w.MemberAsync("coord@example.com", coordinator: true);
        await w.MemberAsync("ana@example.com");
        await w.CohortAsync();
        await w.CohortAsync("Old 2026", CohortStatus.Closed);
        var api = await w.Factory.ApiClientAsync("coord@example.com");
        var bad = "cohort,email,role,track,languages\n" +
                  "Spring 2027,ana@example.com,mentee,standard,en\n" +   // 2: fine
                  "Nowhere,ana@example.com,mentee,standard,en\n" +       // 3: cohort
                  "Spring 2027,ana@example.com,coach,standard,en\n" +    // 4: role
                  "Spring 2027,ana@example.com,mentor,,\n" +             // 5: languages
                  "Spring 2027,ana@example.com,mentee,standard,en\n" +   // 6: duplicate of 2
                  "Old 2026,ana@example.com,mentee,standard,en\n" +      // 7: closed cohort
                  "Spring 2027,stranger@example.com,mentee,standard,en\n" + // 8: not a member
                  "Spring 2027,ana@example.com,mentee,,en\n";             // 9: track (and duplicate: the track error comes first)
        var r = await PostAsync(api, bad, dryRun: false);
        r.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ShouldBe(
            [(3, "cohort"), (4, "role"), (5, "languages"), (6, "email"), (7, "cohort"), (8, "email"), (9, "track")]);
        r.GetProperty("errors")[5].GetProperty("message").GetString().ShouldBe("stranger@example.com is not a member yet: import them as a member first.");
        (await w.ApplicationsAsync()).ShouldBeEmpty();
        (await w.Factory.WithDbAsync(d => d.AuditEntries.CountAsync())).ShouldBe(0);

        var none = new StringContent("");
        none.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        (await api.PostAsync("/api/v1/imports/applications", none)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await w.Factory.ApiClientAsync("ana@example.com")).PostAsync("/api/v1/imports/applications", new StringContent(bad, Encoding.UTF8, "text/csv")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FiftyThousandRowsImportOnceAndReimportingCreatesNothing()
    {
        const int count = 50_000;
        using var w = await ApplicationWorld.CreateAsync();
        await w.MemberAsync("coord@example.com", coordinator: true);
        await w.CohortAsync();
        var now = ApplicationWorld.Now.UtcDateTime;
        await w.Factory.WithDbAsync(async d =>
        {
            var people = Enumerable.Range(0, count).Select(i => $"member{i}@example.com").Select(e => new User
            {
                Id = Guid.NewGuid().ToString(), UserName = e, NormalizedUserName = e.ToUpperInvariant(), Email = e, NormalizedEmail = e.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
            });
            await BulkInsert.WriteAsync(d, people, keepIds: true, CancellationToken.None);
        });
        var csv = new StringBuilder("cohort,email,role,track,languages\n");
        for (var i = 0; i < count; i++) csv.Append("Spring 2027,member").Append(i).Append(i % 10 == 0 ? "@example.com,mentor,standard,en\n" : "@example.com,mentee,standard,en;zh\n");
        var api = await w.Factory.ApiClientAsync("coord@example.com");

        Counts(await PostAsync(api, csv.ToString(), dryRun: false)).ShouldBe((count, 0, 0));
        (await w.Factory.WithDbAsync(d => d.Applications.CountAsync())).ShouldBe(count);
        (await w.Factory.WithDbAsync(d => d.Applications.CountAsync(a => a.Role == ApplicationRole.Mentor))).ShouldBe(count / 10);
        Counts(await PostAsync(api, csv.ToString(), dryRun: false)).ShouldBe((0, 0, count));
        (await w.Factory.WithDbAsync(d => d.Applications.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task ThePagePreviewsThenStreamsTheProgressOfTheImport()
    {
        using var w = await ApplicationWorld.CreateAsync();
        await w.MemberAsync("coord@example.com", coordinator: true);
        await w.MemberAsync("ana@example.com");
        await w.MemberAsync("bo@example.com", Web.Shared.Seniority.Senior);
        await w.CohortAsync();
        var browser = await w.Factory.PageClientAsync("coord@example.com");
        var form = await Pages.GetDocumentAsync(browser, "/Imports/Applications");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Good)), "file", "applications.csv" },
        };
        var preview = await Pages.ParseAsync(await (await browser.PostAsync("/Imports/Applications?handler=Preview", upload)).Content.ReadAsStringAsync());
        preview.QuerySelector("#preview-counts li[data-count=created]")!.TextContent.ShouldBe("2 new applications");
        (await w.ApplicationsAsync()).ShouldBeEmpty();

        var confirm = preview.QuerySelector("#import-form")!;
        var fields = confirm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var request = new HttpRequestMessage(HttpMethod.Post, "/Imports/Applications?handler=Confirm") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var streamed = await browser.SendAsync(request);
        streamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        streamed.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await streamed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines[0].GetProperty("written").GetInt32().ShouldBe(2);
        lines[^1].GetProperty("done").GetBoolean().ShouldBeTrue();
        lines[^1].GetProperty("created").GetInt32().ShouldBe(2);
        (await w.ApplicationsAsync()).Count.ShouldBe(2);

        var denied = await (await w.Factory.PageClientAsync("ana@example.com")).GetAsync("/Imports/Applications");
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
