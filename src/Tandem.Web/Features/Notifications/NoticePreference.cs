using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Notifications;

/// <summary>How a person wants one kind of notice by email. In the app every notice always appears.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmailChoice>))]
public enum EmailChoice
{
    /// <summary>An email for each notice, as it happens.</summary>
    Immediately = 0,
    /// <summary>Gathered into one email a day.</summary>
    DailyDigest = 1,
    /// <summary>No email: the app only.</summary>
    Off = 2,
}

/// <summary>A person's email choice for one notice kind; without a row the kind's default applies.</summary>
public sealed class NoticePreference
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public EmailChoice Email { get; set; }
}

/// <summary>
/// The claim on a person's daily digest: the digest job moves <see cref="LastSentAt"/> forward with one conditional
/// UPDATE, so of several instances exactly one sends a given day's digest.
/// </summary>
public sealed class NoticeDigest
{
    public required string UserId { get; set; }
    public DateTime LastSentAt { get; set; }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.HasIndex(e => new { e.UserId, e.Kind }).IsUnique();
    }
}

internal sealed class NoticeDigestConfiguration : IEntityTypeConfiguration<NoticeDigest>
{
    public void Configure(EntityTypeBuilder<NoticeDigest> b)
    {
        b.HasKey(e => e.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
