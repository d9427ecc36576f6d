using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

/// <summary>Workbooks to work through, with the caller's progress; sections mentees shared with the caller as mentor.</summary>
[Authorize]
public sealed class IndexModel(WorkbookStore store) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<WorkbookSummary> Workbooks { get; private set; } = [];
    public IReadOnlyList<SharedSectionResponse> Shared { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await store.ListAsync(User.Id(), User.IsCoordinator(), ct);
        Total = all.Count;
        PageNumber = Math.Clamp(int.TryParse(Request.Query["page"], out var p) ? p : 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Workbooks = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Shared = await store.SharedWithMeAsync(User.Id(), ct);
    }
}
