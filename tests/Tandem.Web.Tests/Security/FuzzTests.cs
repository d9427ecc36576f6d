using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Walks every write route of the OpenAPI document with generated bad requests (<see cref="BadRequests"/>), as the
/// caller the route is for, on the demo program: no answer may be a 5xx, and a refused request (4xx) may not change
/// a single row (<see cref="WriteWatch"/>). Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class FuzzTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task NoBadRequestToAnyWriteRouteGetsA5xxOrChangesARow(Db provider)
    {
        var watch = new WriteWatch();
        using var factory = new TandemFactory(provider, new()
        {
            ["Demo:Seed"] = "true",
            ["RateLimits:Enabled"] = "false",
            ["Reminders:Enabled"] = "false",
        }, services: WriteWatch.Install(watch));
        var ct = TestContext.Current.CancellationToken;
        var anonymous = factory.Anonymous();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", ct)).RootElement;
        var callers = new Dictionary<string, HttpClient[]>
        {
            ["anyone"] = [anonymous],
            ["coordinator"] = [await factory.ApiClientAsync("coordinator@tandem.local", DemoData.Password)],
            ["member"] = [await factory.ApiClientAsync("mentee@tandem.local", DemoData.Password), await factory.ApiClientAsync("mentor@tandem.local", DemoData.Password)],
        };
        var ids = await DemoIdsAsync(factory);
        var generator = new BadRequests(document);
        var writeRoutes = generator.WriteRoutes().OrderBy(Destructiveness).ThenBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
        writeRoutes.Count.ShouldBeGreaterThan(90, "the OpenAPI document should list every write route");
        var readRoutes = generator.ReadRoutes().OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        readRoutes.Count.ShouldBeGreaterThan(60, "the OpenAPI document should list every read route");
        // Reads first: they change nothing, so they meet the whole demo program.
        var routes = readRoutes.Concat(writeRoutes).ToList();

        var failures = new List<string>();
        var sent = 0;
        var byStatus = new SortedDictionary<int, int>();
        var acceptedWrites = 0;
        foreach (var route in routes)
        {
            var clients = callers[route.Caller];
            foreach (var bad in generator.For(route, (path, name) => ids(path, name)))
            {
                var tag = (++sent).ToString(System.Globalization.CultureInfo.InvariantCulture);
                using var message = BadRequests.Message(bad);
                message.Headers.Add(WriteWatch.Header, tag);
                using var response = await clients[sent % clients.Length].SendAsync(message, ct);
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status < 300 && watch.Of(tag).Count > 0) acceptedWrites++;
                if (status >= 500)
                    failures.Add($"{status} {bad.Method} {bad.Url} ({bad.What}): {Trim(await response.Content.ReadAsStringAsync(ct))}");
                else if (status >= 400 && watch.Of(tag) is { Count: > 0 } writes)
                    failures.Add($"{status} {bad.Method} {bad.Url} ({bad.What}) was refused but wrote: {string.Join(" | ", writes)}");
                else if (status == 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"400 {bad.Method} {bad.Url} ({bad.What}) is not a ProblemDetails answer");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: {sent} bad requests to {readRoutes.Count} read and {writeRoutes.Count} write routes; " +
                                                        string.Join(", ", byStatus.Select(kv => $"{kv.Value}× {kv.Key}")));
        sent.ShouldBeGreaterThan(3000);
        // The watch sees writes at all: some generated requests are acceptable and do save.
        acceptedWrites.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} bad requests were mishandled:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>Routes that end things (close, publish, delete, the account) go last, so the others meet a living program.</summary>
    private static int Destructiveness(WriteRoute r) =>
        r.Path.Contains("/account/", StringComparison.Ordinal) || r.Path.StartsWith("/api/v1/me/account", StringComparison.Ordinal) ? 3
        : r.Method == "DELETE" || new[] { "/close", "/publish", "/transition", "/withdraw", "/archive", "/cancel", "/repair", "/hide" }.Any(v => r.Path.EndsWith(v, StringComparison.Ordinal)) ? 2
        : 0;

    private static string Trim(string s) => s.Length > 400 ? s[..400] : s;

    /// <summary>A real id for each path parameter, from the demo program: the demo pair's own goals, meetings and
    /// shared work, the open cohort and its rules, and the first of everything else.</summary>
    private static async Task<Func<string, string, int>> DemoIdsAsync(TandemFactory factory)
    {
        var map = await factory.WithDbAsync(async db =>
        {
            var mentee = await db.Users.Where(u => u.Email == "mentee@tandem.local").Select(u => u.Id).SingleAsync();
            var mentor = await db.Users.Where(u => u.Email == "mentor@tandem.local").Select(u => u.Id).SingleAsync();
            var pair = await db.Pairs.Where(p => p.MenteeId == mentee && p.MentorId == mentor && p.Status == PairStatus.Active).Select(p => p.Id).FirstOrDefaultAsync();
            if (pair == 0) pair = await db.Pairs.Where(p => p.MenteeId == mentee).Select(p => p.Id).FirstAsync();
            var open = await db.Cohorts.Where(c => c.Status == CohortStatus.Open).Select(c => c.Id).FirstAsync();
            static async Task<int> First(IQueryable<int> ids) => await ids.OrderBy(i => i).FirstOrDefaultAsync();
            return new Dictionary<string, int>
            {
                ["pairs"] = pair,
                ["goals"] = await First(db.Goals.Where(g => g.PairId == pair).Select(g => g.Id)),
                ["meetings"] = await First(db.Meetings.Where(m => m.PairId == pair).Select(m => m.Id)),
                ["work"] = await First(db.SharedWork.Where(w => w.PairId == pair).Select(w => w.Id)),
                ["introductions"] = await First(db.Introductions.Where(i => i.PairId == pair).Select(i => i.Id)),
                ["cohorts"] = open,
                ["locks"] = await First(db.PairRules.Where(r => r.CohortId == open).Select(r => r.Id)),
                ["forbids"] = await First(db.PairRules.Where(r => r.CohortId == open).Select(r => r.Id)),
                ["tracks"] = await First(db.Tracks.Select(t => t.Id)),
                ["memberships"] = await First(db.Memberships.Select(m => m.Id)),
                ["applications"] = await First(db.Applications.Where(a => a.CohortId == open).Select(a => a.Id)),
                ["faq"] = await First(db.FaqEntries.Select(f => f.Id)),
                ["notifications"] = await First(db.Notifications.Where(n => n.UserId == mentee).Select(n => n.Id)),
                ["library"] = await First(db.LibraryItems.Select(i => i.Id)),
                ["events"] = await First(db.Events.Select(e => e.Id)),
                ["webinars"] = await First(db.Webinars.Select(w => w.Id)),
                ["dilemmas"] = await First(db.Dilemmas.Select(d => d.Id)),
                ["solutions"] = await First(db.DilemmaSolutions.Select(s => s.Id)),
                ["workbooks"] = await First(db.Workbooks.Select(w => w.Id)),
                ["sections"] = await First(db.WorkbookSections.Select(s => s.Id)),
                ["exercises"] = await First(db.WorkbookExercises.Select(e => e.Id)),
                ["shares"] = await First(db.WorkbookShares.Where(s => s.PairId == pair).Select(s => s.Id)),
            };
        });
        return (path, name) =>
        {
            // The segment before "{name}" says what the id is of.
            var segments = path.Split('/');
            var at = Array.IndexOf(segments, "{" + name + "}");
            return at > 0 && map.TryGetValue(segments[at - 1], out var id) && id > 0 ? id : 1;
        };
    }
}
