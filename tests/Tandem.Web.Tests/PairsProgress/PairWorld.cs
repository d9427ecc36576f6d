using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Reminders;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

/// <summary>
/// An active cohort from 1 January 2027 to 29 June 2027 (180 days: a meeting is expected every 60 days with the
/// default minimum of 3) holding two pairs: mentee–mentor ("the pair") and other-mentee–other-mentor; a coordinator.
/// The clock starts on the cohort's first day; <see cref="Day"/> moves it.
/// </summary>
public sealed class PairWorld : IDisposable
{
    public static readonly DateOnly StartsOn = new(2027, 1, 1), EndsOn = new(2027, 6, 29);
    public const string Mentee = "mentee@example.com", Mentor = "mentor@example.com", OtherMentee = "other-mentee@example.com",
        OtherMentor = "other-mentor@example.com", Coordinator = "coord@example.com";

    private PairWorld(Db db) => Factory = new TandemFactory(db, clock: Clock);

    public FakeClock Clock { get; } = new(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public TandemFactory Factory { get; }
    public int CohortId { get; private set; }
    public int PairId { get; private set; }
    public int OtherPairId { get; private set; }
    public string MenteeId { get; private set; } = "";
    public string MentorId { get; private set; } = "";
    public string OtherMenteeId { get; private set; } = "";
    public string OtherMentorId { get; private set; } = "";
    private readonly Dictionary<string, int> applications = [];

    public void Dispose() => Factory.Dispose();

    /// <summary>Sets the clock to the start of day <paramref name="day"/> of the cohort (day 0 = 1 January).</summary>
    public void Day(int day, int hour = 0) => Clock.Now = new DateTimeOffset(2027, 1, 1, hour, 0, 0, TimeSpan.Zero).AddDays(day);

    public static DateTime At(int day, int hour = 0) => new DateTime(2027, 1, 1, hour, 0, 0, DateTimeKind.Utc).AddDays(day);

    public static async Task<PairWorld> CreateAsync(Db db = Db.Sqlite)
    {
        var w = new PairWorld(db);
        await w.Factory.CreateUserAsync(Coordinator, coordinator: true, p => p.DisplayName = "Coordinator Chen");
        w.MenteeId = await w.Factory.CreateUserAsync(Mentee, profile: p => p.DisplayName = "Mei Mentee");
        w.MentorId = await w.Factory.CreateUserAsync(Mentor, profile: p => p.DisplayName = "Mona Mentor");
        w.OtherMenteeId = await w.Factory.CreateUserAsync(OtherMentee, profile: p => p.DisplayName = "Olga Othermentee");
        w.OtherMentorId = await w.Factory.CreateUserAsync(OtherMentor, profile: p => p.DisplayName = "Ola Othermentor");
        w.CohortId = await w.Factory.WithDbAsync(async d =>
        {
            var cohort = new Cohort
            {
                ProgramId = await d.Programs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), Name = "2027 Spring", Status = CohortStatus.Active,
                ApplicationsOpenOn = new(2026, 11, 1), ApplicationsCloseOn = new(2026, 12, 1), StartsOn = StartsOn, EndsOn = EndsOn,
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            return cohort.Id;
        });
        w.PairId = await w.PairAsync(w.MenteeId, w.MentorId);
        w.OtherPairId = await w.PairAsync(w.OtherMenteeId, w.OtherMentorId);
        return w;
    }

    public async Task<int> ApplicationAsync(string userId, ApplicationRole role, int capacity = 1)
    {
        var key = userId + role;
        if (applications.TryGetValue(key, out var id)) return id;
        id = await Factory.WithDbAsync(async d =>
        {
            var a = new Application { CohortId = CohortId, UserId = userId, Role = role, Status = ApplicationStatus.Accepted, Capacity = role == ApplicationRole.Mentor ? capacity : 0 };
            d.Applications.Add(a);
            await d.SaveChangesAsync();
            return a.Id;
        });
        applications[key] = id;
        return id;
    }

    public async Task<int> PairAsync(string menteeId, string mentorId, PairStatus status = PairStatus.Active, int mentorCapacity = 1)
    {
        var menteeApp = await ApplicationAsync(menteeId, ApplicationRole.Mentee);
        var mentorApp = await ApplicationAsync(mentorId, ApplicationRole.Mentor, mentorCapacity);
        return await Factory.WithDbAsync(async d =>
        {
            var p = new Pair
            {
                CohortId = CohortId, MenteeId = menteeId, MentorId = mentorId, MenteeApplicationId = menteeApp, MentorApplicationId = mentorApp,
                Status = status, PublishedAt = At(-10), Origin = PairOrigin.Matched,
            };
            d.Pairs.Add(p);
            await d.SaveChangesAsync();
            return p.Id;
        });
    }

    public Task<int> MeetingAsync(int pairId, DateTime startsAt, MeetingStatus status, DateTime? createdAt = null, string? agenda = null, string? summary = null, string? actionItems = null) =>
        Factory.WithDbAsync(async d =>
        {
            var pair = await d.Pairs.SingleAsync(p => p.Id == pairId);
            var m = new Meeting
            {
                PairId = pairId, ProposedById = pair.MenteeId, StartsAt = startsAt, DurationMinutes = 60, Status = status,
                Agenda = agenda, Summary = summary, ActionItems = actionItems, CreatedAt = createdAt ?? startsAt.AddDays(-3), UpdatedAt = createdAt ?? startsAt,
            };
            d.Meetings.Add(m);
            await d.SaveChangesAsync();
            return m.Id;
        });

    public Task SetCohortAsync(CohortStatus status) =>
        Factory.WithDbAsync(async d =>
        {
            var c = await d.Cohorts.SingleAsync(x => x.Id == CohortId);
            c.Status = status;
            await d.SaveChangesAsync();
        });

    public Task SetPairAsync(int pairId, PairStatus status) =>
        Factory.WithDbAsync(async d =>
        {
            var p = await d.Pairs.SingleAsync(x => x.Id == pairId);
            p.Status = status;
            p.ClosedAt = status == PairStatus.Active ? null : Clock.Now.UtcDateTime;
            p.CloseReason = status == PairStatus.Active ? null : status == PairStatus.Completed ? CloseReason.CohortEnded : CloseReason.Mismatch;
            await d.SaveChangesAsync();
        });

    public async Task<int> RunRemindersAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RemindersJob>().RunOnceAsync(CancellationToken.None);
    }

    public Task<List<(string UserId, string Text)>> NotificationsAsync() =>
        Factory.WithDbAsync(async d => (await d.Notifications.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.UserId, n.Text }).ToListAsync())
            .Select(n => (n.UserId, n.Text)).ToList());
}
