using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Sharing;

/// <summary>One piece of shared work and its feedback thread.</summary>
[Authorize]
public sealed class WorkModel(TandemDb db, SharingBook book, IStringLocalizer<SharingText> t) : PageModel
{
    public sealed class InputModel { public string? Text { get; set; } }

    [BindProperty] public InputModel Input { get; set; } = new();
    public WorkDetailsResponse Item { get; private set; } = null!;
    public PairMember Pair { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await book.CommentAsync(Pair.PairId, id, User.Id(), new CommentRequest(Input.Text), ct);
        return await this.AnswerAsync(outcome, _ => t["Your comment is added."], _ => RedirectToPage("/Sharing/Work", new { id }));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await SharingQueries.PairOfWorkAsync(db, id, User.Id(), ct) is not { } pairId) return false;
        Pair = (await PairAccess.FindAsync(db, pairId, User.Id(), ct))!;
        Item = (await SharingQueries.WorkItemAsync(db, id, User.Id(), ct))!;
        return true;
    }
}
