using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Closure;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pace;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

/// <summary>The coordinator's pairs of a cohort: pace, meetings, contacts, check-in ratings; filters, search, paging, CSV;
/// close a pair early and re-pair a mentee after an early close.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class OverviewModel(PaceBoard board, ClosureBook closure, TandemDb db, IStringLocalizer<PaceText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pace { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public PairsOverviewPage? Result { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];
    public IReadOnlyList<SpareMentor> SpareMentors { get; private set; } = [];
    public int LastPage => Result?.TotalPages ?? 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRepairAsync(int pairId, string? mentorId, CancellationToken ct)
    {
        var outcome = await closure.RepairAsync(pairId, mentorId, ct);
        return await this.AnswerAsync(outcome, _ => t["The mentee has a new pair."], _ => Redirect("/Pairs/Overview" + Query()), ShowAgain(ct), prefix: "");
    }

    /// <summary>Set when the coordinator chose a reason but has not confirmed yet.</summary>
    public (int PairId, EarlyReason Reason, IReadOnlyList<string> Consequences)? ConfirmClose { get; private set; }

    public async Task<IActionResult> OnPostCloseAsync(int pairId, EarlyReason? reason, bool confirm, CancellationToken ct)
    {
        var outcome = await closure.CloseEarlyAsync(pairId, User.Id(), true, reason, confirm, ct);
        if (outcome.Refusal is { } refusal && refusal.Errors.Any && refusal.Errors.Fields.All(f => f == "Confirm"))
        {
            ConfirmClose = (pairId, reason!.Value, refusal.Errors.Messages.ToList());
            await LoadAsync(ct);
            return Page();
        }
        return await this.AnswerAsync(outcome, _ => t["The pair is closed early."], _ => Redirect("/Pairs/Overview" + Query()), ShowAgain(ct), prefix: "");
    }

    private Func<Task<bool>> ShowAgain(CancellationToken ct) => async () =>
    {
        await LoadAsync(ct);
        return true;
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.Status >= CohortStatus.Matching)
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name, c.Status }).ToListAsync(ct);
        Cohorts = cohorts.Select(c => (c.Id, c.Name)).ToList();
        CohortId ??= cohorts.FirstOrDefault(c => c.Status == CohortStatus.Active)?.Id ?? cohorts.FirstOrDefault()?.Id;
        if (CohortId is not int id) return;
        Result = await board.PageAsync(id, new OverviewFilter(Pace, Status, Q), Paging.Parse(Request.Query["page"]), ct);
        if (Result?.Items.Any(i => i.Status == PairStatus.ClosedEarly) == true) SpareMentors = await closure.SpareMentorsAsync(id, ct);
    }

    public string Query(int? page = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["cohortId"] = CohortId?.ToString(CultureInfo.InvariantCulture), ["pace"] = Pace, ["status"] = Status, ["q"] = Q,
            ["page"] = page?.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", pairs.Where(x => !string.IsNullOrEmpty(x.Value)));
    }
}
