using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Faq;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Features.Workbooks;

namespace Tandem.Web.Data;

/// <summary>The one EF model, served by SQLite or PostgreSQL (see <see cref="DatabaseSetup"/>).</summary>
public sealed class TandemDb(DbContextOptions<TandemDb> options) : IdentityDbContext<User>(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<MentorshipProgram> Programs => Set<MentorshipProgram>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<Pair> Pairs => Set<Pair>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingNote> MeetingNotes => Set<MeetingNote>();
    public DbSet<LibraryItem> LibraryItems => Set<LibraryItem>();
    public DbSet<LibraryBookmark> LibraryBookmarks => Set<LibraryBookmark>();
    public DbSet<LibraryRead> LibraryReads => Set<LibraryRead>();
    public DbSet<GroupEvent> Events => Set<GroupEvent>();
    public DbSet<EventRsvp> EventRsvps => Set<EventRsvp>();
    public DbSet<Webinar> Webinars => Set<Webinar>();
    public DbSet<WebinarRegistration> WebinarRegistrations => Set<WebinarRegistration>();
    public DbSet<Dilemma> Dilemmas => Set<Dilemma>();
    public DbSet<DilemmaSolution> DilemmaSolutions => Set<DilemmaSolution>();
    public DbSet<SolutionVote> SolutionVotes => Set<SolutionVote>();
    public DbSet<Workbook> Workbooks => Set<Workbook>();
    public DbSet<WorkbookSection> WorkbookSections => Set<WorkbookSection>();
    public DbSet<WorkbookExercise> WorkbookExercises => Set<WorkbookExercise>();
    public DbSet<WorkbookAnswer> WorkbookAnswers => Set<WorkbookAnswer>();
    public DbSet<WorkbookShare> WorkbookShares => Set<WorkbookShare>();
    public DbSet<WorkbookComment> WorkbookComments => Set<WorkbookComment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TandemDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Bounded strings by default keep indexes portable; long texts opt out with HasMaxLength(4000+).
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }
}
