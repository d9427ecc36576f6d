using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Performance;

/// <summary><c>seed --members N</c>, at a size a test can afford: the shape of the program, and never over existing data.</summary>
public sealed class LargeProgramTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task SeedFillsAnEmptyDatabaseWithAProgramOfThatSizeAndRefusesOneThatHasData(Db db)
    {
        using var factory = new TandemFactory(db);
        using var scope = factory.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<LargeProgram>();

        var seeded = await seeder.SeedAsync(200, CancellationToken.None);
        seeded.Refusal.ShouldBeNull();
        var summary = seeded.Value!;
        var open = await factory.WithDbAsync(d => d.Applications.AsNoTracking().Where(a => a.CohortId == summary.OpenCohortId)
            .GroupBy(a => a.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Role, g => g.Count));
        // Every member applies as a mentee, a fifth as many mentors (and the demo's sign-ins take part).
        open[ApplicationRole.Mentee].ShouldBeInRange(200, 201);
        open[ApplicationRole.Mentor].ShouldBeInRange(40, 41);
        (await factory.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(summary.People);
        (await factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(summary.Pairs);
        summary.Pairs.ShouldBeGreaterThan(0);
        summary.Meetings.ShouldBeGreaterThan(0);
        summary.Messages.ShouldBeGreaterThan(0);
        (await factory.WithDbAsync(d => d.Cohorts.CountAsync(c => c.Status == CohortStatus.Closed))).ShouldBe(4);
        (await factory.WithDbAsync(d => d.Memberships.CountAsync())).ShouldBe(summary.Memberships);

        var again = await seeder.SeedAsync(200, CancellationToken.None);
        again.Refusal.ShouldNotBeNull();
        again.Refusal!.Messages.ShouldContain(m => m.Contains("not empty"));
        (await factory.WithDbAsync(d => d.Users.CountAsync())).ShouldBe(summary.People);
    }
}
