using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

[Authorize]
public sealed class MineModel(TandemDb db) : PageModel
{
    public IReadOnlyList<MembershipResponse> Memberships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Memberships = await MembershipQueries.MineAsync(db, User.Id(), ct);
}
