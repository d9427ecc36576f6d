using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

[JsonConverter(typeof(JsonStringEnumConverter<LibraryKind>))]
public enum LibraryKind
{
    Article = 0,
    Book = 1,
    Podcast = 2,
    Documentary = 3,
    Video = 4,
    Worksheet = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<LibraryStatus>))]
public enum LibraryStatus
{
    Published = 0,
    /// <summary>Proposed by a member, waiting for a coordinator.</summary>
    Suggested = 1,
    Rejected = 2,
    /// <summary>Taken out of the library by a coordinator; kept so bookmarks and recommendations don't dangle.</summary>
    Archived = 3,
}

/// <summary>A resource in the program's library: an article, book, podcast, documentary, video or worksheet.</summary>
public sealed class LibraryItem
{
    public int Id { get; set; }
    public LibraryKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Author or source (publisher, show, channel).</summary>
    public string Author { get; set; } = "";
    /// <summary>http(s) only.</summary>
    public string? Url { get; set; }
    /// <summary>Markdown; rendered with raw HTML disabled.</summary>
    public string Description { get; set; } = "";
    /// <summary>TagList format.</summary>
    public string Tags { get; set; } = "";
    /// <summary>"en" or "zh".</summary>
    public string Language { get; set; } = "en";
    public Audience Audience { get; set; }
    /// <summary>Mentor-education literature backed by research: offered to mentors as recommended, optional reading.</summary>
    public bool EvidenceBased { get; set; }
    public LibraryStatus Status { get; set; }
    public string? SuggestedById { get; set; }
    /// <summary>Why a suggestion was rejected (shown to the person who suggested it).</summary>
    public string? ReviewNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A person's bookmark. Private to that person: coordinators only ever see counts.</summary>
public sealed class LibraryBookmark
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>"I read this." Private to that person: coordinators only ever see counts.</summary>
public sealed class LibraryRead
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public required string UserId { get; set; }
    public DateTime ReadAt { get; set; }
}

internal sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>
{
    public void Configure(EntityTypeBuilder<LibraryItem> b)
    {
        b.Property(i => i.Title).HasMaxLength(300);
        b.Property(i => i.Author).HasMaxLength(200);
        b.Property(i => i.Url).HasMaxLength(1000);
        b.Property(i => i.Description).HasMaxLength(TextLength.Long);
        b.Property(i => i.Tags).HasMaxLength(500);
        b.Property(i => i.Language).HasMaxLength(8);
        b.Property(i => i.ReviewNote).HasMaxLength(1000);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.SuggestedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.Status, i.Audience });
    }
}

internal sealed class LibraryBookmarkConfiguration : IEntityTypeConfiguration<LibraryBookmark>
{
    public void Configure(EntityTypeBuilder<LibraryBookmark> b)
    {
        b.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ItemId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class LibraryReadConfiguration : IEntityTypeConfiguration<LibraryRead>
{
    public void Configure(EntityTypeBuilder<LibraryRead> b)
    {
        b.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ItemId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
