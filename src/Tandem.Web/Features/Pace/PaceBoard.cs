using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pace;

/// <summary>One check-in as the coordinator sees it: ratings and the note addressed to them.</summary>
public sealed record CheckInRating(int Month, PairRole Role, int Progress, int Relationship, string? NoteToCoordinator);

/// <summary>A pair in the coordinator's overview: engagement facts only (names, dates, counts, ratings), no private content.</summary>
public sealed record PairOverviewItem(
    int Id, string MenteeId, string MenteeName, string MentorId, string MentorName, PairStatus Status, PairOrigin Origin,
    PaceStatus Pace, bool NotMetYet, int Expected, int Held, int Minimum, DateTime? LastMeetingAt, int Contacts,
    DateTime PublishedAt, DateTime? ClosedAt, CloseReason? CloseReason, IReadOnlyList<CheckInRating> CheckIns, IReadOnlyList<int> FeedbackRatings, bool Reverse = false);

public sealed record PairsOverviewPage(int CohortId, string CohortName, IReadOnlyList<PairOverviewItem> Items, int Page, int PageSize, int Total,
    IReadOnlyDictionary<PaceStatus, int> Counts, int NotMetYet) : PageResponse<PairOverviewItem>(Items, Page, PageSize, Total);

/// <summary>The filters of the coordinator's overview: pace (onTrack, behind, atRisk, notMetYet, completed, closedEarly), status, name search.</summary>
public sealed record OverviewFilter(string? Pace, string? Status, string? Q)
{
    public bool Matches(PairOverviewItem i) =>
        (string.IsNullOrWhiteSpace(Pace)
         || (Pace.Equals("notMetYet", StringComparison.OrdinalIgnoreCase) ? i.NotMetYet
             : !Enum.TryParse<PaceStatus>(Pace, true, out var p) || !Enum.IsDefined(p) || i.Pace == p))
        && (string.IsNullOrWhiteSpace(Status) || !Enum.TryParse<PairStatus>(Status, true, out var s) || !Enum.IsDefined(s) || i.Status == s)
        && (string.IsNullOrWhiteSpace(Q) || i.MenteeName.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || i.MentorName.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The coordinator's view of a cohort's pairs. Pace is computed per pair (thousands in a large cohort: see docs/benchmarks.md),
/// so filtering and paging happen after it. Only facts leave here: the projection never touches a text column of
/// meetings, notes, feedback or reflections.
/// </summary>
public sealed class PaceBoard(TandemDb db, PairFacts facts, TimeProvider clock)
{
    public const int PageSize = 25;

    public static readonly string[] CsvColumns =
        ["Id", "Mentee", "Mentor", "Status", "Pace", "NotMetYet", "Held", "Expected", "Minimum", "LastMeeting", "Contacts",
         "CheckIns", "AverageProgress", "AverageRelationship", "FeedbackRatings", "PublishedAt", "ClosedAt", "CloseReason"];

    public async Task<List<PairOverviewItem>?> AllAsync(int cohortId, CancellationToken ct)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == cohortId, ct)) return null;
        var settings = await facts.SettingsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pairs = db.Pairs.AsNoTracking().Where(p => p.CohortId == cohortId);
        var rows = await facts.Query(pairs).ToListAsync(ct);
        // By a join on the cohort, not a list of ids: a cohort of 5,000 pairs would send 5,000 parameters.
        var checkIns = (await db.CheckIns.AsNoTracking().Join(pairs, c => c.PairId, p => p.Id, (c, p) => c)
            .Select(c => new { c.PairId, c.UserId, c.Month, c.Progress, c.Relationship, c.NoteToCoordinator }).ToListAsync(ct))
            .ToLookup(c => c.PairId);
        var ratings = (await db.PairFeedback.AsNoTracking().Join(pairs, f => f.PairId, p => p.Id, (f, p) => f)
            .Select(f => new { f.PairId, f.Rating }).ToListAsync(ct)).ToLookup(f => f.PairId);
        return rows.Select(r =>
        {
            var pace = PaceRules.Evaluate(r.Facts, settings.MinimumMeetings, now);
            return new PairOverviewItem(r.Id, r.MenteeId, r.MenteeName, r.MentorId, r.MentorName, r.Status, r.Origin, pace.Status, pace.NotMetYet,
                pace.Expected, r.Held, settings.MinimumMeetings, r.LastHeldAt, r.Contacts, r.PublishedAt, r.ClosedAt, r.CloseReason,
                checkIns[r.Id].OrderBy(c => c.Month).ThenBy(c => r.RoleOf(c.UserId))
                    .Select(c => new CheckInRating(c.Month, r.RoleOf(c.UserId), c.Progress, c.Relationship, c.NoteToCoordinator)).ToList(),
                ratings[r.Id].Select(f => f.Rating).Order().ToList(), r.Reverse);
        }).OrderBy(i => i.Status).ThenByDescending(i => i.Pace).ThenBy(i => i.MenteeName, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
    }

    public async Task<PairsOverviewPage?> PageAsync(int cohortId, OverviewFilter filter, int? page, CancellationToken ct)
    {
        var all = await AllAsync(cohortId, ct);
        if (all is null) return null;
        var name = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync(ct);
        var shown = all.Where(filter.Matches).ToList().ToPage(page, PageSize);
        var counts = Enum.GetValues<PaceStatus>().ToDictionary(s => s, s => all.Count(i => i.Pace == s));
        return new(cohortId, name, shown.Items, shown.Page, shown.PageSize, shown.Total, counts, all.Count(i => i.NotMetYet));
    }

    public async Task<byte[]?> CsvAsync(int cohortId, OverviewFilter filter, CancellationToken ct)
    {
        var all = await AllAsync(cohortId, ct);
        if (all is null) return null;
        return Csv.Write(CsvColumns, all.Where(filter.Matches), i =>
        [
            i.Id.ToString(CultureInfo.InvariantCulture), i.MenteeName, i.MentorName, i.Status.ToString(), i.Pace.ToString(),
            i.NotMetYet ? "true" : "false", i.Held.ToString(CultureInfo.InvariantCulture), i.Expected.ToString(CultureInfo.InvariantCulture),
            i.Minimum.ToString(CultureInfo.InvariantCulture), i.LastMeetingAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            i.Contacts.ToString(CultureInfo.InvariantCulture), i.CheckIns.Count.ToString(CultureInfo.InvariantCulture),
            i.CheckIns.Count == 0 ? "" : i.CheckIns.Average(c => c.Progress).ToString("0.0", CultureInfo.InvariantCulture),
            i.CheckIns.Count == 0 ? "" : i.CheckIns.Average(c => c.Relationship).ToString("0.0", CultureInfo.InvariantCulture),
            string.Join(' ', i.FeedbackRatings), i.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            i.ClosedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.CloseReason?.ToString(),
        ]);
    }
}
