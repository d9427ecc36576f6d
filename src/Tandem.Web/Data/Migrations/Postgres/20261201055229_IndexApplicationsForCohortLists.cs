using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tandem.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexApplicationsForCohortLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_CohortId_Role_Status",
                table: "Applications",
                columns: new[] { "CohortId", "Role", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CohortId_SubmittedAt_Id",
                table: "Applications",
                columns: new[] { "CohortId", "SubmittedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_CohortId_Role_Status",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_CohortId_SubmittedAt_Id",
                table: "Applications");
        }
    }
}
