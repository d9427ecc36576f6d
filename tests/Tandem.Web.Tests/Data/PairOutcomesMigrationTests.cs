using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

/// <summary>
/// The PairOutcomes migration: pairs an earlier version closed as Completed at their cohort's end although they held
/// fewer meetings than the program's minimum are recomputed to BelowMinimum; every other pair keeps its status.
/// </summary>
public sealed class PairOutcomesMigrationTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task CompletedPairsThatHeldFewerThanTheMinimumBecomeBelowMinimumWhenTheDatabaseUpgrades(Db provider)
    {
        using var factory = new TandemFactory(provider, new() { ["Reminders:Enabled"] = "false" });
        await UpgradeTests.RestoreAsync(provider, factory.ConnectionString);
        // The fixture's last closed cohort has six Completed pairs (ids 19–24) with 3 or 4 held meetings (Status 4);
        // as the old version allowed, two of them "completed" short of the minimum of 3: pair 19 held one, pair 20 none.
        await ExecuteAsync(provider, factory.ConnectionString, """
            UPDATE "Meetings" SET "Status" = 3 WHERE "PairId" = 19 AND "Id" <> (SELECT MIN("Id") FROM "Meetings" WHERE "PairId" = 19);
            UPDATE "Meetings" SET "Status" = 3 WHERE "PairId" = 20;
            """);

        _ = factory.Server; // the app applies the new migrations

        var after = await factory.WithDbAsync(db => db.Pairs.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Status, p.MeetingsHeldAtClose, p.MinimumMeetingsAtClose }).ToListAsync());
        after.Single(p => p.Id == 19).ShouldBe(new { Id = 19, Status = PairStatus.BelowMinimum, MeetingsHeldAtClose = (int?)1, MinimumMeetingsAtClose = (int?)3 });
        after.Single(p => p.Id == 20).ShouldBe(new { Id = 20, Status = PairStatus.BelowMinimum, MeetingsHeldAtClose = (int?)0, MinimumMeetingsAtClose = (int?)3 });
        foreach (var p in after.Where(p => p.Id is >= 21 and <= 24))
        {
            p.Status.ShouldBe(PairStatus.Completed);
            p.MeetingsHeldAtClose!.Value.ShouldBeGreaterThanOrEqualTo(3);
        }
        // Active and early-closed pairs are not the migration's business.
        foreach (var p in after.Where(p => p.Id < 19))
        {
            p.Status.ShouldBeOneOf(PairStatus.Active, PairStatus.ClosedEarly);
            p.MeetingsHeldAtClose.ShouldBeNull();
        }
        after.Count(p => p.Status == PairStatus.ClosedEarly).ShouldBe(3);
    }

    private static async Task ExecuteAsync(Db provider, string connectionString, string sql)
    {
        if (provider == Db.Sqlite)
        {
            await using var conn = new SqliteConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
