using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Events;

/// <summary>A coordinator schedules or edits an event; times are entered in the coordinator's time zone.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(EventBook book, ViewerTime time, TandemDb db, IStringLocalizer<EventsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? EventId { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public sealed class InputModel : SessionInput
    {
        public EventKind? Kind { get; set; }
        public string? Location { get; set; }
        public int? CohortId { get; set; }

        public InputModel() => Audience = Shared.Audience.All;

        public EventRequest ToRequest(TimeZoneInfo zone) =>
            new(Kind, Title, Description, StartsAtUtc(zone), EndsAtUtc(zone), Location, Capacity, CohortId, Audience, TitleZh, DescriptionZh);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is int existing)
        {
            if (await book.GetAsync(existing, User.Id(), true, ct) is not { } e) return NotFound();
            Input = new InputModel { Kind = e.Kind, Location = e.Location, CohortId = e.CohortId };
            Input.Show(e.Title, e.Description, e.StartsAt, e.EndsAt, e.Capacity, e.Audience, Zone, e.TitleZh, e.DescriptionZh);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ModelState.Clear();
        var request = Input.ToRequest(Zone);
        var outcome = id is int existing ? await book.UpdateAsync(existing, request, ct) : await book.CreateAsync(request, ct);
        return await this.AnswerAsync(outcome, _ => t["The event was saved."], saved => Redirect($"/Events/{saved}"));
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        EventId = id;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
