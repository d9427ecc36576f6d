using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;

namespace Tandem.Web.Features.Library;

/// <summary>Curating the library: every item with its read and bookmark counts (never who), suggestions to review.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ManageModel(LibraryCatalog catalog, LibraryEditor editor, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public LibraryStatus? Status { get; set; }
    public PageResponse<LibraryStatsResponse> Result { get; private set; } = new([], 1, LibraryCatalog.PageSize, 0);
    public int LastPage => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(int itemId, string? decision, string? reason, CancellationToken ct)
    {
        var outcome = await editor.ReviewAsync(itemId, new LibraryReviewRequest(decision, reason), ct);
        if (outcome is null) return NotFound();
        if (!outcome.Value.Ok)
        {
            outcome.Value.Refusal!.AddTo(ModelState, "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = outcome.Value.Value == LibraryStatus.Published ? t["The suggestion was published."].Value : t["The suggestion was rejected."].Value;
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostArchiveAsync(int itemId, bool archived, CancellationToken ct)
    {
        var outcome = await editor.SetArchivedAsync(itemId, archived, ct);
        if (outcome is null) return NotFound();
        if (!outcome.Value.Ok)
        {
            outcome.Value.Refusal!.AddTo(ModelState, "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = archived ? t["The resource was archived."].Value : t["The resource was restored."].Value;
        return Redirect(Back());
    }

    private string Back() => "/Library/Manage" + (Status is null ? "" : "?status=" + Status);

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
        Result = await catalog.StatsAsync(Status, page, ct);
    }
}
