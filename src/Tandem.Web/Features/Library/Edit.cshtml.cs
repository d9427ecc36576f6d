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
        Outcome<int> outcome;
        if (id is int existing)
        {
            var updated = await editor.UpdateAsync(existing, Input.ToRequest(), ct);
            if (updated is null) return NotFound();
            outcome = updated.Value;
        }
        else outcome = await editor.CreateAsync(Input.ToRequest(), ct);
        if (!outcome.Ok)
        {
            outcome.Refusal!.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = t["The resource was saved."].Value;
        return Redirect($"/Library/Item/{outcome.Value}");
    }
}
