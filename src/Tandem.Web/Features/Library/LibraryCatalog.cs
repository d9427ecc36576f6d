using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

public sealed record LibraryFilter(string? Q = null, LibraryKind? Kind = null, string? Language = null, Audience? Audience = null,
    bool? EvidenceBased = null, string? Tag = null, bool Bookmarked = false, LibraryStatus? Status = null);

public sealed record LibraryItemResponse(
    int Id, LibraryKind Kind, string Title, string Author, string? Url, string Description, string DescriptionHtml,
    IReadOnlyList<string> Tags, string Language, Audience Audience, bool EvidenceBased, LibraryStatus Status,
    bool Bookmarked, bool Read, string? ReviewNote, DateTime CreatedAt);

/// <summary>Per-item counts for coordinators: how many, never who.</summary>
public sealed record LibraryStatsResponse(int Id, string Title, LibraryKind Kind, Audience Audience, LibraryStatus Status, bool EvidenceBased, int Reads, int Bookmarks);

/// <summary>Reads of the library, with the audience rule in every query: a person sees Published items for
/// the audiences they belong to (see <see cref="Reach"/>); coordinators see every item in any status.</summary>
public sealed class LibraryCatalog(TandemDb db, IStringLocalizer<LibraryText> t)
{
    public const int PageSize = 20;

    public Task<Reach> ReachAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        Reach.OfAsync(db, user.IdOrNull(), user.IsCoordinator(), ct);

    private IQueryable<LibraryItem> Visible(Reach reach, string userId)
    {
        if (reach.Coordinator) return db.LibraryItems.AsNoTracking();
        bool mentee = reach.Mentee, mentor = reach.Mentor;
        // Members also see their own suggestions (and why one was rejected).
        return db.LibraryItems.AsNoTracking().Where(i =>
            (i.Status == LibraryStatus.Published
             && (i.Audience == Audience.All || (mentee && i.Audience == Audience.Mentees) || (mentor && i.Audience == Audience.Mentors)))
            || i.SuggestedById == userId);
    }

    public Task<PageResponse<LibraryItemResponse>> PageAsync(string userId, Reach reach, LibraryFilter f, int? page, CancellationToken ct)
    {
        var q = Visible(reach, userId);
        q = f.Status is { } status && reach.Coordinator ? q.Where(i => i.Status == status)
            : q.Where(i => i.Status == LibraryStatus.Published);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var like = "%" + f.Q.Trim().ToLowerInvariant().Replace("%", "").Replace("_", "") + "%";
            q = q.Where(i => EF.Functions.Like(i.Title.ToLower(), like) || EF.Functions.Like(i.Author.ToLower(), like) || EF.Functions.Like(i.Tags, like));
        }
        if (f.Kind is { } kind) q = q.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Language)) q = q.Where(i => i.Language == f.Language);
        if (f.Audience is { } audience) q = q.Where(i => i.Audience == audience);
        if (f.EvidenceBased is { } eb) q = q.Where(i => i.EvidenceBased == eb);
        if (!string.IsNullOrWhiteSpace(f.Tag)) q = q.Where(i => EF.Functions.Like(i.Tags, TagList.Pattern(f.Tag)));
        if (f.Bookmarked) q = q.Where(i => db.LibraryBookmarks.Any(b => b.ItemId == i.Id && b.UserId == userId));
        return q.OrderByDescending(i => i.EvidenceBased && i.Audience == Audience.Mentors).ThenBy(i => i.Title).ThenBy(i => i.Id)
            .ToPageAsync(page, PageSize, rows => Project(rows, userId, ct), ct);
    }

    public async Task<LibraryItemResponse?> GetAsync(int id, string userId, Reach reach, CancellationToken ct) =>
        (await Project(Visible(reach, userId).Where(i => i.Id == id), userId, ct)).FirstOrDefault();

    /// <summary>Evidence-based reading for mentors: recommended, never required.</summary>
    public Task<List<LibraryItemResponse>> MentorReadingAsync(string userId, int take, CancellationToken ct) =>
        Project(db.LibraryItems.AsNoTracking()
            .Where(i => i.Status == LibraryStatus.Published && i.EvidenceBased && i.Audience == Audience.Mentors)
            .OrderBy(i => i.Title).Take(take), userId, ct);

    public Task<PageResponse<LibraryStatsResponse>> StatsAsync(LibraryStatus? status, int? page, CancellationToken ct)
    {
        var q = db.LibraryItems.AsNoTracking();
        if (status is { } s) q = q.Where(i => i.Status == s);
        return q.OrderBy(i => i.Status).ThenBy(i => i.Title).ThenBy(i => i.Id)
            .Select(i => new LibraryStatsResponse(i.Id, i.Title, i.Kind, i.Audience, i.Status, i.EvidenceBased,
                db.LibraryReads.Count(r => r.ItemId == i.Id), db.LibraryBookmarks.Count(b => b.ItemId == i.Id)))
            .ToPageAsync(page, PageSize, ct);
    }

    private async Task<List<LibraryItemResponse>> Project(IQueryable<LibraryItem> q, string userId, CancellationToken ct)
    {
        var rows = await q.Select(i => new
        {
            Item = i,
            Bookmarked = db.LibraryBookmarks.Any(b => b.ItemId == i.Id && b.UserId == userId),
            Read = db.LibraryReads.Any(r => r.ItemId == i.Id && r.UserId == userId),
        }).ToListAsync(ct);
        return rows.Select(r => new LibraryItemResponse(r.Item.Id, r.Item.Kind, r.Item.Title, r.Item.Author, r.Item.Url, r.Item.Description,
            SafeMarkdown.ToHtml(r.Item.Description), TagList.Parse(r.Item.Tags), r.Item.Language, r.Item.Audience, r.Item.EvidenceBased,
            r.Item.Status, r.Bookmarked, r.Read, r.Item.SuggestedById == userId ? r.Item.ReviewNote : null, r.Item.CreatedAt)).ToList();
    }

    public string KindName(LibraryKind k) => k switch
    {
        LibraryKind.Article => t["Article"],
        LibraryKind.Book => t["Book"],
        LibraryKind.Podcast => t["Podcast"],
        LibraryKind.Documentary => t["Documentary"],
        LibraryKind.Video => t["Video"],
        _ => t["Worksheet"],
    };

    public string AudienceName(Audience a) => a switch
    {
        Audience.Mentees => t["Mentees"],
        Audience.Mentors => t["Mentors"],
        _ => t["Everyone"],
    };

    public string StatusName(LibraryStatus s) => s switch
    {
        LibraryStatus.Published => t["Published"],
        LibraryStatus.Suggested => t["Suggested"],
        LibraryStatus.Rejected => t["Rejected"],
        _ => t["Archived"],
    };

    public string LanguageName(string lang) => lang == "zh" ? t["Chinese"] : t["English"];
}
