using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Public;

public sealed record MentorQuery(int? CohortId = null, string? Industry = null, string? Expertise = null, string? Language = null, string? Q = null, int Page = 1);

/// <summary>What a mentor chose to publish. Deliberately no email, gender or other private profile fields.</summary>
public sealed record MentorCard(int ApplicationId, int CohortId, string CohortName, string DisplayName, string? JobTitle, string? Employer,
    string? Industry, string? Seniority, string? City, IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages, string? Offer, string? Bio);

public sealed record FacetValue(string Value, int Count);

public sealed record MentorFacets(IReadOnlyList<FacetValue> Industries, IReadOnlyList<FacetValue> Expertise, IReadOnlyList<FacetValue> Languages);

public sealed record CohortOption(int Id, string Name, string Status, int Year, int Mentors);

public sealed record MentorsResponse(IReadOnlyList<MentorCard> Items, int Page, int PageSize, int Total, int? CohortId,
    MentorFacets Facets, IReadOnlyList<CohortOption> Cohorts) : PageResponse<MentorCard>(Items, Page, PageSize, Total);

/// <summary>
/// Published mentor profiles per cohort: a mentor appears when she opted in and her application was accepted
/// (or, while the cohort is open, is still under review), never for a draft cohort.
/// </summary>
/// <remarks>
/// A cohort's published mentors (ten thousand in a large program) are read once per <see cref="PublicData"/>
/// version and kept in memory; searching, facets and paging then cost no query, for visitors and members alike.
/// </remarks>
public sealed class MentorDirectory(TandemDb db, PublicData cache)
{
    public const int PageSize = 24;
    private const int ShortBio = 280;

    // A member-initialised class (not a positional record) so EF can see through r.A, r.C, r.P.
    private sealed class Row
    {
        public required Application A { get; init; }
        public required Cohort C { get; init; }
        public required Profiles.Profile P { get; init; }
    }

    private IQueryable<Row> Visible() =>
        from a in db.Applications.AsNoTracking()
        join c in db.Cohorts.AsNoTracking() on a.CohortId equals c.Id
        join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId
        where a.Role == ApplicationRole.Mentor && a.PublicProfile && c.Status != CohortStatus.Draft
              && (a.Status == ApplicationStatus.Accepted || (c.Status == CohortStatus.Open && a.Status == ApplicationStatus.Submitted))
        select new Row { A = a, C = c, P = p };

    /// <summary>A published mentor as the directory searches, filters and shows her.</summary>
    private sealed record Entry(Projected P, string Text, IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages);

    public async Task<MentorsResponse> SearchAsync(MentorQuery query, CancellationToken ct)
    {
        var cohorts = await cache.GetAsync("mentor-cohorts", perLanguage: false, () => CohortsAsync(ct));
        var cohortId = query.CohortId ?? (cohorts.FirstOrDefault(c => c.Status == nameof(CohortStatus.Open)) ?? (cohorts.Count > 0 ? cohorts[0] : null))?.Id;
        if (cohortId is null)
            return new MentorsResponse([], 1, PageSize, 0, null, new MentorFacets([], [], []), cohorts);

        IEnumerable<Entry> inCohort = await cache.GetAsync("mentors:" + cohortId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            perLanguage: false, () => EntriesAsync(cohortId.Value, ct));
        var q = query.Q?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(q)) inCohort = inCohort.Where(e => e.Text.Contains(q, StringComparison.Ordinal));

        var industry = Blank(query.Industry);
        var expertise = Blank(query.Expertise)?.ToLowerInvariant();
        var language = Blank(query.Language)?.ToLowerInvariant();

        // Facet counts: each facet is counted with the other facets' filters applied, not its own,
        // so a visitor sees how many mentors each alternative would give.
        var matching = inCohort.ToList();
        var facets = new MentorFacets(
            Count(matching.Where(r => Has(r.Expertise, expertise) && Has(r.Languages, language)).Select(r => r.P.Industry is null ? [] : new[] { r.P.Industry })),
            Count(matching.Where(r => (industry is null || r.P.Industry == industry) && Has(r.Languages, language)).Select(r => r.Expertise)),
            Count(matching.Where(r => (industry is null || r.P.Industry == industry) && Has(r.Expertise, expertise)).Select(r => r.Languages)));

        var filtered = matching.Where(r => (industry is null || r.P.Industry == industry) && Has(r.Expertise, expertise) && Has(r.Languages, language)).ToList();
        var shown = filtered.ToPage(query.Page, PageSize);
        return new MentorsResponse(shown.Items.Select(e => Card(e.P, ShortBio)).ToList(), shown.Page, shown.PageSize, shown.Total, cohortId, facets, cohorts);
    }

    private async Task<IReadOnlyList<CohortOption>> CohortsAsync(CancellationToken ct) =>
        (await Visible()
            .GroupBy(r => new { r.C.Id, r.C.Name, r.C.Status, r.C.StartsOn })
            .Select(g => new { g.Key.Id, g.Key.Name, g.Key.Status, g.Key.StartsOn, Count = g.Count() })
            .ToListAsync(ct))
        .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
        .Select(c => new CohortOption(c.Id, c.Name, c.Status.ToString(), c.StartsOn.Year, c.Count)).ToList();

    /// <summary>A cohort's published mentors in the directory's order (name, then application).</summary>
    private async Task<IReadOnlyList<Entry>> EntriesAsync(int cohortId, CancellationToken ct) =>
        (await Project(Visible().Where(r => r.A.CohortId == cohortId)).ToListAsync(ct))
        .OrderBy(p => p.DisplayName, StringComparer.Ordinal).ThenBy(p => p.ApplicationId)
        .Select(p => new Entry(p, string.Join('\n', p.DisplayName, p.JobTitle, p.Expertise, p.Offer).ToLowerInvariant(), TagList.Parse(p.Expertise), TagList.Parse(p.Languages)))
        .ToList();

    public async Task<MentorCard?> FindAsync(int applicationId, CancellationToken ct)
    {
        var row = await Project(Visible().Where(r => r.A.Id == applicationId)).FirstOrDefaultAsync(ct);
        return row is null ? null : Card(row, int.MaxValue);
    }

    private sealed record Projected(int ApplicationId, int CohortId, string CohortName, string DisplayName, string? JobTitle, string? Employer,
        string? Industry, Seniority? Seniority, string? City, string Expertise, string Languages, string? Offer, string? Bio);

    private static IQueryable<Projected> Project(IQueryable<Row> rows) =>
        rows.Select(r => new Projected(r.A.Id, r.C.Id, r.C.Name, r.P.DisplayName, r.P.JobTitle, r.P.Employer, r.P.Industry, r.P.Seniority,
            r.P.City, r.A.Expertise, r.A.Languages, r.A.Offer, r.P.Bio));

    private static MentorCard Card(Projected p, int bioLength) =>
        new(p.ApplicationId, p.CohortId, p.CohortName, p.DisplayName, p.JobTitle, p.Employer, p.Industry, p.Seniority?.ToString(), p.City,
            TagList.Parse(p.Expertise), TagList.Parse(p.Languages), p.Offer,
            p.Bio is { } bio && bio.Length > bioLength ? bio[..bioLength].TrimEnd() + "…" : p.Bio);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool Has(IReadOnlyList<string> tags, string? wanted) => wanted is null || tags.Contains(wanted, StringComparer.Ordinal);

    private static List<FacetValue> Count(IEnumerable<IEnumerable<string>> values) =>
        values.SelectMany(v => v).GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
}
