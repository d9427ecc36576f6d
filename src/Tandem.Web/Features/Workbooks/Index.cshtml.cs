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
    public int Pages { get; private set; } = 1;
    public bool IsMentee { get; private set; }
    /// <summary>Per workbook, the progress of the caller's mentees (empty for someone who mentors no one now).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<WorkbookStore.MenteeProgress>> Mentees { get; private set; } = new Dictionary<int, IReadOnlyList<WorkbookStore.MenteeProgress>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = (await store.ListAsync(User.Id(), User.IsCoordinator(), ct)).ToPage(Paging.Parse(Request.Query["page"]), PageSize);
        (Workbooks, PageNumber, Pages) = (page.Items, page.Page, page.TotalPages);
        Shared = await store.SharedWithMeAsync(User.Id(), ct);
        IsMentee = await store.IsMenteeAsync(User.Id(), ct);
        if (!User.IsCoordinator()) Mentees = await store.MenteesProgressAsync(User.Id(), ct);
    }
}
