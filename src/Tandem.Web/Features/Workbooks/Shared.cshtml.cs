using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

/// <summary>A shared section: the mentee and the pair's mentor read the answers and comment. Nobody else, coordinators included.</summary>
[Authorize]
public sealed class SharedModel(WorkbookStore store, IStringLocalizer<WorkbooksText> t) : PageModel
{
    public SharedSectionResponse Share { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? text, CancellationToken ct)
    {
        var outcome = await store.CommentAsync(id, User.Id(), text, ct);
        return await this.AnswerAsync(outcome, _ => t["Your comment was added."], _ => Redirect($"/Workbooks/Shared/{id}"), () => LoadAsync(id, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var share = await store.SharedAsync(id, User.Id(), ct);
        if (share is null) return false;
        Share = share;
        return true;
    }
}
