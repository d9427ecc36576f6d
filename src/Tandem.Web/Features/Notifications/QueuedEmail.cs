using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Notifications;

public enum EmailStatus
{
    Queued = 0,
    Sent = 1,
    /// <summary>Every attempt failed; <see cref="QueuedEmail.LastError"/> says why.</summary>
    Failed = 2,
}

/// <summary>
/// A notice email waiting to go out (or the record that it went). Written in the same SaveChanges as the change
/// that caused it; <see cref="EmailQueue"/> sends it. Subject and body are final text in the recipient's language.
/// </summary>
public sealed class QueuedEmail
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string To { get; set; }
    /// <summary>The <see cref="NoticeKind.Key"/>.</summary>
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public EmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not sent before this time (now when queued; later after a failed attempt).</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>Set by the sender that claimed the row; another sender leaves it alone until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class QueuedEmailConfiguration : IEntityTypeConfiguration<QueuedEmail>
{
    public void Configure(EntityTypeBuilder<QueuedEmail> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.To).HasMaxLength(256);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Subject).HasMaxLength(400);
        b.Property(e => e.Body).HasMaxLength(8000);
        b.Property(e => e.ClaimToken).HasMaxLength(40);
        b.Property(e => e.LastError).HasMaxLength(1000);
        // The sender's question: what is queued and due?
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
