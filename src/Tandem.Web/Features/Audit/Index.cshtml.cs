using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Audit;

/// <summary>The audit log: who did what to which record, filtered by action, actor, cohort and dates.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(AuditQueries queries, TandemDb db, IStringLocalizer<AuditText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public int? CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public PageResponse<AuditRow> Result { get; private set; } = PageResponse<AuditRow>.Empty(AuditQueries.PageSize);
    public IReadOnlyList<AuditActor> Actors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actors = await queries.ActorsAsync(ct);
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        var errors = new Errors();
        if (!string.IsNullOrEmpty(Action) && !AuditActions.All.Contains(Action)) Action = null;
        var from = AuditApi.Day(From, nameof(From), errors, t);
        var to = AuditApi.Day(To, nameof(To), errors, t);
        if (from > to) errors.Add(nameof(To), t["The end date is before the start date."]);
        foreach (var (field, message) in errors.Each) ModelState.AddModelError(field, message);
        if (errors.Any) return;
        Result = await queries.ListAsync(new AuditFilter(Action, Actor, CohortId, from, to), Paging.Parse(Request.Query["page"]), ct);
    }

    public string PageLink(int page) =>
        $"/Audit?action={Uri.EscapeDataString(Action ?? "")}&actor={Uri.EscapeDataString(Actor ?? "")}&cohortId={CohortId}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&page={page}";
}
