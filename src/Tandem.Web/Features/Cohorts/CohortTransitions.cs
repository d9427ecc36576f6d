using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <summary>
/// A cohort moves strictly forward, one step at a time: Draft → Open → Matching → Active → Closing → Closed.
/// Two coordinators moving the same cohort at once: the <see cref="Cohort.Version"/> concurrency token lets
/// exactly one win; the other gets a conflict, never an error page.
/// </summary>
public sealed class CohortTransitions(TandemDb db, IStringLocalizer<CohortsText> t, Closure.ClosureBook closure)
{
    public static CohortStatus? Next(CohortStatus status) => status == CohortStatus.Closed ? null : status + 1;

    /// <summary>Why <paramref name="from"/> cannot move to <paramref name="to"/>, or null when it can.</summary>
    public string? Refusal(CohortStatus from, CohortStatus to)
    {
        if (Next(from) == to) return null;
        return Next(from) is { } next
            ? t["A cohort in {0} can only move to {1}.", CohortLabels.Status(from, t), CohortLabels.Status(next, t)]
            : t["A closed cohort cannot change status."];
    }

    /// <param name="expectedVersion">The version the coordinator saw; a different current version is a conflict.</param>
    /// <returns>The moved cohort; or not found; a conflict when the cohort changed meanwhile; invalid ("To") for a step that is not the next.</returns>
    public async Task<Outcome<Cohort>> MoveAsync(int id, CohortStatus to, int? expectedVersion, CancellationToken ct)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return Shared.Refusal.NotFound;
        if ((expectedVersion is int seen && seen != cohort.Version) || cohort.Status == to)
            return Conflict(cohort.Status);
        if (Refusal(cohort.Status, to) is { } refusal) return Shared.Refusal.Invalid("To", refusal);

        cohort.Status = to;
        cohort.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Cohorts.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync(ct);
            return Conflict(now);
        }
        if (to == CohortStatus.Closed) await closure.CompleteCohortAsync(id, ct);
        return cohort;
    }

    private Shared.Refusal Conflict(CohortStatus now) =>
        Shared.Refusal.Conflict(t["The cohort changed meanwhile"],
            t["Someone else changed this cohort's status meanwhile; it is now {0}. Reload the page and try again.", CohortLabels.Status(now, t)]);
}

public static class CohortLabels
{
    public static string Status(CohortStatus status, IStringLocalizer<CohortsText> t) => status switch
    {
        CohortStatus.Draft => t["Draft"],
        CohortStatus.Open => t["Open"],
        CohortStatus.Matching => t["Matching"],
        CohortStatus.Active => t["Active"],
        CohortStatus.Closing => t["Closing"],
        CohortStatus.Closed => t["Closed"],
        _ => status.ToString(),
    };

    public static string Badge(CohortStatus status) => status switch
    {
        CohortStatus.Open => "text-bg-success",
        CohortStatus.Draft => "text-bg-secondary",
        CohortStatus.Closed => "text-bg-dark",
        _ => "text-bg-info",
    };
}
