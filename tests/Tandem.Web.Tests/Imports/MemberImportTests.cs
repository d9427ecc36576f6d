using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Imports;

/// <summary>Importing members from CSV: dry run first, per-row errors, matched by email, idempotent, all or nothing.</summary>
public sealed class MemberImportTests
{
    private const string Good = "email,name,employer,industry\nana@example.com,Ana Import,Acme,Software\n\"bo@example.com\",\"Bo, Import\",Globex,\nexisting@example.com,Eve Existing,NewCo,Retail\n";

    private static async Task<JsonElement> PostAsync(HttpClient api, string csv, bool? dryRun, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync("/api/v1/imports/members" + (dryRun is { } d ? $"?dryRun={(d ? "true" : "false")}" : ""), content);
        response.StatusCode.ShouldBe(expected);
        return await response.JsonAsync();
    }

    private static (int, int, int) Counts(JsonElement r) => (r.GetProperty("created").GetInt32(), r.GetProperty("updated").GetInt32(), r.GetProperty("unchanged").GetInt32());

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ADryRunChangesNothingTheImportCreatesAndUpdatesAndReimportingChangesNothing(Db provider)
    {
        using var f = new TandemFactory(provider);
        await f.CreateUserAsync("coord@example.com", coordinator: true);
        await f.CreateUserAsync("existing@example.com", profile: p => { p.DisplayName = "Eve Existing"; p.Employer = "OldCo"; });
        var api = await f.ApiClientAsync("coord@example.com");
        var users = await f.WithDbAsync(d => d.Users.CountAsync());

        var dry = await PostAsync(api, Good, dryRun: null);
        Counts(dry).ShouldBe((2, 1, 0));
        dry.GetProperty("errors").GetArrayLength().ShouldBe(0);
        (await f.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(users);

        Counts(await PostAsync(api, Good, dryRun: false)).ShouldBe((2, 1, 0));
        (await f.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(users + 2);
        (await f.WithDbAsync(d => d.Profiles.Where(p => p.DisplayName == "Bo, Import").Select(p => p.Employer).SingleAsync())).ShouldBe("Globex");
        (await f.WithDbAsync(d => d.Profiles.Where(p => p.DisplayName == "Eve Existing").Select(p => p.Employer).SingleAsync())).ShouldBe("NewCo");

        Counts(await PostAsync(api, Good.Replace("ana@example.com", "ANA@example.com", StringComparison.Ordinal), dryRun: false)).ShouldBe((0, 0, 3));
        (await f.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(users + 2);
    }

    [Fact]
    public async Task AFileWithErrorsListsThemByRowAndColumnAndSavesNothing()
    {
        using var f = new TandemFactory();
        await f.CreateUserAsync("coord@example.com", coordinator: true);
        var api = await f.ApiClientAsync("coord@example.com");
        var users = await f.WithDbAsync(d => d.Users.CountAsync());
        var bad = "email,name\nok@example.com,Okay\nnot-an-email,Nobody\n,Empty\nok@example.com,Twice\nnew@example.com,\n";
        var r = await PostAsync(api, bad, dryRun: false);
        r.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ShouldBe(
            [(3, "email"), (4, "email"), (5, "email"), (6, "name")]);
        r.GetProperty("errors")[2].GetProperty("message").GetString().ShouldBe("This email is already on row 2.");
        (await f.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(users);

        var noEmail = await PostAsync(api, "name\nSomeone\n", dryRun: true);
        noEmail.GetProperty("errors")[0].GetProperty("column").GetString().ShouldBe("email");
        var nothing = new StringContent("");
        nothing.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var empty = await api.PostAsync("/api/v1/imports/members", nothing);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ThePageShowsThePreviewThenImportsOnConfirmation()
    {
        using var f = new TandemFactory();
        await f.CreateUserAsync("coord@example.com", coordinator: true);
        var browser = await f.PageClientAsync("coord@example.com");
        var form = await Pages.GetDocumentAsync(browser, "/Imports/Members");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Good)), "file", "members.csv" },
        };
        var previewResponse = await browser.PostAsync("/Imports/Members?handler=Preview", upload);
        previewResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await Pages.ParseAsync(await previewResponse.Content.ReadAsStringAsync());
        preview.QuerySelector("#preview-counts li[data-count=created]")!.TextContent.ShouldBe("3 new members");
        (await f.WithDbAsync(d => d.Profiles.CountAsync(p => p.DisplayName == "Ana Import"))).ShouldBe(0);

        var csv = preview.QuerySelector("input[name=csv]")!.GetAttribute("value")!;
        var confirmed = await Pages.PostFormAsync(browser, "/Imports/Members", new() { ["csv"] = csv }, handler: "Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.ToString().ShouldBe("/Members");
        (await f.WithDbAsync(d => d.Profiles.CountAsync(p => p.DisplayName == "Ana Import"))).ShouldBe(1);

        var mentee = await f.CreateUserAsync("mentee@example.com");
        var denied = await (await f.PageClientAsync("mentee@example.com")).GetAsync("/Imports/Members");
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await (await f.ApiClientAsync("mentee@example.com")).PostAsync("/api/v1/imports/members", new StringContent(Good, Encoding.UTF8, "text/csv"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        mentee.ShouldNotBeNullOrEmpty();
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MembershipColumnsAddAMembershipOnceAndBadOnesAreListed(Db provider)
    {
        using var f = new TandemFactory(provider);
        await f.CreateUserAsync("coord@example.com", coordinator: true);
        await f.CreateUserAsync("existing@example.com", profile: p => p.DisplayName = "Eve Existing");
        var api = await f.ApiClientAsync("coord@example.com");
        const string csv = "email,name,membership_starts,membership_ends,membership_fee,membership_currency\n" +
                           "new@example.com,New Member,2027-01-01,2027-12-31,500.00,CNY\n" +
                           "existing@example.com,Eve Existing,2027-01-01,2027-12-31,80,usd\n" +
                           "plain@example.com,No Membership,,,,\n";
        Counts(await PostAsync(api, csv, dryRun: true)).ShouldBe((2, 1, 0));
        (await f.WithDbAsync(d => d.Memberships.CountAsync())).ShouldBe(0);

        Counts(await PostAsync(api, csv, dryRun: false)).ShouldBe((2, 1, 0));
        var seats = await f.WithDbAsync(d => d.Memberships.AsNoTracking().Join(d.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.FeeMinor, m.Currency, m.StartsOn, m.PaidOn }).OrderBy(m => m.Email).ToListAsync());
        seats.Select(m => (m.Email, m.FeeMinor, m.Currency)).ShouldBe([("existing@example.com", 8000L, "USD"), ("new@example.com", 50000L, "CNY")]);
        seats.ShouldAllBe(m => m.PaidOn == new DateOnly(2027, 1, 1));

        Counts(await PostAsync(api, csv, dryRun: false)).ShouldBe((0, 0, 3));
        (await f.WithDbAsync(d => d.Memberships.CountAsync())).ShouldBe(2);

        var bad = await PostAsync(api, "email,name,membership_starts,membership_ends,membership_fee,membership_currency\n" +
                                       "a@example.com,A,2027-02-30,2027-12-31,,\n" +
                                       "b@example.com,B,2027-06-01,2027-01-01,ten,XYZ\n", dryRun: false);
        bad.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ShouldBe(
            [(2, "membership_starts"), (3, "membership_ends"), (3, "membership_currency"), (3, "membership_fee")]);
        (await f.WithDbAsync(d => d.Memberships.CountAsync())).ShouldBe(2);
    }
}
