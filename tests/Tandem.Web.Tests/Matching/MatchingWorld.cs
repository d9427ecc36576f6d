using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

/// <summary>
/// The installation's program, a clock fixed at 10 March 2027, a coordinator, and helpers that put accepted
/// mentee and mentor applications (with complete profiles) straight into the database.
/// </summary>
public sealed class MatchingWorld : IDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public const string Coordinator = "coordinator@example.com";

    private MatchingWorld(Db db) => Factory = new TandemFactory(db, clock: Clock);

    public FakeClock Clock { get; } = new(Now);
    public TandemFactory Factory { get; }
    public int ProgramId { get; private set; }
    public int Standard { get; private set; }
    public int Advanced { get; private set; }

    public void Dispose() => Factory.Dispose();

    public static async Task<MatchingWorld> CreateAsync(Db db = Db.Sqlite)
    {
        var world = new MatchingWorld(db);
        await world.Factory.WithDbAsync(async d =>
        {
            world.ProgramId = await ProgramDefaults.CurrentIdAsync(d, CancellationToken.None);
            var tracks = await d.Tracks.Where(t => t.ProgramId == world.ProgramId).ToListAsync();
            world.Standard = tracks.Single(t => t.Code == "standard").Id;
            world.Advanced = tracks.Single(t => t.Code == "advanced").Id;
        });
        await world.Factory.CreateUserAsync(Coordinator, coordinator: true);
        return world;
    }

    /// <summary>A cohort whose application window (1–31 March 2027) contains "now".</summary>
    public Task<int> CohortAsync(CohortStatus status = CohortStatus.Matching, string name = "Spring 2027") =>
        Factory.WithDbAsync(async d =>
        {
            var cohort = new Cohort
            {
                ProgramId = ProgramId, Name = name, Status = status,
                ApplicationsOpenOn = new DateOnly(2027, 3, 1), ApplicationsCloseOn = new DateOnly(2027, 3, 31),
                StartsOn = new DateOnly(2027, 4, 15), EndsOn = new DateOnly(2027, 10, 15),
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            return cohort.Id;
        });

    public async Task<int> MenteeAsync(int cohortId, string email, Action<Profile>? profile = null, Action<Application>? application = null,
        ApplicationStatus status = ApplicationStatus.Accepted)
    {
        var userId = await UserAsync(email, Seniority.Junior, profile);
        return await ApplicationAsync(cohortId, userId, ApplicationRole.Mentee, status, a =>
        {
            a.TrackId = Standard;
            a.Flourish = "In a year I want to lead negotiations for my team.";
            a.FocusAreas = TagList.Format(["negotiation", "leadership"]);
            application?.Invoke(a);
        });
    }

    public async Task<int> MentorAsync(int cohortId, string email, int capacity = 1, Action<Profile>? profile = null, Action<Application>? application = null,
        ApplicationStatus status = ApplicationStatus.Accepted, bool publicProfile = true)
    {
        var userId = await UserAsync(email, Seniority.Senior, profile);
        return await ApplicationAsync(cohortId, userId, ApplicationRole.Mentor, status, a =>
        {
            a.Capacity = capacity;
            a.TracksServed = TagList.Format([Standard.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            a.Expertise = TagList.Format(["negotiation"]);
            a.PublicProfile = publicProfile;
            a.Offer = "Twenty years of negotiating.";
            application?.Invoke(a);
        });
    }

    /// <summary>Reuses the account when the email already exists (one person, two cohorts).</summary>
    public async Task<string> UserAsync(string email, Seniority seniority, Action<Profile>? profile = null)
    {
        var existing = await Factory.WithDbAsync(d => d.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync());
        if (existing is not null) return existing;
        return await Factory.CreateUserAsync(email, profile: p =>
        {
            p.DisplayName = email.Split('@')[0];
            p.Seniority = seniority;
            p.Languages = TagList.Format(["en"]);
            p.City = "Beijing";
            p.Industry = "Finance";
            p.Interests = TagList.Format(["reading", "hiking"]);
            profile?.Invoke(p);
        });
    }

    private Task<int> ApplicationAsync(int cohortId, string userId, ApplicationRole role, ApplicationStatus status, Action<Application> fill) =>
        Factory.WithDbAsync(async d =>
        {
            var a = new Application
            {
                CohortId = cohortId, UserId = userId, Role = role, Status = status, Languages = TagList.Format(["en"]),
                Availability = 0b111, MeetingMode = MeetingMode.Online, SubmittedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime,
            };
            fill(a);
            d.Applications.Add(a);
            await d.SaveChangesAsync();
            return a.Id;
        });

    /// <summary>Four mentees and three mentors of capacity 1: three pairs, one mentee left over.</summary>
    public async Task<SmallCohort> SmallAsync(CohortStatus status = CohortStatus.Matching)
    {
        var cohort = await CohortAsync(status);
        var mentees = new List<int>();
        for (var i = 1; i <= 4; i++) mentees.Add(await MenteeAsync(cohort, $"mentee{i}@example.com"));
        var mentors = new List<int>();
        for (var i = 1; i <= 3; i++) mentors.Add(await MentorAsync(cohort, $"mentor{i}@example.com"));
        return new SmallCohort(cohort, mentees, mentors);
    }

    public async Task<HttpClient> CoordinatorAsync() => await Factory.ApiClientAsync(Coordinator);

    public static async Task<System.Text.Json.JsonElement> RunAsync(HttpClient client, int cohortId, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/matching/runs", body ?? new { mode = "optimal" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<System.Text.Json.JsonElement> LatestAsync(HttpClient client, int cohortId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/cohorts/{cohortId}/matching/runs/latest{query}");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>mentee application id → mentor application id of the latest run.</summary>
    public static async Task<Dictionary<int, int>> ProposalsAsync(HttpClient client, int cohortId)
    {
        var latest = await LatestAsync(client, cohortId);
        return latest.GetProperty("proposals").GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("menteeApplicationId").GetInt32(), p => p.GetProperty("mentorApplicationId").GetInt32());
    }
}

public sealed record SmallCohort(int Id, IReadOnlyList<int> Mentees, IReadOnlyList<int> Mentors);
