using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Feedback;

/// <summary>A theme the program offers writers, in the reader's language.</summary>
public sealed record ThemeOption(string Code, string Name, string NameEn, string? NameZh);

/// <summary>How many feedforward texts were tagged with a theme, from how many pairs.</summary>
public sealed record ThemeCount(string Code, string Name, int Count, int Pairs);

/// <param name="PairsWithThemes">Pairs whose feedback carries at least one theme; null when suppressed.</param>
/// <param name="Suppressed">Fewer than <see cref="Reports.CohortReports.MinimumPairs"/> pairs tagged any theme: nothing is shown.</param>
/// <param name="Themes">Themes tagged by at least <see cref="Reports.CohortReports.MinimumPairs"/> pairs, most frequent first.</param>
public sealed record CohortThemes(int CohortId, int? PairsWithThemes, bool Suppressed, IReadOnlyList<ThemeCount> Themes);

/// <summary>
/// The program's feedforward themes: what writers may tag (up to three), checking a tag list, and a cohort's counts for the
/// report. Counts come from the tags, never from the text; a theme tagged in fewer than three pairs is not shown, so no
/// pair's feedforward can be recognised.
/// </summary>
public sealed class FeedforwardThemes(TandemDb db)
{
    public const int MinimumPairs = Reports.CohortReports.MinimumPairs;

    /// <summary>The themes offered to writers, in the program's order.</summary>
    public async Task<IReadOnlyList<ThemeOption>> OptionsAsync(CancellationToken ct) =>
        (await db.FeedforwardThemes.AsNoTracking().Where(t => !t.Retired).OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new { t.Code, t.Name, t.NameZh }).ToListAsync(ct))
        .Select(t => new ThemeOption(t.Code, Localized.Pick(t.Name, t.NameZh), t.Name, t.NameZh)).ToList();

    /// <summary>Checks a writer's tags: at most <see cref="FeedforwardTheme.MaxPerFeedback"/>, each one the program offers.</summary>
    public async Task<string?> CheckAsync(IReadOnlyList<string>? codes, Errors errors, IStringLocalizer<FeedbackText> t, CancellationToken ct)
    {
        var clean = (codes ?? []).Select(c => c?.Trim().ToLowerInvariant() ?? "").Where(c => c.Length > 0).Distinct().ToList();
        if (clean.Count > FeedforwardTheme.MaxPerFeedback)
        {
            errors.Add("Themes", t["Choose at most {0} themes.", FeedforwardTheme.MaxPerFeedback]);
            return null;
        }
        if (clean.Count == 0) return "";
        var known = await db.FeedforwardThemes.AsNoTracking().Where(x => !x.Retired && clean.Contains(x.Code)).Select(x => x.Code).ToListAsync(ct);
        var unknown = clean.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("Themes", t["\"{0}\" is not one of the program's themes.", unknown[0]]);
            return null;
        }
        return TagList.Format(clean);
    }

    public async Task<CohortThemes> ForCohortAsync(int cohortId, CancellationToken ct)
    {
        var tagged = await db.PairFeedback.AsNoTracking()
            .Where(f => f.Themes != "" && db.Pairs.Any(p => p.Id == f.PairId && p.CohortId == cohortId))
            .Select(f => new { f.PairId, f.Themes }).ToListAsync(ct);
        var names = await db.FeedforwardThemes.AsNoTracking().Select(t => new { t.Code, t.Name, t.NameZh }).ToListAsync(ct);
        return Tally(cohortId, tagged.Select(f => (f.PairId, f.Themes)), names.ToDictionary(n => n.Code, n => Localized.Pick(n.Name, n.NameZh)));
    }

    /// <summary>Themes most often tagged across closed cohorts, for mentors preparing (each from at least three pairs).</summary>
    public async Task<IReadOnlyList<string>> FromClosedCohortsAsync(int top, CancellationToken ct)
    {
        var tagged = await db.PairFeedback.AsNoTracking()
            .Where(f => f.Themes != "" && db.Pairs.Any(p => p.Id == f.PairId && db.Cohorts.Any(c => c.Id == p.CohortId && c.Status == Cohorts.CohortStatus.Closed)))
            .Select(f => new { f.PairId, f.Themes }).ToListAsync(ct);
        var names = await db.FeedforwardThemes.AsNoTracking().Select(t => new { t.Code, t.Name, t.NameZh }).ToListAsync(ct);
        return Tally(0, tagged.Select(f => (f.PairId, f.Themes)), names.ToDictionary(n => n.Code, n => Localized.Pick(n.Name, n.NameZh)))
            .Themes.Take(top).Select(t => t.Name).ToList();
    }

    public static CohortThemes Tally(int cohortId, IEnumerable<(int PairId, string Themes)> feedback, IReadOnlyDictionary<string, string> names)
    {
        var tags = feedback.SelectMany(f => TagList.Parse(f.Themes).Select(code => (f.PairId, Code: code))).ToList();
        var pairs = tags.Select(x => x.PairId).Distinct().Count();
        if (pairs < MinimumPairs) return new CohortThemes(cohortId, null, true, []);
        var themes = tags.GroupBy(x => x.Code)
            .Select(g => new ThemeCount(g.Key, names.TryGetValue(g.Key, out var n) ? n : g.Key, g.Count(), g.Select(x => x.PairId).Distinct().Count()))
            .Where(x => x.Pairs >= MinimumPairs)
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.CurrentCulture).ToList();
        return new CohortThemes(cohortId, pairs, false, themes);
    }
}
