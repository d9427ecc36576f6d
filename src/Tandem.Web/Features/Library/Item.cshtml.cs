using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

[Authorize]
public sealed class ItemModel(LibraryCatalog catalog) : PageModel
{
    public LibraryItemResponse Item { get; private set; } = null!;
    public bool Coordinator { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var reach = await catalog.ReachAsync(User, ct);
        var item = await catalog.GetAsync(id, User.Id(), reach, ct);
        if (item is null) return NotFound();
        Item = item;
        Coordinator = reach.Coordinator;
        return Page();
    }
}
