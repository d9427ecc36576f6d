using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Applications;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Community;

/// <summary>
/// The people of the community features: an active cohort (from <see cref="ApplicationWorld"/>, clock at
/// 10 March 2027), accepted mentees and mentors in it, pairs, and a coordinator.
/// </summary>
public sealed class CommunityWorld : IDisposable
{
    private CommunityWorld(ApplicationWorld world) => World = world;

    public ApplicationWorld World { get; }
    public TandemFactory Factory => World.Factory;
    public FakeClock Clock => World.Clock;
    public int CohortId { get; private set; }

    public void Dispose() => World.Dispose();

    public static async Task<CommunityWorld> CreateAsync(Db db = Db.Sqlite)
    {
        var world = new CommunityWorld(await ApplicationWorld.CreateAsync(db));
        world.CohortId = await world.World.CohortAsync("Spring 2027", CohortStatus.Active);
        await world.Factory.CreateUserAsync("coord@example.com", coordinator: true, p => p.DisplayName = "Coordinator Chen");
        return world;
    }

    public Task<string> MenteeAsync(string email, int? cohortId = null) => AcceptedAsync(email, ApplicationRole.Mentee, cohortId ?? CohortId);

    public Task<string> MentorAsync(string email, int? cohortId = null) => AcceptedAsync(email, ApplicationRole.Mentor, cohortId ?? CohortId);

    public Task<string> MemberAsync(string email) => World.MemberAsync(email, membership: false);

    public async Task<string> AcceptedAsync(string email, ApplicationRole role, int cohortId)
    {
        var existing = await Factory.WithDbAsync(d => d.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync());
        var id = existing ?? await World.MemberAsync(email, membership: false, profile: p => p.DisplayName = "Name " + email.Split('@')[0]);
        await Factory.WithDbAsync(async d =>
        {
            d.Applications.Add(new Application
            {
                CohortId = cohortId, UserId = id, Role = role, Status = ApplicationStatus.Accepted, Capacity = role == ApplicationRole.Mentor ? 2 : 0,
                SubmittedAt = ApplicationWorld.Now.UtcDateTime, UpdatedAt = ApplicationWorld.Now.UtcDateTime,
            });
            await d.SaveChangesAsync();
        });
        return id;
    }

    public Task<int> PairAsync(string menteeId, string mentorId, PairStatus status = PairStatus.Active) =>
        Factory.WithDbAsync(async d =>
        {
            var menteeApp = await d.Applications.Where(a => a.UserId == menteeId && a.Role == ApplicationRole.Mentee).Select(a => a.Id).FirstAsync();
            var mentorApp = await d.Applications.Where(a => a.UserId == mentorId && a.Role == ApplicationRole.Mentor).Select(a => a.Id).FirstAsync();
            var pair = new Pair
            {
                CohortId = CohortId, MenteeId = menteeId, MentorId = mentorId, MenteeApplicationId = menteeApp, MentorApplicationId = mentorApp,
                Status = status, PublishedAt = ApplicationWorld.Now.UtcDateTime,
            };
            d.Pairs.Add(pair);
            await d.SaveChangesAsync();
            return pair.Id;
        });

    /// <summary>Anonymous callers get 401 from the API and are sent to sign in from pages; members get 403 / access denied.</summary>
    public static async Task AssertPageRedirectAsync(HttpClient client, string url, string to)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
        response.Headers.Location!.ToString().ShouldContain(to);
    }
}
