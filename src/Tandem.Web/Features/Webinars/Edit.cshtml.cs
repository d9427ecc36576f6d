using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

/// <summary>A coordinator schedules or edits a cohort's webinar; times in the coordinator's zone.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(WebinarSchedule schedule, ViewerTime time, TandemDb db, IStringLocalizer<WebinarsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? WebinarId { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public sealed class InputModel
    {
        public int? CohortId { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public DateTime? StartsAt { get; set; }
        public DateTime? EndsAt { get; set; }
        public string? Link { get; set; }
        public int? Capacity { get; set; }
        public Audience? Audience { get; set; } = Shared.Audience.Mentees;

        public WebinarRequest ToRequest(TimeZoneInfo zone) => new(CohortId, Title, Description, ToUtc(StartsAt, zone), ToUtc(EndsAt, zone), Link, Capacity, Audience);

        private static DateTime? ToUtc(DateTime? local, TimeZoneInfo zone) =>
            local is null ? null : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), zone);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is int existing)
        {
            var w = await schedule.GetAsync(existing, User.Id(), true, ct);
            if (w is null) return NotFound();
            Input = new InputModel
            {
                CohortId = w.CohortId, Title = w.Title, Description = w.Description, StartsAt = ViewerTime.Local(w.StartsAt, Zone),
                EndsAt = ViewerTime.Local(w.EndsAt, Zone), Link = w.Link, Capacity = w.Capacity, Audience = w.Audience,
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
            var updated = await schedule.UpdateAsync(existing, Input.ToRequest(Zone), ct);
            if (updated is null) return NotFound();
            outcome = updated.Value;
        }
        else outcome = await schedule.CreateAsync(Input.ToRequest(Zone), ct);
        if (!outcome.Ok)
        {
            outcome.Refusal!.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = t["The webinar was saved."].Value;
        return Redirect($"/Webinars/{outcome.Value}");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        WebinarId = id;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.Status != CohortStatus.Closed).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
