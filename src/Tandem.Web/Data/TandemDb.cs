using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Closure;
using Tandem.Web.Features.Feedback;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Faq;
using Tandem.Web.Features.Matching;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Messages;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Features.Reminders;
using Tandem.Web.Features.Sharing;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Features.Workbooks;

namespace Tandem.Web.Data;

/// <summary>
/// The one EF model every feature injects. It is abstract because each provider has its own
/// subclass (<see cref="SqliteTandemDb"/>, <see cref="PostgresTandemDb"/>) that owns that provider's
/// migration chain; <see cref="DatabaseSetup"/> registers the one matching <c>Database:Provider</c>.
/// It also holds the Data Protection keys, so every instance on one database shares them.
/// </summary>
public abstract class TandemDb(DbContextOptions options) : IdentityDbContext<User>(options), IDataProtectionKeyContext
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
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<QueuedEmail> QueuedEmails => Set<QueuedEmail>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();
    public DbSet<NoticeDigest> NoticeDigests => Set<NoticeDigest>();
    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<PairFeedback> PairFeedback => Set<PairFeedback>();
    public DbSet<FeedforwardTheme> FeedforwardThemes => Set<FeedforwardTheme>();
    public DbSet<ClosureReflection> ClosureReflections => Set<ClosureReflection>();
    public DbSet<MatchSettings> MatchSettings => Set<MatchSettings>();
    public DbSet<PairRule> PairRules => Set<PairRule>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<MatchProposal> MatchProposals => Set<MatchProposal>();
    public DbSet<MatchJob> MatchJobs => Set<MatchJob>();
    public DbSet<MentorRanking> MentorRankings => Set<MentorRanking>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<GoalUpdate> GoalUpdates => Set<GoalUpdate>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<SharedWork> SharedWork => Set<SharedWork>();
    public DbSet<WorkComment> WorkComments => Set<WorkComment>();
    public DbSet<Introduction> Introductions => Set<Introduction>();
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
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Audit.AuditEntry> AuditEntries => Set<Features.Audit.AuditEntry>();

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
