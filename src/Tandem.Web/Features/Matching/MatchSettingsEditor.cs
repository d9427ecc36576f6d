using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>One weight per criterion (0..10) and the program's matching rules.</summary>
public sealed record MatchSettingsRequest(
    double Interests = 1, double Goals = 2, double Industry = 0.5, double Personality = 0.5, double Availability = 1,
    double SeniorityGap = 1, double ReverseFit = 0.5, double MenteeRanking = 1.5,
    int MinSharedSlots = 1, bool SameEmployerAllowed = false, bool InternalProgram = false)
{
    public static MatchSettingsRequest From(MatchSettings s) => new(s.Interests, s.Goals, s.Industry, s.Personality, s.Availability,
        s.SeniorityGap, s.ReverseFit, s.MenteeRanking, s.MinSharedSlots, s.SameEmployerAllowed, s.InternalProgram);

    public WeightsRequest Weights() => new(Interests, Goals, Industry, Personality, Availability, SeniorityGap, ReverseFit, MenteeRanking);
}

/// <summary>Weights for one run or what-if; each 0..10.</summary>
public sealed record WeightsRequest(
    double Interests = 1, double Goals = 2, double Industry = 0.5, double Personality = 0.5, double Availability = 1,
    double SeniorityGap = 1, double ReverseFit = 0.5, double MenteeRanking = 1.5)
{
    public const double Max = 10;

    public Tandem.Matching.Cohorts.MatchWeights ToEngine() => new()
    {
        Interests = Interests, Goals = Goals, Industry = Industry, Personality = Personality,
        Availability = Availability, SeniorityGap = SeniorityGap, ReverseFit = ReverseFit, MenteeRanking = MenteeRanking,
    };

    public static WeightsRequest From(Tandem.Matching.Cohorts.MatchWeights w) =>
        new(w.Interests, w.Goals, w.Industry, w.Personality, w.Availability, w.SeniorityGap, w.ReverseFit, w.MenteeRanking);

    public IEnumerable<(string Field, double Value)> Values() =>
    [
        (nameof(Interests), Interests), (nameof(Goals), Goals), (nameof(Industry), Industry), (nameof(Personality), Personality),
        (nameof(Availability), Availability), (nameof(SeniorityGap), SeniorityGap), (nameof(ReverseFit), ReverseFit), (nameof(MenteeRanking), MenteeRanking),
    ];

    /// <summary>Each weight 0..10 and at least one above 0.</summary>
    public Errors Check(IStringLocalizer<MatchingText> t, string prefix = "")
    {
        var errors = new Errors();
        foreach (var (field, value) in Values())
            if (double.IsNaN(value) || value < 0 || value > Max)
                errors.Add(prefix + field, t["Each weight must be between 0 and 10."]);
        if (!errors.Any && Values().All(v => v.Value == 0))
            errors.Add(prefix.TrimEnd('.'), t["At least one weight must be above 0."]);
        return errors;
    }
}

/// <summary>Reads and changes the program's <see cref="MatchSettings"/> (the row is created with defaults on first use).</summary>
public sealed class MatchSettingsEditor(TandemDb db, TimeProvider clock, IMemoryCache cache, IStringLocalizer<MatchingText> t)
{
    public static async Task<MatchSettings> LoadAsync(TandemDb db, int programId, CancellationToken ct) =>
        await db.MatchSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProgramId == programId, ct) ?? new MatchSettings { ProgramId = programId };

    public async Task<MatchSettings> LoadAsync(CancellationToken ct) => await LoadAsync(db, await ProgramDefaults.CurrentIdAsync(db, ct), ct);

    public async Task<Outcome<MatchSettings>> UpdateAsync(MatchSettingsRequest request, CancellationToken ct)
    {
        var errors = request.Weights().Check(t);
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
        (settings.Interests, settings.Goals, settings.Industry, settings.Personality) = (request.Interests, request.Goals, request.Industry, request.Personality);
        (settings.Availability, settings.SeniorityGap, settings.ReverseFit, settings.MenteeRanking) = (request.Availability, request.SeniorityGap, request.ReverseFit, request.MenteeRanking);
        settings.MinSharedSlots = request.MinSharedSlots;
        settings.SameEmployerAllowed = request.SameEmployerAllowed;
        settings.InternalProgram = request.InternalProgram;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        // Every cohort of the program reads these weights: drop the cached inputs.
        foreach (var id in await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == programId).Select(c => c.Id).ToListAsync(ct))
            CohortInputBuilder.Invalidate(cache, id);
        return settings;
    }

    private const int ApplicationsSlots = Applications.ApplicationRules.SlotCount;
}
