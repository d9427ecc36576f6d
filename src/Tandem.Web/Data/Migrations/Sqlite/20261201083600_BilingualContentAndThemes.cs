using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Tandem.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Workbooks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Webinars",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Webinars",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Tracks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Tracks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Programs",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DonationRecipientZh",
                table: "Programs",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Programs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Themes",
                table: "PairFeedback",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Events",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "Events",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Cohorts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedforwardThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
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
