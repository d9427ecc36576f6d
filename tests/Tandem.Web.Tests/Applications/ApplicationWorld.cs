using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Applications;

/// <summary>
/// A program with the two default tracks, a clock fixed at 10 March 2027, and helpers to add cohorts,
/// members with complete profiles and memberships straight into the database.
/// </summary>
public sealed class ApplicationWorld : IDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public const string Flourish = "In a year I want to lead my team's quarterly planning and negotiate my own promotion.";

    public ApplicationWorld(Db db = Db.Sqlite) => Factory = new TandemFactory(db, clock: Clock);

    public FakeClock Clock { get; } = new(Now);
    public TandemFactory Factory { get; }
    public int ProgramId { get; private set; }
    /// <summary>Mentees Entry/Junior; mentors MidManagement and up.</summary>
    public int Standard { get; private set; }
    /// <summary>Mentees MidManagement; mentors Executive only.</summary>
    public int Advanced { get; private set; }

    public void Dispose() => Factory.Dispose();

    public static async Task<ApplicationWorld> CreateAsync(Db db = Db.Sqlite, bool mentorsNeedMembership = false)
    {
        var world = new ApplicationWorld(db);
        await world.Factory.WithDbAsync(async d =>
        {
            var program = new MentorshipProgram
            {
                Name = "Her Tandem Network",
                MentorsNeedMembership = mentorsNeedMembership,
                Tracks =
                [
                    new Track { Code = "standard", Name = "Standard", MenteeLevels = SeniorityLevels.Entry | SeniorityLevels.Junior, MentorLevels = SeniorityLevels.MidManagement | SeniorityLevels.Senior | SeniorityLevels.Executive },
                    new Track { Code = "advanced", Name = "Advanced", MenteeLevels = SeniorityLevels.MidManagement, MentorLevels = SeniorityLevels.Executive },
                ],
            };
            d.Programs.Add(program);
            await d.SaveChangesAsync();
            world.ProgramId = program.Id;
            world.Standard = program.Tracks.Single(t => t.Code == "standard").Id;
            world.Advanced = program.Tracks.Single(t => t.Code == "advanced").Id;
        });
        return world;
    }

    /// <summary>A cohort whose window (1–31 March 2027) contains "now", starting 15 April 2027.</summary>
    public Task<int> CohortAsync(string name = "Spring 2027", CohortStatus status = CohortStatus.Open,
        DateOnly? opens = null, DateOnly? closes = null, DateOnly? starts = null) =>
        Factory.WithDbAsync(async d =>
        {
            var start = starts ?? new DateOnly(2027, 4, 15);
            var cohort = new Cohort
            {
                ProgramId = ProgramId, Name = name, Status = status,
                ApplicationsOpenOn = opens ?? new DateOnly(2027, 3, 1), ApplicationsCloseOn = closes ?? new DateOnly(2027, 3, 31),
                StartsOn = start, EndsOn = start.AddMonths(6),
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            return cohort.Id;
        });

    /// <summary>A member with a profile complete enough to match, and (by default) a membership for 2027.</summary>
    public async Task<string> MemberAsync(string email, Seniority seniority = Seniority.Junior, bool membership = true, Action<Profile>? profile = null, bool coordinator = false)
    {
        var id = await Factory.CreateUserAsync(email, coordinator, p =>
        {
            p.DisplayName = email.Split('@')[0];
            p.Seniority = seniority;
            p.Languages = TagList.Format(["en", "zh"]);
            p.City = "Beijing";
            p.TimeZone = "Asia/Shanghai";
            p.Employer = "Acme";
            p.JobTitle = "Analyst";
            p.Industry = "Finance";
            p.Expertise = TagList.Format(["negotiation", "leadership"]);
            profile?.Invoke(p);
        });
        if (membership) await MembershipAsync(id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        return id;
    }

    public Task<int> MembershipAsync(string userId, DateOnly starts, DateOnly ends) =>
        Factory.WithDbAsync(async d =>
        {
            var m = new Membership { ProgramId = ProgramId, UserId = userId, StartsOn = starts, EndsOn = ends, FeeMinor = 50000, Currency = "CNY", PaidOn = starts };
            d.Memberships.Add(m);
            await d.SaveChangesAsync();
            return m.Id;
        });

    public object MenteeBody(int? trackId = null, string flourish = Flourish) => new
    {
        role = "Mentee", trackId = trackId ?? Standard, flourish, focusAreas = new[] { "negotiation", "Public speaking" },
        mentorGenderPreference = "Same", openToReverse = true, mentorOrigin = "External", meetingMode = "Online",
        availability = 0b101, languages = new[] { "en", "zh" },
    };

    public object MentorBody(params int[] tracks) => new
    {
        role = "Mentor", capacity = 2, tracksServed = tracks.Length == 0 ? [Standard] : tracks, expertise = new[] { "negotiation" },
        offer = "Twenty years in banking.", availability = 1 << 20, languages = new[] { "en" }, publicProfile = true, meetingMode = "InPerson",
    };

    public Dictionary<string, string> MenteeForm(int? trackId = null, string flourish = Flourish) => new()
    {
        ["Input.TrackId"] = (trackId ?? Standard).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Flourish"] = flourish,
        ["Input.FocusAreas"] = "negotiation, public speaking",
        ["Input.MentorGenderPreference"] = "Cross",
        ["Input.MentorOrigin"] = "Internal",
        ["Input.MeetingMode"] = "InPerson",
        ["Input.Availability"] = "4",
        ["Input.Languages"] = "en, zh",
    };

    public Task<HttpResponseMessage> ApplyApiAsync(HttpClient client, int cohortId, object body) =>
        client.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", body);

    public Task<List<Application>> ApplicationsAsync() => Factory.WithDbAsync(d => d.Applications.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
}
