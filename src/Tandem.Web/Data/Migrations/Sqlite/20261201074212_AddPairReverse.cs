using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPairReverse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Reverse",
                table: "Pairs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Pairs published before the flag was stored: reverse when matching could have paired them on reverse fit
            // (both opted in, the mentor the more junior one), as the pages used to work it out on every view.
            migrationBuilder.Sql("""
                UPDATE "Pairs" SET "Reverse" = 1
                WHERE EXISTS (SELECT 1 FROM "Applications" a WHERE a."Id" = "Pairs"."MenteeApplicationId" AND a."OpenToReverse")
                  AND EXISTS (SELECT 1 FROM "Applications" a WHERE a."Id" = "Pairs"."MentorApplicationId" AND a."OpenToReverse")
                  AND EXISTS (SELECT 1 FROM "Profiles" mentor JOIN "Profiles" mentee ON mentee."UserId" = "Pairs"."MenteeId"
                              WHERE mentor."UserId" = "Pairs"."MentorId" AND mentor."Seniority" < mentee."Seniority");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reverse",
                table: "Pairs");
        }
    }
}
