using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.MyData;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.MyData;

public sealed class MyDataTests
{
    /// <summary>The download holds every row that names the person, in every such table, and nothing of anyone else.</summary>
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AMemberDownloadsEveryRowThatIsTheirsAndNoneOfTheirPartners(Db provider)
    {
        using var factory = new TandemFactory(provider, new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var mentee = await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        var response = await mentee.GetAsync("/api/v1/me/data", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("tandem-my-data-");
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        export.GetProperty("account").GetProperty("email").GetString().ShouldBe("mentee@tandem.local");
        export.GetProperty("account").TryGetProperty("passwordHash", out _).ShouldBeFalse();
        var tables = export.GetProperty("tables");

        var (menteeId, expected) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "mentee@tandem.local").Select(u => u.Id).SingleAsync();
            var counts = new Dictionary<string, int>();
            foreach (var (entity, columns) in PersonalData.PersonTables(db.Model))
            {
                var table = entity.GetTableName()!;
                var where = string.Join(" OR ", columns.Select(c => $"\"{entity.FindProperty(c)!.GetColumnName()}\" = @id"));
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
                var p = command.CreateParameter();
                p.ParameterName = "@id";
                p.Value = id;
                command.Parameters.Add(p);
                await db.Database.OpenConnectionAsync();
                var n = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                if (n > 0) counts[entity.ClrType.Name] = n;
            }
            return (id, counts);
        });
        expected.Keys.ShouldContain("Profile");
        expected.Keys.ShouldContain("Pair");
        expected.Count.ShouldBeGreaterThan(4, "the demo mentee should have rows in several tables");
        foreach (var (table, count) in expected)
            tables.GetProperty(table).GetArrayLength().ShouldBe(count, table);
        tables.EnumerateObject().Select(t => t.Name).ShouldBe(expected.Keys, ignoreOrder: true);

        // Every exported row names the mentee: the partner's own writing is not in the file.
        foreach (var table in tables.EnumerateObject())
        foreach (var row in table.Value.EnumerateArray())
            row.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == menteeId).ShouldBeTrue(table.Name);
        if (tables.TryGetProperty("Message", out var messages))
            messages.EnumerateArray().ShouldAllBe(m => m.GetProperty("senderId").GetString() == menteeId);
    }

    [Fact]
    public async Task OnlyASignedInPersonCanDownloadAndThePageLinksToIt()
    {
        using var factory = new TandemFactory();
        await factory.CreateUserAsync("someone@example.com");
        (await factory.CreateClient().GetAsync("/api/v1/me/data", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await Pages.GetDocumentAsync(await factory.PageClientAsync("someone@example.com"), "/MyData");
        page.QuerySelector("#download")!.GetAttribute("href").ShouldBe("/api/v1/me/data");
    }
}
