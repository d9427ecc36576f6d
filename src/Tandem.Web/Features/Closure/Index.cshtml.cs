using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Closure;

/// <summary>The signed-in person's pairs with their pace, check-ins, feedback, closure and certificate links; an Alumni badge.</summary>
[Authorize]
public sealed class IndexModel(TandemDb db, PairFacts facts, TimeProvider clock) : PageModel
{
    public sealed record Item(PairRow Pair, PaceResult Pace);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool IsAlumni { get; private set; }
    public string UserId { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        UserId = User.Id();
        var settings = await facts.SettingsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await facts.Query(db.Pairs.AsNoTracking().Where(p => p.MenteeId == UserId || p.MentorId == UserId))
            .OrderByDescending(p => p.PublishedAt).ToListAsync(ct);
        Items = rows.Select(r => new Item(r, PaceRules.Evaluate(r.Facts, settings.MinimumMeetings, now))).ToList();
        IsAlumni = rows.Any(r => r.Status != PairStatus.Active);
    }
}
