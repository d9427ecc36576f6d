using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Agreements;

/// <summary>What the two agree at the start: one per pair. Both confirm it; any later edit clears both confirmations.</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public string? AreasForGrowth { get; set; }
    public string? DesiredOutcomes { get; set; }
    public string? MenteeExpectations { get; set; }
    public string? MentorExpectations { get; set; }
    public string? RolesAndResponsibilities { get; set; }
    public string? MeetingCadence { get; set; }
    public bool ConfidentialityAcknowledged { get; set; }
    public DateTime? MenteeConfirmedAt { get; set; }
    public DateTime? MentorConfirmedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum GoalStatus
{
    NotStarted = 0,
    InProgress = 1,
    Achieved = 2,
    Dropped = 3,
}

/// <summary>A specific, measurable goal of the mentee, with a target date; the mentee leads it.</summary>
public sealed class Goal
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string Title { get; set; }
    public required string Measure { get; set; }
    public DateOnly TargetDate { get; set; }
    public GoalStatus Status { get; set; }
    /// <summary>0..100.</summary>
    public int Progress { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A note on a goal over time: the mentee's progress update (with Progress) or the mentor's comment (without).</summary>
public sealed class GoalUpdate
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public required string AuthorId { get; set; }
    public int? Progress { get; set; }
    public required string Note { get; set; }
    public DateTime At { get; set; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<Goal>, IEntityTypeConfiguration<GoalUpdate>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(a => a.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.PairId).IsUnique();
        foreach (var p in new[] { nameof(Agreement.AreasForGrowth), nameof(Agreement.DesiredOutcomes), nameof(Agreement.MenteeExpectations),
                     nameof(Agreement.MentorExpectations), nameof(Agreement.RolesAndResponsibilities) })
            b.Property<string?>(p).HasMaxLength(AgreementBook.LongText);
    }

    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(g => g.PairId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.Measure).HasMaxLength(1000);
        b.HasIndex(g => g.PairId);
    }

    public void Configure(EntityTypeBuilder<GoalUpdate> b)
    {
        b.HasOne<Goal>().WithMany().HasForeignKey(u => u.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Note).HasMaxLength(4000);
        b.HasIndex(u => u.GoalId);
    }
}
