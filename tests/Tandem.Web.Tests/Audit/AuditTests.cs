using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Audit;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Matching;

namespace Tandem.Web.Tests.Audit;

/// <summary>The audit log: each coordinator action writes one entry with its action, in the action's own save; nothing private.</summary>
public sealed class AuditTests
{
    private const string SecretReason = "Her manager told us privately about the restructuring";

    private static async Task<string> CountsAsync(TandemFactory f) =>
        Text(await f.WithDbAsync(d => d.AuditEntries.GroupBy(e => e.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)));

    private static string Text(Dictionary<string, int> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private static async Task OkAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task EachCoordinatorActionWritesOneEntryAndARefusedOneWritesNone(Db provider)
    {
        using var w = await MatchingWorld.CreateAsync(provider);
        var small = await w.SmallAsync();
        var extra = await w.MenteeAsync(small.Id, "late@example.com", status: ApplicationStatus.Submitted);
        var api = await w.CoordinatorAsync();
        var coordinatorId = await w.Factory.WithDbAsync(d => d.Users.Where(u => u.Email == MatchingWorld.Coordinator).Select(u => u.Id).SingleAsync());
        var expected = new Dictionary<string, int>();
        async Task Expect(string action, Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
        {
            await OkAsync(call, status);
            expected[action] = expected.GetValueOrDefault(action) + 1;
            (await CountsAsync(w.Factory)).ShouldBe(Text(expected), $"after {action}");
        }

        // Refused: a decline without a reason changes nothing and logs nothing.
        await OkAsync(api.PostAsJsonAsync($"/api/v1/applications/{extra}/decision", new { decision = "Decline" }), HttpStatusCode.BadRequest);
        (await CountsAsync(w.Factory)).ShouldBe("");

        await Expect(AuditActions.ApplicationDecided, api.PostAsJsonAsync($"/api/v1/applications/{extra}/decision", new { decision = "Decline", reason = SecretReason }));
        await Expect(AuditActions.PairLocked, api.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/locks", new { menteeApplicationId = small.Mentees[0], mentorApplicationId = small.Mentors[0] }));
        await Expect(AuditActions.PairForbidden, api.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/forbids", new { menteeApplicationId = small.Mentees[1], mentorApplicationId = small.Mentors[0] }));
        var forbid = await w.Factory.WithDbAsync(d => d.PairRules.Where(r => r.Kind == Web.Features.Matching.PairRuleKind.Forbid).Select(r => r.Id).SingleAsync());
        await Expect(AuditActions.RuleRemoved, api.DeleteAsync($"/api/v1/cohorts/{small.Id}/matching/forbids/{forbid}"), HttpStatusCode.NoContent);
        await Expect(AuditActions.MatchingPublished, api.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { confirm = true }));
        (await w.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == small.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Active);

        var pair = await w.Factory.WithDbAsync(d => d.Pairs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await Expect(AuditActions.PairClosedEarly, api.PostAsJsonAsync($"/api/v1/pairs/{pair}/close", new { reason = "Mismatch", confirm = true }));
        await w.MentorAsync(small.Id, "spare@example.com");
        var spare = await w.Factory.WithDbAsync(d => d.Users.Where(u => u.Email == "spare@example.com").Select(u => u.Id).SingleAsync());
        await Expect(AuditActions.PairRepaired, api.PostAsJsonAsync($"/api/v1/pairs/{pair}/repair", new { mentorId = spare }), HttpStatusCode.Created);
        await Expect(AuditActions.CohortMoved, api.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/transition", new { to = "Closing", confirm = true }));

        await Expect(AuditActions.ProgramChanged, api.PutAsJsonAsync("/api/v1/program", new { name = "Renamed Network", cohortLengthMonths = 6, cohortsPerYear = 2, minimumMeetings = 3, menteesNeedMembership = false, defaultCurrency = "CNY" }));
        await Expect(AuditActions.TrackSaved, api.PostAsJsonAsync("/api/v1/program/tracks", new { code = "returners", name = "Returners", menteeLevels = new[] { "Junior" }, mentorLevels = new[] { "Senior" } }), HttpStatusCode.Created);
        await Expect(AuditActions.MatchSettingsChanged, api.PutAsJsonAsync("/api/v1/program/match-settings", new { interests = 3, goals = 1, industry = 0, personality = 0, availability = 1, seniorityGap = 1, reverseFit = 0, menteeRanking = 1, minSharedSlots = 4 }));
        var csv = new StringContent("email,name\nnew.member@example.com,New Member\n", Encoding.UTF8, "text/csv");
        await OkAsync(api.PostAsync("/api/v1/imports/members?dryRun=true", csv));
        (await CountsAsync(w.Factory)).ShouldBe(Text(expected), "a dry run logs nothing");
        await Expect(AuditActions.Imported, api.PostAsync("/api/v1/imports/members?dryRun=false", new StringContent("email,name\nnew.member@example.com,New Member\n", Encoding.UTF8, "text/csv")));

        var entries = await w.Factory.WithDbAsync(d => d.AuditEntries.AsNoTracking().ToListAsync());
        entries.ShouldAllBe(e => e.ActorId == coordinatorId);
        entries.ShouldNotContain(e => e.Summary.Contains("restructuring"));
        entries.Single(e => e.Action == AuditActions.ApplicationDecided).TargetId.ShouldBe(extra.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entries.Single(e => e.Action == AuditActions.CohortMoved).Summary.ShouldBe("Active → Closing");
        entries.Where(e => e.Action != AuditActions.ProgramChanged && e.Action != AuditActions.TrackSaved && e.Action != AuditActions.MatchSettingsChanged && e.Action != AuditActions.Imported)
            .ShouldAllBe(e => e.CohortId == small.Id);
    }

    [Fact]
    public async Task CoordinatorsFilterAndPageTheLogAndNobodyElseSeesIt()
    {
        using var w = await MatchingWorld.CreateAsync();
        var cohort = await w.CohortAsync(CohortStatus.Open);
        var other = await w.CohortAsync(CohortStatus.Open, "Autumn 2027");
        await w.Factory.WithDbAsync(async d =>
        {
            for (var i = 0; i < 60; i++)
                d.AuditEntries.Add(new AuditEntry { At = MatchingWorld.Now.UtcDateTime.AddDays(-i), Action = AuditActions.ApplicationDecided, TargetType = "application", TargetId = $"{i}", CohortId = cohort, Summary = "Mentee: Accepted" });
            d.AuditEntries.Add(new AuditEntry { At = MatchingWorld.Now.UtcDateTime, Action = AuditActions.CohortMoved, TargetType = "cohort", TargetId = $"{other}", CohortId = other, Summary = "Open → Matching" });
            await d.SaveChangesAsync();
        });
        var api = await w.CoordinatorAsync();

        var all = await (await api.GetAsync("/api/v1/audit")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(61);
        all.GetProperty("items").GetArrayLength().ShouldBe(AuditQueries.PageSize);
        (await (await api.GetAsync("/api/v1/audit?page=2")).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(11);
        var moved = await (await api.GetAsync($"/api/v1/audit?action={AuditActions.CohortMoved}")).JsonAsync();
        moved.GetProperty("items")[0].GetProperty("cohortName").GetString().ShouldBe("Autumn 2027");
        (await (await api.GetAsync($"/api/v1/audit?cohortId={cohort}&from=2027-03-01&to=2027-03-05")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(5);

        var bad = await api.GetAsync("/api/v1/audit?from=yesterday&action=nonsense");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).ShouldBe(["action", "from"], ignoreOrder: true);

        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(MatchingWorld.Coordinator), $"/Audit?action={AuditActions.CohortMoved}");
        page.QuerySelectorAll("#audit tbody tr").Length.ShouldBe(1);
        page.QuerySelector("#audit tbody tr")!.TextContent.ShouldContain("Cohort status changed");
        var zh = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(MatchingWorld.Coordinator), "/Audit?page=2&culture=zh-Hans");
        zh.QuerySelector("#pages")!.TextContent.ShouldContain("第 2 页");

        await w.UserAsync("member@example.com", Web.Shared.Seniority.Junior);
        (await (await w.Factory.ApiClientAsync("member@example.com")).GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var denied = await (await w.Factory.PageClientAsync("member@example.com")).GetAsync("/Audit");
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
