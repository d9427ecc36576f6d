using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>
/// One decision for the applications ticked on the list: first how many and which (and which cannot be decided, and
/// why), then, on confirmation, the decisions with their notices.
/// </summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class BulkModel(BulkDecisions bulk, TandemDb db, IStringLocalizer<ApplicationsText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public int CohortId { get; set; }
    [BindProperty] public List<int> Ids { get; set; } = [];
    /// <summary>"Select all on this page": the list sends the page's ids here.</summary>
    [BindProperty] public List<int> PageIds { get; set; } = [];
    [BindProperty] public bool AllOnPage { get; set; }
    [BindProperty] public Decision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The list to go back to (its filters and page).</summary>
    [BindProperty] public string? Back { get; set; }

    public string CohortName { get; private set; } = "";
    public BulkDecisionResponse? Preview { get; private set; }

    public IActionResult OnGet() => Redirect("/Applications");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => await RunAsync(confirm: false, ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => await RunAsync(confirm: true, ct);

    private async Task<IActionResult> RunAsync(bool confirm, CancellationToken ct)
    {
        var name = await db.Cohorts.AsNoTracking().Where(c => c.Id == CohortId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (name is null) return NotFound();
        CohortName = name;
        if (AllOnPage) Ids = Ids.Union(PageIds).ToList();
        var outcome = await bulk.RunAsync(CohortId, User.Id(), new BulkDecisionRequest(Ids, Decision, Reason, confirm), ct);
        if (outcome.Refusal is { } refused)
        {
            this.Flash(string.Join(" ", refused.Messages));
            return Redirect(BackUrl);
        }
        var r = outcome.Value!;
        if (confirm && r.Done)
        {
            this.Flash(t["{0} applications decided: {1}.", r.Count, DecisionName(r.Decision)] + (r.Refused.Count > 0 ? " " + t["{0} could not be decided.", r.Refused.Count] : ""));
            return Redirect(BackUrl);
        }
        Preview = r;
        return Page();
    }

    public string BackUrl => Back is { Length: > 0 } b && b.StartsWith("/Applications", StringComparison.Ordinal) && !b.StartsWith("//", StringComparison.Ordinal)
        ? b : $"/Applications?cohortId={CohortId}";

    public string DecisionName(Decision d) => d switch
    {
        Applications.Decision.Accept => t["Accept"],
        Applications.Decision.Waitlist => t["Waitlist"],
        _ => t["Decline"],
    };
}
