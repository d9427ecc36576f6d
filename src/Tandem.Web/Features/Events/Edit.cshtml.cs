using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

/// <summary>A coordinator schedules or edits an event; times are entered in the coordinator's time zone.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(EventBook book, ViewerTime time, TandemDb db, IStringLocalizer<EventsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? EventId { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public sealed class InputModel
    {
        public EventKind? Kind { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public DateTime? StartsAt { get; set; }
        public DateTime? EndsAt { get; set; }
        public string? Location { get; set; }
        public int? Capacity { get; set; }
        public int? CohortId { get; set; }
        public Audience? Audience { get; set; } = Shared.Audience.All;

        public EventRequest ToRequest(TimeZoneInfo zone) => new(Kind, Title, Description, ToUtc(StartsAt, zone), ToUtc(EndsAt, zone), Location, Capacity, CohortId, Audience);

        private static DateTime? ToUtc(DateTime? local, TimeZoneInfo zone) =>
            local is null ? null : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), zone);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is int existing)
        {
            var e = await book.GetAsync(existing, User.Id(), true, ct);
            if (e is null) return NotFound();
            Input = new InputModel
            {
                Kind = e.Kind, Title = e.Title, Description = e.Description, StartsAt = ViewerTime.Local(e.StartsAt, Zone), EndsAt = ViewerTime.Local(e.EndsAt, Zone),
                Location = e.Location, Capacity = e.Capacity, CohortId = e.CohortId, Audience = e.Audience,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ModelState.Clear();
        Outcome<int> outcome;
        if (id is int existing)
        {
            var updated = await book.UpdateAsync(existing, Input.ToRequest(Zone), ct);
            if (updated is null) return NotFound();
            outcome = updated.Value;
        }
        else outcome = await book.CreateAsync(Input.ToRequest(Zone), ct);
        if (!outcome.Ok)
        {
            outcome.Refusal!.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = t["The event was saved."].Value;
        return Redirect($"/Events/{outcome.Value}");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        EventId = id;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
