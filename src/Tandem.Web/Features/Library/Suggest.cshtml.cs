using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

/// <summary>A member suggests a resource; coordinators publish or reject it. Lists the member's own suggestions.</summary>
[Authorize]
public sealed class SuggestModel(TandemDb db, LibraryEditor editor, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty] public LibraryForm Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Title, LibraryStatus Status, string? Note)> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await editor.SuggestAsync(User.Id(), Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["Thank you! A coordinator will review your suggestion."], _ => Redirect("/Library/Suggest"),
            async () => { await LoadAsync(ct); return true; });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.Id();
        Mine = (await db.LibraryItems.AsNoTracking().Where(i => i.SuggestedById == userId).OrderByDescending(i => i.Id).Take(50)
            .Select(i => new { i.Id, i.Title, i.Status, i.ReviewNote }).ToListAsync(ct))
            .Select(i => (i.Id, i.Title, i.Status, i.ReviewNote)).ToList();
    }
}
