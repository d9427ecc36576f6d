using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Messages;

[Authorize]
public sealed class IndexModel(TandemDb db, MessageBook book, IStringLocalizer<MessagesText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Body { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public PageResponse<MessageResponse> Thread { get; private set; } = null!;
    public PairMember Pair { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int pairId, CancellationToken ct)
    {
        var outcome = await book.SendAsync(pairId, User.Id(), new MessageRequest(Input.Body), ct);
        return await this.AnswerAsync(outcome, _ => t["Your message is sent."], _ => Redirect($"/Messages/{pairId}#latest"), () => LoadAsync(pairId, ct));
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, User.Id(), ct) is not { } pair) return false;
        Pair = pair;
        Thread = (await book.ThreadAsync(pairId, User.Id(), PageNumber, ct))!;
        return true;
    }
}
