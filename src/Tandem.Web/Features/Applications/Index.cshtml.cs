using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>The coordinator's list of applications: filters, search, paging, newest or oldest first.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(ApplicationSearch search, TandemDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? TrackId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Seniority { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PageResponse<ApplicationListItem> Result { get; private set; } = PageResponse<ApplicationListItem>.Empty(ApplicationSearch.DefaultPageSize);
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Tracks { get; private set; } = [];
    public int LastPage => Result.TotalPages;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await search.PageAsync(Filter(), PageNumber, ApplicationSearch.DefaultPageSize, ct);
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        Tracks = (await db.Tracks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
    }

    public ApplicationFilter Filter() => ApplicationFilter.From(CohortId, Status, Role, TrackId, Seniority, Industry, Q, Sort);

    /// <summary>The current filters as a query string, for the pager and the CSV link.</summary>
    public string Query(int? page = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["cohortId"] = CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = Status, ["role"] = Role,
            ["trackId"] = TrackId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["seniority"] = Seniority,
            ["industry"] = Industry, ["q"] = Q, ["sort"] = Sort,
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", pairs.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
