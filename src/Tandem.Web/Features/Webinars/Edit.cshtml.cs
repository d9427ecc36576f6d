using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Webinars;

/// <summary>A coordinator schedules or edits a cohort's webinar; times in the coordinator's zone.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(WebinarBook book, ViewerTime time, TandemDb db, IStringLocalizer<WebinarsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public int? WebinarId { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public sealed class InputModel : SessionInput
    {
        public int? CohortId { get; set; }
        public string? Link { get; set; }

        public InputModel() => Audience = Shared.Audience.Mentees;

        public WebinarRequest ToRequest(TimeZoneInfo zone) => new(CohortId, Title, Description, StartsAtUtc(zone), EndsAtUtc(zone), Link, Capacity, Audience, TitleZh, DescriptionZh);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is int existing)
        {
            if (await book.GetAsync(existing, User.Id(), true, ct) is not { } w) return NotFound();
            Input = new InputModel { CohortId = w.CohortId, Link = w.Link };
            Input.Show(w.Title, w.Description, w.StartsAt, w.EndsAt, w.Capacity, w.Audience, Zone, w.TitleZh, w.DescriptionZh);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ModelState.Clear();
        var request = Input.ToRequest(Zone);
        var outcome = id is int existing ? await book.UpdateAsync(existing, request, ct) : await book.CreateAsync(request, ct);
        return await this.AnswerAsync(outcome, _ => t["The webinar was saved."], saved => Redirect($"/Webinars/{saved}"));
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        WebinarId = id;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.Status != CohortStatus.Closed).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }
}
