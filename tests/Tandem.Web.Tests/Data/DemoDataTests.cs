using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Public;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

public sealed class DemoDataTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<IReadOnlyList<DemoSignIn>> SeedAsync(TandemFactory factory, TimeProvider? clock = null)
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var demo = clock is null
            ? services.GetRequiredService<DemoData>()
            : ActivatorUtilities.CreateInstance<DemoData>(services, clock, ActivatorUtilities.CreateInstance<Tandem.Web.Features.Notifications.Notices>(services, clock));
        return await demo.SeedAsync(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheDemoHasAnOpenCohortFullOfApplicationsTwoPastCohortsWithPublicMentorsAndMemberships(Db provider)
    {
        using var factory = new TandemFactory(provider);
        _ = factory.Server;
        // How long seeding takes is measured by bench/ (DemoSeedBenchmark), not asserted here.
        var signIns = await SeedAsync(factory);
        signIns.Take(3).Select(s => s.Email).ShouldBe(["coordinator@tandem.local", "mentor@tandem.local", "mentee@tandem.local"]);
        signIns.Count.ShouldBe(5);

        await factory.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var cohorts = await db.Cohorts.AsNoTracking().ToListAsync();
            var open = cohorts.Where(c => c.Status == CohortStatus.Open).ShouldHaveSingleItem();
            open.ApplicationsOpenOn.ShouldBeLessThanOrEqualTo(today);
            open.ApplicationsCloseOn.ShouldBeGreaterThanOrEqualTo(today);
            cohorts.Count(c => c.Status == CohortStatus.Closed && c.EndsOn < today).ShouldBe(2);
            cohorts.Where(c => c.Status == CohortStatus.Draft).ShouldHaveSingleItem().StartsOn.ShouldBeGreaterThan(open.EndsOn.AddMonths(-1));

            var inOpen = await db.Applications.AsNoTracking().Where(a => a.CohortId == open.Id).ToListAsync();
            inOpen.Count(a => a.Role == ApplicationRole.Mentor).ShouldBe(DemoData.OpenCohortMentors);
            inOpen.Count(a => a.Role == ApplicationRole.Mentee).ShouldBe(DemoData.OpenCohortMentees);
            var statuses = inOpen.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
            statuses[ApplicationStatus.Submitted].ShouldBeGreaterThan(inOpen.Count / 2);
            foreach (var s in Enum.GetValues<ApplicationStatus>()) statuses.ShouldContainKey(s);
            inOpen.Where(a => a.Status is ApplicationStatus.Declined or ApplicationStatus.Waitlisted).ShouldAllBe(a => a.DecisionReason != null);

            var mentees = inOpen.Where(a => a.Role == ApplicationRole.Mentee).ToList();
            mentees.ShouldAllBe(a => a.MembershipId != null && a.TrackId != null);
            mentees.Select(a => a.MembershipId).Distinct().Count().ShouldBe(mentees.Count);

            var memberships = await db.Memberships.AsNoTracking().ToListAsync();
            memberships.Count.ShouldBeGreaterThan(200);
            memberships.ShouldAllBe(m => m.FeeMinor == 500_00 || m.FeeMinor == 800_00);
            memberships.ShouldContain(m => m.FeeMinor == 800_00);

            var mentee = await db.Users.SingleAsync(u => u.Email == "mentee@tandem.local");
            inOpen.Where(a => a.UserId == mentee.Id).ShouldHaveSingleItem().Status.ShouldBe(ApplicationStatus.Submitted);
            var mentor = await db.Users.SingleAsync(u => u.Email == "mentor@tandem.local");
            var mentorApplication = inOpen.Where(a => a.UserId == mentor.Id).ShouldHaveSingleItem();
            mentorApplication.Status.ShouldBe(ApplicationStatus.Accepted);
            mentorApplication.PublicProfile.ShouldBeTrue();

            (await db.Profiles.CountAsync(p => p.Employer != null && p.JobTitle != null && p.Industry != null && p.Seniority != null && p.Languages != ""))
                .ShouldBe(await db.Users.CountAsync());
            (await db.Users.CountAsync(u => u.PasswordHash == null)).ShouldBe(0);
            (await db.Profiles.CountAsync(p => p.City == "Beijing")).ShouldBeGreaterThan(await db.Profiles.CountAsync() / 2);
            (await db.Profiles.CountAsync(p => p.Openness != null)).ShouldBeGreaterThan(50);
            var faq = await db.FaqEntries.AsNoTracking().ToListAsync();
            faq.Count.ShouldBeInRange(8, 10);
            faq.ShouldAllBe(f => f.QuestionZh != null && f.AnswerZh != null);
        });

        var client = factory.CreateClient();
        var overview = await client.GetFromJsonAsync<OverviewResponse>("/api/v1/public/overview");
        overview!.OpenCohort.ShouldNotBeNull();
        overview.Membership.Donated.Single().AmountMinor.ShouldBeGreaterThan(100_000_00);
        var directory = await client.GetFromJsonAsync<MentorsResponse>("/api/v1/public/mentors");
        foreach (var past in directory!.Cohorts.Where(c => c.Status == nameof(CohortStatus.Closed)))
            past.Mentors.ShouldBe(DemoData.PastCohortPublicMentors);
        directory.Cohorts.Count(c => c.Status == nameof(CohortStatus.Closed)).ShouldBe(2);

        // Every demo account signs in with the demo password, the generated people too; a wrong password does not.
        foreach (var s in signIns)
            (await factory.ApiClientAsync(s.Email, DemoData.Password)).ShouldNotBeNull();
        var someone = await factory.WithDbAsync(db => db.Users.Where(u => !EF.Functions.Like(u.Email!, "%@tandem.local")).OrderBy(u => u.Id).Select(u => u.Email!).FirstAsync());
        (await client.PostAsJsonAsync("/api/v1/account/login", new { email = someone, password = DemoData.Password })).IsSuccessStatusCode.ShouldBeTrue();
        (await client.PostAsJsonAsync("/api/v1/account/login", new { email = someone, password = DemoData.Password + "x" })).IsSuccessStatusCode.ShouldBeFalse();
        var coordinator = await factory.ApiClientAsync("coordinator@tandem.local", DemoData.Password);
        (await coordinator.PostAsJsonAsync("/api/v1/faq", new { question = "Q?", answer = "A." })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
    }

    [Fact]
    public async Task TwoSeedsOnTheSameDayProduceTheSameData()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero));
        var fingerprints = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            using var factory = new TandemFactory();
            _ = factory.Server;
            await SeedAsync(factory, new FixedClock(clock.GetUtcNow().AddHours(run * 5)));
            fingerprints.Add(await factory.WithDbAsync(async db =>
            {
                var users = await db.Users.OrderBy(u => u.Id).Select(u => u.Id + "|" + u.Email).ToListAsync();
                var profiles = await db.Profiles.OrderBy(p => p.UserId)
                    .Select(p => p.UserId + "|" + p.DisplayName + "|" + p.Employer + "|" + p.Industry + "|" + p.City + "|" + p.Languages + "|" + p.Expertise + "|" + p.Openness)
                    .ToListAsync();
                var applications = await (from a in db.Applications
                                           join c in db.Cohorts on a.CohortId equals c.Id
                                           orderby c.Name, a.UserId, a.Role
                                           select c.Name + "|" + a.UserId + "|" + a.Role + "|" + a.Status + "|" + a.PublicProfile + "|" + a.DecisionReason + "|" + a.SubmittedAt)
                    .ToListAsync();
                var memberships = await db.Memberships.OrderBy(m => m.UserId).ThenBy(m => m.StartsOn)
                    .Select(m => m.UserId + "|" + m.FeeMinor + "|" + m.StartsOn).ToListAsync();
                users.Count.ShouldBeGreaterThan(250);
                return string.Join("\n", users.Concat(profiles).Concat(applications).Concat(memberships));
            }));
        }
        fingerprints[1].ShouldBe(fingerprints[0]);
        fingerprints[0].ShouldContain("2026 Spring");
    }

    [Fact]
    public async Task InDevelopmentAnEmptyDatabaseGetsTheDemoAtStartup()
    {
        using var factory = new TandemFactory(extra: new() { ["Demo:Seed"] = "true" });
        _ = factory.Server;
        (await factory.WithDbAsync(db => db.Programs.CountAsync())).ShouldBe(1);
        foreach (var s in DemoData.SignIns)
            (await factory.ApiClientAsync(s.Email, DemoData.Password)).ShouldNotBeNull();
    }

    [Fact]
    public async Task EveryDemoAccountSignsInAndTheConsoleNamesAnAtRiskPairAndTheMenteeHasHerCohortsWebinar()
    {
        using var factory = new TandemFactory();
        _ = factory.Server;
        var signIns = await SeedAsync(factory);

        var atRisk = signIns.Where(s => s.Role.Contains("at-risk", StringComparison.Ordinal)).ToList();
        atRisk.Select(s => s.Role).ShouldBe(["mentee (at-risk pair)", "mentor (at-risk pair)"]);
        var pair = await factory.WithDbAsync(db => db.Pairs.AsNoTracking()
            .SingleAsync(p => db.Users.Any(u => u.Id == p.MenteeId && u.Email == atRisk[0].Email) && db.Users.Any(u => u.Id == p.MentorId && u.Email == atRisk[1].Email)));
        pair.Status.ShouldBe(Tandem.Web.Features.Pairs.PairStatus.Active);
        (await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.PairId == pair.Id && m.Status == Tandem.Web.Features.Meetings.MeetingStatus.Held))).ShouldBe(0);
        foreach (var s in atRisk) (await factory.ApiClientAsync(s.Email, DemoData.Password)).ShouldNotBeNull();
        // Anyone else of the demo too, not only the named accounts.
        var someone = await factory.WithDbAsync(db => db.Users.Where(u => !EF.Functions.Like(u.Email!, "%@tandem.local")).OrderBy(u => u.Id).Select(u => u.Email!).FirstAsync());
        (await factory.ApiClientAsync(someone, DemoData.Password)).ShouldNotBeNull();

        var mentee = signIns.Single(s => s.Role == "mentee").Email;
        var webinar = await factory.WithDbAsync(db => (from w in db.Webinars
            where db.WebinarRegistrations.Any(r => r.WebinarId == w.Id && db.Users.Any(u => u.Id == r.UserId && u.Email == mentee))
                  && db.Pairs.Any(p => p.CohortId == w.CohortId && db.Users.Any(u => u.Id == p.MenteeId && u.Email == mentee))
            select new { w.StartsAt, Dilemmas = db.Dilemmas.Count(d => d.WebinarId == w.Id) }).SingleAsync());
        webinar.StartsAt.ShouldBeGreaterThan(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        webinar.Dilemmas.ShouldBeGreaterThanOrEqualTo(3);
    }
}
