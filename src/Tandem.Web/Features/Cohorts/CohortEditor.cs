using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Cohorts;

/// <param name="EndsOn">Optional: defaults to <paramref name="StartsOn"/> plus the program's cohort length.</param>
/// <param name="NameZh">Optional Chinese name; the Chinese UI falls back to <paramref name="Name"/>.</param>
public sealed record CohortRequest(string? Name, DateOnly? ApplicationsOpenOn, DateOnly? ApplicationsCloseOn, DateOnly? StartsOn, DateOnly? EndsOn = null, string? NameZh = null);

/// <summary>Creates and edits cohorts (name and dates); status changes go through <see cref="CohortTransitions"/>.</summary>
public sealed class CohortEditor(TandemDb db, IStringLocalizer<CohortsText> t)
{
    public async Task<Outcome<Cohort>> CreateAsync(CohortRequest request, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var cohort = new Cohort { ProgramId = programId, Name = "", Status = CohortStatus.Draft };
        var errors = await ApplyAsync(cohort, request, ct);
        if (errors.Any) return errors;
        db.Cohorts.Add(cohort);
        return await SaveAsync(cohort, ct);
    }

    public async Task<Outcome<Cohort>> UpdateAsync(int id, CohortRequest request, CancellationToken ct)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null) return Refusal.NotFound;
        if (cohort.Status == CohortStatus.Closed) return Errors.One("", t["A closed cohort can no longer be changed."]);
        var errors = await ApplyAsync(cohort, request, ct);
        if (errors.Any) return errors;
        return await SaveAsync(cohort, ct);
    }

    /// <summary>The unique index settles a race between two coordinators choosing the same name.</summary>
    private async Task<Outcome<Cohort>> SaveAsync(Cohort cohort, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return cohort;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Errors.One("Name", t["Another cohort is already called \"{0}\".", cohort.Name]);
        }
    }

    /// <summary>The dates the form suggests: applications for four weeks, starting two weeks after they close.</summary>
    public static CohortRequest Suggest(DateOnly today, int cohortLengthMonths)
    {
        var opens = today;
        var closes = today.AddDays(28);
        var starts = closes.AddDays(14);
        return new CohortRequest(null, opens, closes, starts, starts.AddMonths(cohortLengthMonths));
    }

    private async Task<Errors> ApplyAsync(Cohort cohort, CohortRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Name", t["Please give the cohort a name, e.g. \"2026 Spring\"."]);
        else if (name.Length > 100) errors.Add("Name", t["The name can be at most 100 characters."]);
        else if (await db.Cohorts.AnyAsync(c => c.ProgramId == cohort.ProgramId && c.Name == name && c.Id != cohort.Id, ct))
            errors.Add("Name", t["Another cohort is already called \"{0}\".", name]);
        if (r.NameZh?.Trim().Length > 100) errors.Add("NameZh", t["The name can be at most 100 characters."]);

        if (r.ApplicationsOpenOn is null) errors.Add("ApplicationsOpenOn", t["Please enter when applications open."]);
        if (r.ApplicationsCloseOn is null) errors.Add("ApplicationsCloseOn", t["Please enter when applications close."]);
        if (r.StartsOn is null) errors.Add("StartsOn", t["Please enter when the cohort starts."]);
        if (errors.Any) return errors;

        var length = await db.Programs.Where(p => p.Id == cohort.ProgramId).Select(p => p.CohortLengthMonths).SingleAsync(ct);
        var starts = r.StartsOn!.Value;
        var ends = r.EndsOn ?? starts.AddMonths(length);
        if (r.ApplicationsCloseOn < r.ApplicationsOpenOn) errors.Add("ApplicationsCloseOn", t["Applications must close on or after the day they open."]);
        if (r.ApplicationsCloseOn > starts) errors.Add("ApplicationsCloseOn", t["Applications must close on or before the day the cohort starts."]);
        if (ends <= starts) errors.Add("EndsOn", t["The cohort must end after it starts."]);
        if (errors.Any) return errors;

        cohort.Name = name;
        cohort.NameZh = Localized.Clean(r.NameZh);
        cohort.ApplicationsOpenOn = r.ApplicationsOpenOn!.Value;
        cohort.ApplicationsCloseOn = r.ApplicationsCloseOn!.Value;
        cohort.StartsOn = starts;
        cohort.EndsOn = ends;
        return errors;
    }
}
