using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

/// <summary>A coordinator adds or edits an item.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(LibraryCatalog catalog, LibraryEditor editor, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty] public LibraryForm Input { get; set; } = new();
    public int? ItemId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        ItemId = id;
        if (id is int existing)
        {
            var item = await catalog.GetAsync(existing, User.Id(), await catalog.ReachAsync(User, ct), ct);
            if (item is null) return NotFound();
            Input = LibraryForm.From(item);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ItemId = id;
        var outcome = id is int existing ? await editor.UpdateAsync(existing, Input.ToRequest(), ct) : await editor.CreateAsync(Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, _ => t["The resource was saved."], saved => Redirect($"/Library/Item/{saved}"));
    }
}
