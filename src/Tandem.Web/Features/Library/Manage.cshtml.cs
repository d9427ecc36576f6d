using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

/// <summary>Curating the library: every item with its read and bookmark counts (never who), suggestions to review.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ManageModel(LibraryCatalog catalog, LibraryEditor editor, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public LibraryStatus? Status { get; set; }
    public PageResponse<LibraryStatsResponse> Result { get; private set; } = PageResponse<LibraryStatsResponse>.Empty(LibraryCatalog.PageSize);
    public int LastPage => Result.TotalPages;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(int itemId, string? decision, string? reason, CancellationToken ct)
    {
        var outcome = await editor.ReviewAsync(itemId, new LibraryReviewRequest(decision, reason), ct);
        return await this.AnswerAsync(outcome, status => status == LibraryStatus.Published ? t["The suggestion was published."] : t["The suggestion was rejected."],
            _ => Redirect(Back()), ShowAgainAsync(ct), prefix: "");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int itemId, bool archived, CancellationToken ct)
    {
        var outcome = await editor.SetArchivedAsync(itemId, archived, ct);
        return await this.AnswerAsync(outcome, _ => archived ? t["The resource was archived."] : t["The resource was restored."],
            _ => Redirect(Back()), ShowAgainAsync(ct), prefix: "");
    }

    private string Back() => "/Library/Manage" + (Status is null ? "" : "?status=" + Status);

    private async Task LoadAsync(CancellationToken ct) => Result = await catalog.StatsAsync(Status, Paging.Parse(Request.Query["page"]), ct);

    private Func<Task<bool>> ShowAgainAsync(CancellationToken ct) => async () =>
    {
        await LoadAsync(ct);
        return true;
    };
}
