using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;
using E = Tandem.Matching.Cohorts;

namespace Tandem.Web.Features.Matching;

/// <summary>A participant as the matching pages show them: application id, name, employer.</summary>
public sealed record Person(int ApplicationId, string UserId, string Name, string? Email, string? Employer, int Capacity);

/// <summary>The engine's input for one cohort plus who each engine id is.</summary>
public sealed record BuiltCohort(
    int CohortId,
    E.CohortInput Input,
    IReadOnlyDictionary<int, Person> Mentees,
    IReadOnlyDictionary<int, Person> Mentors,
    IReadOnlyList<PairRuleView> Rules)
{
    public string Name(int applicationId) =>
        Mentees.TryGetValue(applicationId, out var p) || Mentors.TryGetValue(applicationId, out p) ? p.Name : "#" + applicationId;

    public static string Id(int applicationId) => applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int AppId(string engineId) => int.Parse(engineId, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record PairRuleView(int Id, int MenteeApplicationId, int MentorApplicationId, PairRuleKind Kind);

/// <summary>
/// Turns a cohort's accepted applications and their profiles into the engine's <see cref="E.CohortInput"/>
/// (engine ids are application ids). The result is cached per cohort for a short time so a weight slider
/// only costs an engine run; locks, forbids and rankings invalidate it, application changes change its key.
/// </summary>
public sealed class CohortInputBuilder(TandemDb db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static void Invalidate(IMemoryCache cache, int cohortId) => cache.Remove(Key(cohortId));

    public void Invalidate(int cohortId) => Invalidate(cache, cohortId);

    private static string Key(int cohortId) => "matching-input:" + cohortId;

    private sealed record Cached(string Fingerprint, BuiltCohort Built);

    public async Task<BuiltCohort> GetAsync(int cohortId, CancellationToken ct)
    {
        // A cheap fingerprint of the cohort's applications: an accept, decline or edit changes it.
        var facts = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new
            {
                Count = db.Applications.Count(a => a.CohortId == c.Id),
                Accepted = db.Applications.Count(a => a.CohortId == c.Id && a.Status == ApplicationStatus.Accepted),
                Updated = db.Applications.Where(a => a.CohortId == c.Id).Max(a => (DateTime?)a.UpdatedAt),
                Ids = db.Applications.Where(a => a.CohortId == c.Id && a.Status == ApplicationStatus.Accepted).Sum(a => (long)a.Id), // long: at 50,000 applications the ids add up past int
            })
            .SingleOrDefaultAsync(ct);
        var fingerprint = facts is null ? "none" : $"{facts.Count}:{facts.Accepted}:{facts.Updated?.Ticks}:{facts.Ids}";
        if (cache.TryGetValue(Key(cohortId), out Cached? hit) && hit!.Fingerprint == fingerprint) return hit.Built;
        var built = await BuildAsync(cohortId, ct);
        cache.Set(Key(cohortId), new Cached(fingerprint, built), Lifetime);
        return built;
    }

    private sealed record Row(Application A, Profiles.Profile? P, string? Email);

    public async Task<BuiltCohort> BuildAsync(int cohortId, CancellationToken ct)
    {
        var programId = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => c.ProgramId).SingleAsync(ct);
        var settings = await MatchSettingsEditor.LoadAsync(db, programId, ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProgramId == programId).ToDictionaryAsync(t => t.Id, t => t.Code, ct);

        var rows = await (
                from a in db.Applications.AsNoTracking()
                where a.CohortId == cohortId && a.Status == ApplicationStatus.Accepted
                join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId into ps
                from p in ps.DefaultIfEmpty()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                orderby a.Id
                select new Row(a, p, u.Email))
            .ToListAsync(ct);
        var mentees = rows.Where(r => r.A.Role == ApplicationRole.Mentee).ToList();
        var mentors = rows.Where(r => r.A.Role == ApplicationRole.Mentor).ToList();

        var rankings = (await db.MentorRankings.AsNoTracking().Where(r => r.CohortId == cohortId)
                .Select(r => new { r.MenteeApplicationId, r.MentorApplicationId, r.Rank }).ToListAsync(ct))
            .GroupBy(r => r.MenteeApplicationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(r => r.Rank).Select(r => BuiltCohort.Id(r.MentorApplicationId)).ToList());
        var mentorIds = mentors.Select(m => m.A.Id).ToHashSet();
        var menteeIds = mentees.Select(m => m.A.Id).ToHashSet();

        var rules = await db.PairRules.AsNoTracking().Where(r => r.CohortId == cohortId).OrderBy(r => r.Id)
            .Select(r => new PairRuleView(r.Id, r.MenteeApplicationId, r.MentorApplicationId, r.Kind)).ToListAsync(ct);
        // Rules about people no longer accepted are kept but cannot reach the engine.
        var live = rules.Where(r => menteeIds.Contains(r.MenteeApplicationId) && mentorIds.Contains(r.MentorApplicationId)).ToList();

        // Earlier pairs between the same two people, in any other cohort.
        var previous = await (
                from p in db.Pairs.AsNoTracking()
                where p.CohortId != cohortId
                join me in db.Applications.AsNoTracking() on p.MenteeId equals me.UserId
                join mo in db.Applications.AsNoTracking() on p.MentorId equals mo.UserId
                where me.CohortId == cohortId && me.Role == ApplicationRole.Mentee && me.Status == ApplicationStatus.Accepted
                      && mo.CohortId == cohortId && mo.Role == ApplicationRole.Mentor && mo.Status == ApplicationStatus.Accepted
                select new { Mentee = me.Id, Mentor = mo.Id })
            .Distinct().ToListAsync(ct);

        var input = new E.CohortInput
        {
            Mentees = mentees.Select(r => Mentee(r, tracks, rankings.GetValueOrDefault(r.A.Id, []).Where(id => mentorIds.Contains(BuiltCohort.AppId(id))).ToList(), settings.SameEmployerAllowed || settings.InternalProgram)).ToList(),
            Mentors = mentors.Select(r => Mentor(r, tracks)).ToList(),
            Weights = settings.Weights(),
            Rules = settings.Rules(),
            PreviousPairs = previous.Select(p => new E.PairRef(BuiltCohort.Id(p.Mentee), BuiltCohort.Id(p.Mentor))).ToList(),
            Locked = live.Where(r => r.Kind == PairRuleKind.Lock).Select(Ref).ToList(),
            Forbidden = live.Where(r => r.Kind == PairRuleKind.Forbid).Select(Ref).ToList(),
        };
        return new BuiltCohort(cohortId, input,
            mentees.ToDictionary(r => r.A.Id, ToPerson), mentors.ToDictionary(r => r.A.Id, ToPerson), rules);
    }

    private static E.PairRef Ref(PairRuleView r) => new(BuiltCohort.Id(r.MenteeApplicationId), BuiltCohort.Id(r.MentorApplicationId));

    private static Person ToPerson(Row r) => new(r.A.Id, r.A.UserId, r.P?.DisplayName ?? r.Email ?? r.A.UserId, r.Email, r.P?.Employer,
        r.A.Role == ApplicationRole.Mentor ? Math.Clamp(r.A.Capacity, 1, 5) : 0);

    /// <param name="sameEmployerPossible">A wish for a mentor from one's own employer can only be honoured when the
    /// program allows same-employer pairs; otherwise it is left out (the program's rule applies) rather than
    /// making the whole cohort's input invalid.</param>
    private static E.MenteeProfile Mentee(Row r, Dictionary<int, string> tracks, IReadOnlyList<string> ranked, bool sameEmployerPossible)
    {
        var a = r.A;
        var p = r.P;
        return new E.MenteeProfile
        {
            Id = BuiltCohort.Id(a.Id),
            Track = a.TrackId is int t && tracks.GetValueOrDefault(t) is { } code ? TrackOf(code) : E.Track.Standard,
            Seniority = p?.Seniority is { } s ? Level(s) : E.Seniority.Junior,
            Gender = Blank(p?.Gender),
            GenderPreference = Preference(a.MentorGenderPreference),
            Employer = Blank(p?.Employer),
            City = Blank(p?.City),
            MeetingMode = Mode(a.MeetingMode),
            Languages = Languages(a, p),
            Availability = Slots(a.Availability),
            Interests = TagList.Parse(p?.Interests),
            Goals = new E.MenteeGoals { Tags = TagList.Parse(a.FocusAreas), Text = Blank(a.Flourish) },
            Industry = Blank(p?.Industry),
            Personality = Traits(p),
            OpenToReverse = a.OpenToReverse,
            WantsInternal = a.MentorOrigin switch { MentorOrigin.Internal when sameEmployerPossible => true, MentorOrigin.External => false, _ => null },
            RankedMentors = ranked,
        };
    }

    private static E.MentorProfile Mentor(Row r, Dictionary<int, string> tracks)
    {
        var a = r.A;
        var p = r.P;
        var served = TagList.Parse(a.TracksServed)
            .Select(x => int.TryParse(x, out var id) ? tracks.GetValueOrDefault(id) : null)
            .OfType<string>().Select(TrackOf).Distinct().ToList();
        return new E.MentorProfile
        {
            Id = BuiltCohort.Id(a.Id),
            Seniority = p?.Seniority is { } s ? Level(s) : E.Seniority.Senior,
            Gender = Blank(p?.Gender),
            Employer = Blank(p?.Employer),
            City = Blank(p?.City),
            MeetingMode = Mode(a.MeetingMode),
            Languages = Languages(a, p),
            Availability = Slots(a.Availability),
            Interests = TagList.Parse(p?.Interests),
            Expertise = TagList.Parse(a.Expertise).Concat(TagList.Parse(p?.Expertise)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Industry = Blank(p?.Industry),
            Personality = Traits(p),
            Capacity = Math.Clamp(a.Capacity, 1, 5),
            Tracks = served.Count == 0 ? [E.Track.Standard] : served,
            OpenToReverse = a.OpenToReverse,
        };
    }

    public static E.Track TrackOf(string code) => string.Equals(code, "advanced", StringComparison.OrdinalIgnoreCase) ? E.Track.Advanced : E.Track.Standard;

    public static E.Seniority Level(Seniority s) => s switch
    {
        Seniority.Entry => E.Seniority.Entry,
        Seniority.Junior => E.Seniority.Junior,
        Seniority.MidManagement => E.Seniority.Mid,
        Seniority.Senior => E.Seniority.Senior,
        _ => E.Seniority.Executive,
    };

    private static E.GenderPreference Preference(GenderPreference g) => g switch
    {
        GenderPreference.Same => E.GenderPreference.Same,
        GenderPreference.Cross => E.GenderPreference.Cross,
        _ => E.GenderPreference.Any,
    };

    private static E.MeetingMode Mode(MeetingMode m) => m switch
    {
        MeetingMode.Online => E.MeetingMode.Online,
        MeetingMode.InPerson => E.MeetingMode.InPerson,
        _ => E.MeetingMode.Either,
    };

    private static IReadOnlyList<string> Languages(Application a, Profiles.Profile? p)
    {
        var own = TagList.Parse(a.Languages);
        return own.Count > 0 ? own : TagList.Parse(p?.Languages);
    }

    /// <summary>The application's weekly bitmask (bit day*3 + part) as the engine's slot list.</summary>
    public static IReadOnlyList<int> Slots(int mask) => Enumerable.Range(0, ApplicationRules.SlotCount).Where(i => (mask & (1 << i)) != 0).ToList();

    /// <summary>TIPI traits in the engine's order (openness, conscientiousness, extraversion, agreeableness, neuroticism);
    /// neuroticism is the mirror of emotional stability on the 1..7 scale.</summary>
    public static IReadOnlyList<double>? Traits(Profiles.Profile? p) =>
        p is { Openness: { } o, Conscientiousness: { } c, Extraversion: { } e, Agreeableness: { } a, EmotionalStability: { } s }
            ? [o, c, e, a, 8 - s]
            : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
