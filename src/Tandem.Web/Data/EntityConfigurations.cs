using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Faq;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Data;

internal static class TextLength
{
    public const int Long = 8000;
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> b)
    {
        b.HasKey(p => p.UserId);
        b.HasOne<User>().WithOne().HasForeignKey<Profile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account's name reads as "former member" in the reader's language (Account/AccountDeletion.cs).
        b.Property(p => p.DisplayName).HasMaxLength(100)
            .HasConversion(v => v, v => v == FormerMember.Stored ? FormerMember.Name() : v);
        b.Property(p => p.Bio).HasMaxLength(TextLength.Long);
        b.Property(p => p.Links).HasMaxLength(2000);
        b.Property(p => p.Expertise).HasMaxLength(1000);
        b.Property(p => p.Interests).HasMaxLength(1000);
    }
}

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<MentorshipProgram>
{
    public void Configure(EntityTypeBuilder<MentorshipProgram> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(TextLength.Long);
        b.Property(p => p.NameZh).HasMaxLength(200);
        b.Property(p => p.DescriptionZh).HasMaxLength(TextLength.Long);
        b.Property(p => p.DonationRecipientZh).HasMaxLength(400);
        b.Property(p => p.DefaultCurrency).HasMaxLength(3);
        b.HasMany(p => p.Tracks).WithOne().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> b)
    {
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.NameZh).HasMaxLength(100);
        b.Property(t => t.DescriptionZh).HasMaxLength(2000);
        b.HasIndex(t => new { t.ProgramId, t.Code }).IsUnique();
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.NameZh).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<MentorshipProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ProgramId, c.Name }).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Currency).HasMaxLength(3);
        b.Property(m => m.Note).HasMaxLength(1000);
        b.HasOne<MentorshipProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.UserId, m.StartsOn });
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Track>().WithMany().HasForeignKey(a => a.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.SetNull);
        // One application per role per cohort, and one seat per membership (NULLs don't collide).
        b.HasIndex(a => new { a.CohortId, a.UserId, a.Role }).IsUnique();
        b.HasIndex(a => a.MembershipId).IsUnique();
        b.HasIndex(a => new { a.CohortId, a.Status });
        // The cohort hub counts by role and status from the index alone; the list reads a page in submission order
        // without sorting a whole cohort.
        b.HasIndex(a => new { a.CohortId, a.Role, a.Status });
        b.HasIndex(a => new { a.CohortId, a.SubmittedAt, a.Id });
        b.Property(a => a.Flourish).HasMaxLength(TextLength.Long);
        b.Property(a => a.Offer).HasMaxLength(TextLength.Long);
        b.Property(a => a.FocusAreas).HasMaxLength(1000);
        b.Property(a => a.Expertise).HasMaxLength(1000);
        b.Property(a => a.DecisionReason).HasMaxLength(2000);
    }
}

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> b)
    {
        b.HasOne<MentorshipProgram>().WithMany().HasForeignKey(f => f.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Question).HasMaxLength(500);
        b.Property(f => f.QuestionZh).HasMaxLength(500);
        b.Property(f => f.Answer).HasMaxLength(TextLength.Long);
        b.Property(f => f.AnswerZh).HasMaxLength(TextLength.Long);
    }
}

internal sealed class PairConfiguration : IEntityTypeConfiguration<Pair>
{
    public void Configure(EntityTypeBuilder<Pair> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(p => p.MenteeApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(p => p.MentorApplicationId).OnDelete(DeleteBehavior.Restrict);
        // The same two people are never paired twice in a cohort.
        b.HasIndex(p => new { p.MenteeApplicationId, p.MentorApplicationId }).IsUnique();
        b.HasIndex(p => new { p.CohortId, p.Status });
        b.HasIndex(p => p.MentorId);
        b.HasIndex(p => p.MenteeId);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(m => m.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.ProposedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(m => m.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Location).HasMaxLength(500);
        b.Property(m => m.Agenda).HasMaxLength(TextLength.Long);
        b.Property(m => m.Summary).HasMaxLength(TextLength.Long);
        b.Property(m => m.ActionItems).HasMaxLength(TextLength.Long);
        b.HasIndex(m => new { m.PairId, m.Status });
    }
}

internal sealed class MeetingNoteConfiguration : IEntityTypeConfiguration<MeetingNote>
{
    public void Configure(EntityTypeBuilder<MeetingNote> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Text).HasMaxLength(TextLength.Long);
        b.HasIndex(n => new { n.MeetingId, n.AuthorId }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Tandem.Web.Features.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Tandem.Web.Features.Notifications.Notification> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Kind).HasMaxLength(40);
        b.Property(n => n.Args).HasMaxLength(2000);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<Tandem.Web.Features.Reminders.ReminderSent>
{
    public void Configure(EntityTypeBuilder<Tandem.Web.Features.Reminders.ReminderSent> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(r => r.PairId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Key).HasMaxLength(100);
        // The claim: a second instance inserting the same reminder fails here and does not send it.
        b.HasIndex(r => new { r.PairId, r.Kind, r.Key }).IsUnique();
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<Tandem.Web.Features.CheckIns.CheckIn>
{
    public void Configure(EntityTypeBuilder<Tandem.Web.Features.CheckIns.CheckIn> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.NoteToCoordinator).HasMaxLength(2000);
        b.HasIndex(c => new { c.PairId, c.UserId, c.Month }).IsUnique();
    }
}

internal sealed class PairFeedbackConfiguration : IEntityTypeConfiguration<Tandem.Web.Features.Feedback.PairFeedback>
{
    public void Configure(EntityTypeBuilder<Tandem.Web.Features.Feedback.PairFeedback> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(f => f.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.WentWell).HasMaxLength(4000);
        b.Property(f => f.CouldBeBetter).HasMaxLength(4000);
        b.Property(f => f.Feedforward).HasMaxLength(4000);
        b.Property(f => f.ProgramComment).HasMaxLength(2000);
        b.Property(f => f.Themes).HasMaxLength(200);
        b.HasIndex(f => new { f.PairId, f.AuthorId }).IsUnique();
    }
}

internal sealed class ClosureReflectionConfiguration : IEntityTypeConfiguration<Tandem.Web.Features.Closure.ClosureReflection>
{
    public void Configure(EntityTypeBuilder<Tandem.Web.Features.Closure.ClosureReflection> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(r => r.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Reflection).HasMaxLength(4000);
        b.Property(r => r.Gratitude).HasMaxLength(4000);
        b.Property(r => r.TransitionPlan).HasMaxLength(4000);
        b.HasIndex(r => new { r.PairId, r.AuthorId }).IsUnique();
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        // A key's XML is a few kilobytes (more once encrypted): unbounded, not the 400-character default.
        b.Property(k => k.Xml).Metadata.SetMaxLength(null);
    }
}
