using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Web.Features.Audit;

/// <summary>
/// One coordinator action: who, what, on which record, when. The summary is a short fact (a status change, a count,
/// a decision), never a pair's notes, messages or meeting contents, nor an applicant's free text.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null when no one was signed in (the command line, a background job).</summary>
    public string? ActorId { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public int? CohortId { get; set; }
    public string Summary { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.TargetType).HasMaxLength(40);
        b.Property(e => e.TargetId).HasMaxLength(450);
        b.Property(e => e.Summary).HasMaxLength(AuditLog.MaxSummary);
        b.HasIndex(e => new { e.At, e.Id });
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => new { e.CohortId, e.At });
        b.HasIndex(e => new { e.ActorId, e.At });
    }
}
