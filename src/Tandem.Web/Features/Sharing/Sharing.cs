using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Sharing;

/// <summary>A resource the mentor recommends (a book, an article, a course).</summary>
public sealed class Resource
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string ById { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string? Note { get; set; }
    /// <summary>A future resource library's item; no foreign key yet.</summary>
    public int? LibraryItemId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Work the mentee shares for feedback: a text or a link; the mentor answers in its comment thread.</summary>
public sealed class SharedWork
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string ById { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    public string? Url { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class WorkComment
{
    public int Id { get; set; }
    public int SharedWorkId { get; set; }
    public required string ById { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum IntroductionKind
{
    Introduction = 0,
    Referral = 1,
}

/// <summary>An introduction or referral the mentor made for the mentee; the outcome is filled in later.</summary>
public sealed class Introduction
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string ById { get; set; }
    public IntroductionKind Kind { get; set; }
    public required string ToWhom { get; set; }
    public required string Why { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SharingConfiguration : IEntityTypeConfiguration<Resource>, IEntityTypeConfiguration<SharedWork>, IEntityTypeConfiguration<WorkComment>, IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(r => r.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.ById).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Url).HasMaxLength(1000);
        b.Property(r => r.Note).HasMaxLength(4000);
        b.HasIndex(r => r.PairId);
    }

    public void Configure(EntityTypeBuilder<SharedWork> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(w => w.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(w => w.ById).OnDelete(DeleteBehavior.Restrict);
        b.Property(w => w.Text).HasMaxLength(8000);
        b.Property(w => w.Url).HasMaxLength(1000);
        b.HasIndex(w => w.PairId);
    }

    public void Configure(EntityTypeBuilder<WorkComment> b)
    {
        b.HasOne<SharedWork>().WithMany().HasForeignKey(c => c.SharedWorkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.HasIndex(c => c.SharedWorkId);
    }

    public void Configure(EntityTypeBuilder<Introduction> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(i => i.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.ById).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Why).HasMaxLength(2000);
        b.Property(i => i.Outcome).HasMaxLength(2000);
        b.HasIndex(i => i.PairId);
    }
}
