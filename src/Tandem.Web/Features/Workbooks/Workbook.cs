using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Workbooks;

[JsonConverter(typeof(JsonStringEnumConverter<CohortPhase>))]
public enum CohortPhase
{
    Any = 0,
    Start = 1,
    Middle = 2,
    Closing = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<ExerciseKind>))]
public enum ExerciseKind
{
    FreeText = 0,
    /// <summary>Options one per line; the answer is the ticked indexes.</summary>
    Checklist = 1,
    /// <summary>1 to 5.</summary>
    Scale = 2,
}

/// <summary>Instructions and exercises a mentee works through, optionally for a phase of the cohort.</summary>
public sealed class Workbook
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Optional Chinese title and description; the Chinese UI falls back to the English ones.</summary>
    public string? TitleZh { get; set; }
    public string? DescriptionZh { get; set; }
    public CohortPhase Phase { get; set; }
    public bool Published { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<WorkbookSection> Sections { get; set; } = [];
}

public sealed class WorkbookSection
{
    public int Id { get; set; }
    public int WorkbookId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; rendered with raw HTML disabled.</summary>
    public string Instructions { get; set; } = "";
    public List<WorkbookExercise> Exercises { get; set; } = [];
}

public sealed class WorkbookExercise
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Position { get; set; }
    public ExerciseKind Kind { get; set; }
    public required string Prompt { get; set; }
    /// <summary>Checklist options, one per line.</summary>
    public string Options { get; set; } = "";
}

/// <summary>A mentee's answer to one exercise. Private: the mentee, and their mentor for a shared section; never coordinators.</summary>
public sealed class WorkbookAnswer
{
    public int Id { get; set; }
    public int ExerciseId { get; set; }
    public required string UserId { get; set; }
    /// <summary>Free text; for a checklist the ticked option indexes ("0,2"); for a scale "1".."5".</summary>
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A section a mentee shared with the mentor of their active pair.</summary>
public sealed class WorkbookShare
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public required string MenteeId { get; set; }
    public int PairId { get; set; }
    public DateTime SharedAt { get; set; }
}

/// <summary>A comment on a shared section, by the mentor or the mentee.</summary>
public sealed class WorkbookComment
{
    public int Id { get; set; }
    public int ShareId { get; set; }
    public required string AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class WorkbookConfiguration : IEntityTypeConfiguration<Workbook>
{
    public void Configure(EntityTypeBuilder<Workbook> b)
    {
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(2000);
        b.Property(w => w.TitleZh).HasMaxLength(200);
        b.Property(w => w.DescriptionZh).HasMaxLength(2000);
        b.HasMany(w => w.Sections).WithOne().HasForeignKey(s => s.WorkbookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkbookSectionConfiguration : IEntityTypeConfiguration<WorkbookSection>
{
    public void Configure(EntityTypeBuilder<WorkbookSection> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Instructions).HasMaxLength(TextLength.Long);
        b.HasMany(s => s.Exercises).WithOne().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.WorkbookId, s.Position });
    }
}

internal sealed class WorkbookExerciseConfiguration : IEntityTypeConfiguration<WorkbookExercise>
{
    public void Configure(EntityTypeBuilder<WorkbookExercise> b)
    {
        b.Property(e => e.Prompt).HasMaxLength(1000);
        b.Property(e => e.Options).HasMaxLength(2000);
        b.HasIndex(e => new { e.SectionId, e.Position });
    }
}

internal sealed class WorkbookAnswerConfiguration : IEntityTypeConfiguration<WorkbookAnswer>
{
    public void Configure(EntityTypeBuilder<WorkbookAnswer> b)
    {
        b.Property(a => a.Value).HasMaxLength(TextLength.Long);
        b.HasOne<WorkbookExercise>().WithMany().HasForeignKey(a => a.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ExerciseId, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class WorkbookShareConfiguration : IEntityTypeConfiguration<WorkbookShare>
{
    public void Configure(EntityTypeBuilder<WorkbookShare> b)
    {
        b.HasOne<WorkbookSection>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.MenteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Pair>().WithMany().HasForeignKey(s => s.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.SectionId, s.MenteeId, s.PairId }).IsUnique();
        b.HasIndex(s => s.PairId);
    }
}

internal sealed class WorkbookCommentConfiguration : IEntityTypeConfiguration<WorkbookComment>
{
    public void Configure(EntityTypeBuilder<WorkbookComment> b)
    {
        b.Property(c => c.Text).HasMaxLength(4000);
        b.HasOne<WorkbookShare>().WithMany().HasForeignKey(c => c.ShareId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
