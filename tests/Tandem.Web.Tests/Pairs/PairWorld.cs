using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Pairs;

/// <summary>
/// Two published pairs in an active cohort, written straight into the database (publishing is another feature):
/// mentee@/mentor@ (the pair under test) and other.mentee@/other.mentor@, plus a coordinator. The clock is fixed
/// at 10 May 2027 09:00 UTC; the mentee lives in Asia/Shanghai.
/// </summary>
public sealed class PairWorld : IDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 5, 10, 9, 0, 0, TimeSpan.Zero);
    public const string Mentee = "mentee@example.com", Mentor = "mentor@example.com", OtherMentee = "other.mentee@example.com",
        OtherMentor = "other.mentor@example.com", Coordinator = "coord@example.com";

    private PairWorld(Db db) => Factory = new TandemFactory(db, clock: Clock);

    public FakeClock Clock { get; } = new(Now);
    public TandemFactory Factory { get; }
    public int PairId { get; private set; }
    public int OtherPairId { get; private set; }
    public string MenteeId { get; private set; } = "";
    public string MentorId { get; private set; } = "";
    public int CohortId { get; private set; }

    public void Dispose() => Factory.Dispose();

    public static async Task<PairWorld> CreateAsync(Db db = Db.Sqlite)
    {
        var w = new PairWorld(db);
        w.MenteeId = await w.Factory.CreateUserAsync(Mentee, profile: p => { p.DisplayName = "Zhao Min"; p.TimeZone = "Asia/Shanghai"; p.JobTitle = "Analyst"; });
        w.MentorId = await w.Factory.CreateUserAsync(Mentor, profile: p => { p.DisplayName = "Wang Li"; p.JobTitle = "Chief Financial Officer"; p.Employer = "Jinghua Capital"; });
        var otherMentee = await w.Factory.CreateUserAsync(OtherMentee);
        var otherMentor = await w.Factory.CreateUserAsync(OtherMentor);
        await w.Factory.CreateUserAsync(Coordinator, coordinator: true);
        await w.Factory.WithDbAsync(async d =>
        {
            var programId = await ProgramDefaults.CurrentIdAsync(d, default);
            var cohort = new Cohort
            {
                ProgramId = programId, Name = "2027 Spring", Status = CohortStatus.Active, ApplicationsOpenOn = new(2027, 2, 1), ApplicationsCloseOn = new(2027, 3, 1),
                StartsOn = new(2027, 4, 1), EndsOn = new(2027, 9, 30),
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            w.CohortId = cohort.Id;
            w.PairId = await AddPairAsync(d, cohort.Id, w.MenteeId, w.MentorId);
            w.OtherPairId = await AddPairAsync(d, cohort.Id, otherMentee, otherMentor);
        });
        return w;
    }

    private static async Task<int> AddPairAsync(Tandem.Web.Data.TandemDb d, int cohortId, string menteeId, string mentorId)
    {
        var mentee = new Application { CohortId = cohortId, UserId = menteeId, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Accepted };
        var mentor = new Application { CohortId = cohortId, UserId = mentorId, Role = ApplicationRole.Mentor, Status = ApplicationStatus.Accepted, Capacity = 1 };
        d.Applications.AddRange(mentee, mentor);
        await d.SaveChangesAsync();
        var pair = new Pair
        {
            CohortId = cohortId, MenteeId = menteeId, MentorId = mentorId, MenteeApplicationId = mentee.Id, MentorApplicationId = mentor.Id,
            Status = PairStatus.Active, PublishedAt = Now.UtcDateTime.AddDays(-40),
        };
        d.Pairs.Add(pair);
        await d.SaveChangesAsync();
        return pair.Id;
    }

    public Task CloseAsync(int pairId) => Factory.WithDbAsync(async d =>
        await d.Pairs.Where(p => p.Id == pairId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairStatus.ClosedEarly).SetProperty(p => p.ClosedAt, Now.UtcDateTime)));

    /// <summary>An accepted meeting tomorrow, proposed by the mentee (through the API, like a real one).</summary>
    public static object Proposal(DateTimeOffset startsAt, string agenda = "How do I prepare for the Q3 planning review? Which numbers matter most?") =>
        new { startsAt, durationMinutes = 60, format = "Video", location = "https://meet.example.com/zm", agenda };
}
