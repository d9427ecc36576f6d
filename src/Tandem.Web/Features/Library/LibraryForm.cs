using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

/// <summary>The item form shared by the coordinator's editor and a member's suggestion.</summary>
public sealed class LibraryForm
{
    public LibraryKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public string? Tags { get; set; }
    public string? Language { get; set; } = "en";
    public Audience? Audience { get; set; } = Shared.Audience.All;
    public bool EvidenceBased { get; set; }

    public LibraryItemRequest ToRequest() => new(Kind, Title, Author, Url, Description, TagList.FromInput(Tags), Language, Audience, EvidenceBased);

    public static LibraryForm From(LibraryItemResponse i) => new()
    {
        Kind = i.Kind, Title = i.Title, Author = i.Author, Url = i.Url, Description = i.Description, Tags = string.Join(", ", i.Tags),
        Language = i.Language, Audience = i.Audience, EvidenceBased = i.EvidenceBased,
    };
}
