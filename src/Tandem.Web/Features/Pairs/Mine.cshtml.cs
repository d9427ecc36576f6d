using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pace;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

/// <summary>The person's current and past pairs in one place, each with its pace and the way to its home, check-ins,
/// feedback, closure and certificate (this page took over the old /Closure list); an Alumni badge once one has closed.</summary>
[Authorize]
public sealed class MineModel(TandemDb db, PairFacts facts, TimeProvider clock) : PageModel
{
    public sealed record Item(PairRow Pair, PaceResult Pace);

    public IReadOnlyList<Item> Current { get; private set; } = [];
    public IReadOnlyList<Item> Past { get; private set; } = [];
    public bool IsAlumni => Past.Count > 0;
    public string UserId { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        UserId = User.Id();
        var settings = await facts.SettingsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var me = UserId;
        var rows = await facts.Query(db.Pairs.AsNoTracking().OfMember(me)).OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var items = rows.Select(r => new Item(r, PaceRules.Evaluate(r.Facts, settings.MinimumMeetings, now))).ToList();
        Current = items.Where(i => i.Pair.Status == PairStatus.Active).ToList();
        Past = items.Where(i => i.Pair.Status != PairStatus.Active).ToList();
    }
}
