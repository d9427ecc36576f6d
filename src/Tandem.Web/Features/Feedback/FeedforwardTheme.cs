using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Web.Features.Feedback;

/// <summary>
/// One of the program's feedforward themes ("Delegation"): writers tag their feedforward with up to
/// <see cref="MaxPerFeedback"/> of them, and the report counts the tags, so a theme reads as a theme and no text is analysed.
/// </summary>
public sealed class FeedforwardTheme
{
    public const int MaxPerFeedback = 3;

    public int Id { get; set; }
    /// <summary>Stable machine name stored on the feedback ("delegation").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public int Position { get; set; }
    /// <summary>A retired theme keeps its past counts but is no longer offered.</summary>
    public bool Retired { get; set; }
}

internal sealed class FeedforwardThemeConfiguration : IEntityTypeConfiguration<FeedforwardTheme>
{
    public void Configure(EntityTypeBuilder<FeedforwardTheme> b)
    {
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.NameZh).HasMaxLength(100);
        b.HasIndex(t => t.Code).IsUnique();
        // Seeded in the migration, so an existing installation gets sensible themes too; coordinators rename or add.
        b.HasData(
            new FeedforwardTheme { Id = 1, Code = "communication", Name = "Communication", NameZh = "沟通", Position = 1 },
            new FeedforwardTheme { Id = 2, Code = "delegation", Name = "Delegation", NameZh = "授权", Position = 2 },
            new FeedforwardTheme { Id = 3, Code = "visibility", Name = "Visibility", NameZh = "可见度", Position = 3 },
            new FeedforwardTheme { Id = 4, Code = "negotiation", Name = "Negotiation", NameZh = "谈判", Position = 4 },
            new FeedforwardTheme { Id = 5, Code = "work-life-balance", Name = "Work–life balance", NameZh = "工作与生活平衡", Position = 5 },
            new FeedforwardTheme { Id = 6, Code = "career-planning", Name = "Career planning", NameZh = "职业规划", Position = 6 },
            new FeedforwardTheme { Id = 7, Code = "confidence", Name = "Confidence", NameZh = "自信", Position = 7 },
            new FeedforwardTheme { Id = 8, Code = "networking", Name = "Networking", NameZh = "人脉拓展", Position = 8 });
    }
}
