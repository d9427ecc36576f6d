using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

/// <summary>Browse the library: search, filters, paging; bookmark and mark as read.</summary>
[Authorize]
public sealed class IndexModel(LibraryCatalog catalog, LibraryEditor editor, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LibraryKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public Audience? Audience { get; set; }
    [BindProperty(SupportsGet = true)] public bool? EvidenceBased { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public bool Bookmarked { get; set; }

    public PageResponse<LibraryItemResponse> Result { get; private set; } = PageResponse<LibraryItemResponse>.Empty(LibraryCatalog.PageSize);
    public Reach Reach { get; private set; } = new(false, false, false);
    public int LastPage => Result.TotalPages;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reach = await catalog.ReachAsync(User, ct);
        Result = await catalog.PageAsync(User.Id(), Reach, new LibraryFilter(Q, Kind, Language, Audience, EvidenceBased, Tag, Bookmarked),
            Paging.Parse(Request.Query["page"]), ct);
    }

    public async Task<IActionResult> OnPostBookmarkAsync(int itemId, bool on, string? returnUrl, CancellationToken ct)
    {
        if (!await editor.SetBookmarkAsync(itemId, User.Id(), await catalog.ReachAsync(User, ct), on, ct)) return NotFound();
        this.Flash(on ? t["Bookmarked."] : t["Bookmark removed."]);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Library");
    }

    public async Task<IActionResult> OnPostReadAsync(int itemId, bool on, string? returnUrl, CancellationToken ct)
    {
        if (!await editor.SetReadAsync(itemId, User.Id(), await catalog.ReachAsync(User, ct), on, ct)) return NotFound();
        this.Flash(on ? t["Marked as read."] : t["Marked as not read."]);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Library");
    }

    public string Query(int? page = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["q"] = Q, ["kind"] = Kind?.ToString(), ["language"] = Language, ["audience"] = Audience?.ToString(),
            ["evidenceBased"] = EvidenceBased?.ToString(), ["tag"] = Tag, ["bookmarked"] = Bookmarked ? "true" : null,
            ["page"] = page?.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Library", pairs.Where(x => !string.IsNullOrEmpty(x.Value)));
    }
}
