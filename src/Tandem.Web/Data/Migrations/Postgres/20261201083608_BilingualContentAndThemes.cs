using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Tandem.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BilingualContentAndThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Workbooks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Workbooks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Webinars",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Webinars",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Tracks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Tracks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Programs",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DonationRecipientZh",
                table: "Programs",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Programs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Themes",
                table: "PairFeedback",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Events",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Cohorts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedforwardThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedforwardThemes", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "FeedforwardThemes",
                columns: new[] { "Id", "Code", "Name", "NameZh", "Position", "Retired" },
                values: new object[,]
                {
                    { 1, "communication", "Communication", "沟通", 1, false },
                    { 2, "delegation", "Delegation", "授权", 2, false },
                    { 3, "visibility", "Visibility", "可见度", 3, false },
                    { 4, "negotiation", "Negotiation", "谈判", 4, false },
                    { 5, "work-life-balance", "Work–life balance", "工作与生活平衡", 5, false },
                    { 6, "career-planning", "Career planning", "职业规划", 6, false },
                    { 7, "confidence", "Confidence", "自信", 7, false },
                    { 8, "networking", "Networking", "人脉拓展", 8, false }
                });

            // The seeded rows carry explicit ids, which an identity column does not count: move it past them so a coordinator's first new theme gets a free id.
            migrationBuilder.Sql("ALTER TABLE \"FeedforwardThemes\" ALTER COLUMN \"Id\" RESTART WITH 100;");

            migrationBuilder.CreateIndex(
                name: "IX_FeedforwardThemes_Code",
                table: "FeedforwardThemes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedforwardThemes");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Workbooks");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "Workbooks");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Webinars");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "Webinars");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "DonationRecipientZh",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "Themes",
                table: "PairFeedback");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "Cohorts");
        }
    }
}
