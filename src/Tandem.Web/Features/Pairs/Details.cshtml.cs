using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Data;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pace;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

/// <summary>The pair's home: only its mentee and mentor get here; anyone else is told it does not exist.</summary>
[Authorize]
public sealed class DetailsModel(TandemDb db, PairFacts facts, TimeProvider clock) : PageModel
{
    public PairHomeResponse Home { get; private set; } = null!;
    public PairJourneyResponse Journey { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await PairQueries.HomeAsync(db, id, User.Id(), now, ct) is not { } home) return NotFound();
        Home = home;
        Journey = (await PairJourney.ReadAsync(db, facts, id, User.Id(), now, ct))!;
        Zone = await UserClock.ZoneAsync(db, User.Id(), ct);
        return Page();
    }
}
