using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Tandem.Matching.Cohorts;
using Tandem.Web.Data;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>The program's matching weights (one per criterion of <see cref="Criteria"/>, each 0..10) and rules.</summary>
public sealed record MatchSettingsRequest : MatchWeights
{
    public MatchSettingsRequest()
    {
    }

    public MatchSettingsRequest(MatchWeights weights) : base(weights)
    {
    }

    /// <summary>Shared weekly slots a pair needs, 0..21.</summary>
    public int MinSharedSlots { get; init; } = 1;
    public bool SameEmployerAllowed { get; init; }
    /// <summary>A corporate program: mentee and mentor must share the employer.</summary>
    public bool InternalProgram { get; init; }

    public static MatchSettingsRequest From(MatchSettings s) =>
        new(s.Weights()) { MinSharedSlots = s.MinSharedSlots, SameEmployerAllowed = s.SameEmployerAllowed, InternalProgram = s.InternalProgram };
}

/// <summary>Reads and changes the program's <see cref="MatchSettings"/> (the row is created with defaults on first use).</summary>
public sealed class MatchSettingsEditor(TandemDb db, TimeProvider clock, IMemoryCache cache, IStringLocalizer<MatchingText> t, Audit.AuditLog audit)
{
    public static async Task<MatchSettings> LoadAsync(TandemDb db, int programId, CancellationToken ct) =>
        await db.MatchSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProgramId == programId, ct) ?? new MatchSettings { ProgramId = programId };

    public async Task<MatchSettings> LoadAsync(CancellationToken ct) => await LoadAsync(db, await ProgramDefaults.CurrentIdAsync(db, ct), ct);

    public async Task<Outcome<MatchSettings>> UpdateAsync(MatchSettingsRequest request, CancellationToken ct)
    {
        var errors = CheckWeights(request, t);
        if (request.MinSharedSlots is < 0 or > ApplicationsSlots)
            errors.Add(nameof(request.MinSharedSlots), t["Shared slots must be between 0 and 21."]);
        if (errors.Any) return errors;

        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var settings = await db.MatchSettings.SingleOrDefaultAsync(s => s.ProgramId == programId, ct);
        if (settings is null)
        {
            settings = new MatchSettings { ProgramId = programId };
            db.MatchSettings.Add(settings);
        }
        settings.Use(request);
        settings.MinSharedSlots = request.MinSharedSlots;
        settings.SameEmployerAllowed = request.SameEmployerAllowed;
        settings.InternalProgram = request.InternalProgram;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(Audit.AuditActions.MatchSettingsChanged, "program", programId, null, $"weights and rules saved; min shared slots {settings.MinSharedSlots}");
        await db.SaveChangesAsync(ct);

        // Every cohort of the program reads these weights: drop the cached inputs.
        foreach (var id in await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == programId).Select(c => c.Id).ToListAsync(ct))
            CohortInputBuilder.Invalidate(cache, id);
        return settings;
    }

    private const int ApplicationsSlots = Applications.ApplicationRules.SlotCount;

    public const double MaxWeight = 10;

    /// <summary>Each weight 0..10 and at least one above 0; errors are keyed by criterion ("Goals"), after <paramref name="prefix"/>.</summary>
    public static Errors CheckWeights(MatchWeights weights, IStringLocalizer<MatchingText> t, string prefix = "")
    {
        var errors = new Errors();
        foreach (var c in Criteria.All)
        {
            var value = weights[c.Criterion];
            if (double.IsNaN(value) || value < 0 || value > MaxWeight)
                errors.Add(prefix + c.Criterion, t["Each weight must be between 0 and 10."]);
        }
        if (!errors.Any && Criteria.All.All(c => weights[c.Criterion] == 0))
            errors.Add(prefix.TrimEnd('.'), t["At least one weight must be above 0."]);
        return errors;
    }
}
