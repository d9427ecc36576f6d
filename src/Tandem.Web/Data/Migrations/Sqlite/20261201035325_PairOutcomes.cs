using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PairOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MeetingsHeldAtClose",
                table: "Pairs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumMeetingsAtClose",
                table: "Pairs",
                type: "INTEGER",
                nullable: true);

            // Pairs closed by their cohort's end before this version were all marked Completed, whatever they held.
            // Their history is recomputed from the held meetings against the program's minimum (docs/operations.md,
            // "Pair outcomes"): Completed stays only where the minimum was met.
            migrationBuilder.Sql("""
                UPDATE "Pairs" SET
                    "MeetingsHeldAtClose" = (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairId" = "Pairs"."Id" AND m."Status" = 4),
                    "MinimumMeetingsAtClose" = (SELECT p."MinimumMeetings" FROM "Programs" p ORDER BY p."Id" LIMIT 1)
                WHERE "Status" = 2 AND "CloseReason" = 0;
                """);
            migrationBuilder.Sql("""
                UPDATE "Pairs" SET "Status" = 3
                WHERE "Status" = 2 AND "CloseReason" = 0 AND "MeetingsHeldAtClose" < "MinimumMeetingsAtClose";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier version knows no BelowMinimum (3): those pairs read as Completed (2) again.
            migrationBuilder.Sql("""UPDATE "Pairs" SET "Status" = 2 WHERE "Status" = 3;""");

            migrationBuilder.DropColumn(
                name: "MeetingsHeldAtClose",
                table: "Pairs");

            migrationBuilder.DropColumn(
                name: "MinimumMeetingsAtClose",
                table: "Pairs");
        }
    }
}
