using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <summary>What a transition will do and what to look at first (see <see cref="StepPreview"/>).</summary>
public sealed record TransitionPreview(int CohortId, CohortStatus From, CohortStatus To, int Version, StepPreview Step);

/// <summary>
/// A cohort moves strictly forward, one step at a time: Draft → Open → Matching → Active → Closing → Closed.
/// Each step is shown first (<see cref="PreviewAsync"/>: its consequences and warnings, such as unreviewed applications
/// or pairs still active) and taken only when the coordinator confirms (<see cref="MoveAsync"/>).
/// Two coordinators moving the same cohort at once: the <see cref="Cohort.Version"/> concurrency token lets
/// exactly one win; the other gets a conflict, never an error page.
/// </summary>
public sealed class CohortTransitions(TandemDb db, IStringLocalizer<CohortsText> t, Closure.ClosureBook closure, TimeProvider clock, Audit.AuditLog audit)
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

    /// <summary>The program's today: cohort dates are calendar days where the program runs.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZones.ToLocal(clock.GetUtcNow().UtcDateTime, TimeZones.Fallback));

    /// <summary>The consequences and warnings of moving the cohort to <paramref name="to"/>; nothing changes.</summary>
    public async Task<Outcome<TransitionPreview>> PreviewAsync(int id, CohortStatus to, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return Shared.Refusal.NotFound;
        // Someone already took this step (a double submit, a second coordinator): a conflict, as in MoveAsync.
        if (cohort.Status == to) return Conflict(cohort.Status);
        if (Refusal(cohort.Status, to) is { } refusal) return Shared.Refusal.Invalid("To", refusal);

        var today = Today();
        var consequences = new List<string>();
        var warnings = new List<StepWarning>();
        void Warn(string code, string message) => warnings.Add(new StepWarning(code, message));
        switch (to)
        {
            case CohortStatus.Open:
                consequences.Add(t["Members can see the cohort and apply as mentee or mentor until {0}.", D(cohort.ApplicationsCloseOn)]);
                if (today < cohort.ApplicationsOpenOn)
                    Warn("windowNotOpenYet", t["The application window opens on {0}: opening now lets members apply {1} days early.", D(cohort.ApplicationsOpenOn), cohort.ApplicationsOpenOn.DayNumber - today.DayNumber]);
                if (today > cohort.ApplicationsCloseOn)
                    Warn("windowClosed", t["The application window closed on {0}: change the dates first, or nobody can apply.", D(cohort.ApplicationsCloseOn)]);
                break;
            case CohortStatus.Matching:
                consequences.Add(t["Applications close: members can no longer apply to this cohort."]);
                consequences.Add(t["You can run, adjust and publish the matching."]);
                var unreviewed = await db.Applications.CountAsync(a => a.CohortId == id && a.Status == ApplicationStatus.Submitted, ct);
                if (unreviewed > 0)
                    Warn("unreviewedApplications", t["{0} applications are still waiting for review: they will not be matched unless you accept them.", unreviewed]);
                if (today <= cohort.ApplicationsCloseOn)
                    Warn("windowStillOpen", t["The application window is open until {0}: moving on closes it early.", D(cohort.ApplicationsCloseOn)]);
                break;
            case CohortStatus.Active:
                var pairs = await db.Pairs.CountAsync(p => p.CohortId == id, ct);
                consequences.Add(t["The cohort starts: its pairs' months begin, with pace tracking and reminders."]);
                if (pairs == 0)
                    Warn("noPublishedMatching", t["No matching has been published: the cohort will start without any pairs. Publish the matching instead to start it with its pairs."]);
                else
                    consequences.Add(t["{0} published pairs take part.", pairs]);
                break;
            case CohortStatus.Closing:
                consequences.Add(t["Feedback, feedforward and closing words open for every pair."]);
                if (today < cohort.EndsOn)
                    Warn("beforeEndDate", t["The cohort runs until {0}: closing now starts its end {1} days early.", D(cohort.EndsOn), cohort.EndsOn.DayNumber - today.DayNumber]);
                break;
            case CohortStatus.Closed:
                var end = await closure.PreviewCohortEndAsync(id, ct);
                consequences.Add(t["Every active pair closes with its true outcome: Completed only when it held at least {0} meetings, otherwise Ended below the minimum.", end.MinimumMeetings]);
                consequences.Add(t["{0} pairs will be Completed and {1} will end below the minimum.", end.Completed, end.BelowMinimum]);
                consequences.Add(t["Members get their certificates, which state the meetings they held. A closed cohort cannot change again."]);
                if (end.Pairs > 0)
                    Warn("activePairs", t["{0} pairs are still active; {1} of them held fewer than {2} meetings.", end.Pairs, end.BelowMinimum, end.MinimumMeetings]);
                break;
        }
        return new TransitionPreview(id, cohort.Status, to, cohort.Version, new StepPreview(consequences, warnings));
    }

    /// <param name="expectedVersion">The version the coordinator saw; a different current version is a conflict.</param>
    /// <returns>The moved cohort; or not found; a conflict when the cohort changed meanwhile; invalid ("To") for a step that is not the next.</returns>
    /// <remarks>Callers show <see cref="PreviewAsync"/> first and move only on confirmation; publishing a matching moves
    /// Matching → Active through here after its own confirmation.</remarks>
    /// <param name="audited">False when the caller records the move as part of its own action (publishing).</param>
    public async Task<Outcome<Cohort>> MoveAsync(int id, CohortStatus to, int? expectedVersion, CancellationToken ct, bool audited = true)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return Shared.Refusal.NotFound;
        if ((expectedVersion is int seen && seen != cohort.Version) || cohort.Status == to)
            return Conflict(cohort.Status);
        if (Refusal(cohort.Status, to) is { } refusal) return Shared.Refusal.Invalid("To", refusal);

        // Closing the cohort and recording its pairs' outcomes happen together or not at all.
        await using var tx = to == CohortStatus.Closed && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (audited) audit.Add(Audit.AuditActions.CohortMoved, "cohort", cohort.Id, cohort.Id, $"{cohort.Status} → {to}");
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
        if (tx is not null) await tx.CommitAsync(ct);
        return cohort;
    }

    private Shared.Refusal Conflict(CohortStatus now) =>
        Shared.Refusal.Conflict(t["The cohort changed meanwhile"],
            t["Someone else changed this cohort's status meanwhile; it is now {0}. Reload the page and try again.", CohortLabels.Status(now, t)]);

    private static string D(DateOnly d) => d.ToString("d", CultureInfo.CurrentCulture);
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
