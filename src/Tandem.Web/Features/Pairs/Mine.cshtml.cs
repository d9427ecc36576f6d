using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

[Authorize]
public sealed class MineModel(TandemDb db) : PageModel
{
    public IReadOnlyList<PairSummaryResponse> Pairs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pairs = await PairQueries.MineAsync(db, User.Id(), ct);
}
