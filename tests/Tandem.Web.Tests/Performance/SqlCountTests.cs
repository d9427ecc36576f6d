using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Matching;

namespace Tandem.Web.Tests.Performance;

/// <summary>
/// The main pages run a fixed number of SQL statements whatever the size of what they list: each is counted on a
/// program, then on one with twice the people, and the counts must be equal (an N+1 loop adds a statement per row)
/// and small. Counting, never timing.
/// </summary>
public sealed class SqlCountTests
{
    /// <summary>Statements a page may run (signing in, the layout's notification bell, the page's own reads).</summary>
    private const int Budget = 16;

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MainPagesRunAFixedSmallNumberOfStatementsWhateverTheSizeOfTheProgram(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var matching = await world.CohortAsync(CohortStatus.Matching, "Matching cohort");
        var active = await world.CohortAsync(CohortStatus.Active, "Active cohort");
        await world.Factory.CreateUserAsync("member@example.com");
        var coordinator = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var api = await world.CoordinatorAsync();
        var anonymous = world.Factory.Anonymous();

        (HttpClient Client, string Url)[] pages =
        [
            (anonymous, "/"), (anonymous, "/Public/Mentors"), (anonymous, "/Faq"),
            (coordinator, $"/Matching/{matching}"), (coordinator, $"/Applications?cohortId={matching}"), (coordinator, "/Cohorts"),
            (coordinator, $"/Cohorts/Details/{matching}"), (coordinator, $"/Pairs/Overview?cohortId={active}"), (coordinator, "/Notifications"),
        ];
        var counts = new Dictionary<string, List<int>>();
        using var counter = new SqlCounter(world.Factory);
        var added = 0;
        // Once before counting: what a process reads on its first request only (keys, settings) is not the page's.
        foreach (var (client, url) in pages) (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);

        foreach (var size in new[] { 6, 12 })
        {
            for (; added < size; added++)
            {
                await world.MenteeAsync(matching, $"mentee{added}@example.com");
                if (added % 2 == 0) await world.MentorAsync(matching, $"mentor{added}@example.com");
                await PairAsync(world, active, added);
            }
            await MatchingWorld.RunAsync(api, matching);
            counter.Take();
            foreach (var (client, url) in pages)
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                var statements = counter.Take();
                statements.Count.ShouldBeLessThanOrEqualTo(Budget, $"{url}:\n{string.Join("\n---\n", statements)}");
                (counts.TryGetValue(url, out var list) ? list : counts[url] = []).Add(statements.Count);
            }
        }
        foreach (var (url, list) in counts) list[1].ShouldBe(list[0], $"{url} runs more statements for twice the people: an N+1 loop");
    }

    /// <summary>A published pair in the active cohort, as the matching would leave it.</summary>
    private static async Task PairAsync(MatchingWorld world, int cohort, int i)
    {
        var mentee = await world.MenteeAsync(cohort, $"paired.mentee{i}@example.com");
        var mentor = await world.MentorAsync(cohort, $"paired.mentor{i}@example.com");
        await world.Factory.WithDbAsync(async d =>
        {
            var apps = await d.Applications.Where(a => a.Id == mentee || a.Id == mentor).ToDictionaryAsync(a => a.Id, a => a.UserId);
            d.Pairs.Add(new Pair
            {
                CohortId = cohort, MenteeId = apps[mentee], MentorId = apps[mentor], MenteeApplicationId = mentee, MentorApplicationId = mentor,
                Origin = PairOrigin.Matched, Status = PairStatus.Active, PublishedAt = MatchingWorld.Now.UtcDateTime.AddDays(-i),
            });
            await d.SaveChangesAsync();
        });
    }
}
