using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>Mentor application ids, best first; at most five.</summary>
public sealed record RankingRequest(int[]? MentorApplicationIds);

public sealed record RankedMentor(int Rank, int MentorApplicationId, string Name, string? JobTitle, string? Employer);

public sealed record MentorOption(int MentorApplicationId, string Name, string? JobTitle, string? Employer, string? Industry, IReadOnlyList<string> Expertise);

public sealed record MyRankingResponse(int CohortId, string CohortName, int MenteeApplicationId, bool WindowOpen, IReadOnlyList<RankedMentor> Ranking);

/// <summary>A mentee's ranking of up to five published mentors of her cohort, while applications are open.</summary>
public sealed class MentorRankings(TandemDb db, ApplicationRules applicationRules, IMemoryCache cache, IStringLocalizer<MatchingText> t)
{
    public const int MaxRanked = 5;
    public const int PageSize = 24;

    /// <summary>Mentors shown in the public directory for this cohort (the same rule as Features/Public/MentorDirectory).</summary>
    private IQueryable<Application> PublicMentors(int cohortId) =>
        from a in db.Applications.AsNoTracking()
        join c in db.Cohorts.AsNoTracking() on a.CohortId equals c.Id
        where a.CohortId == cohortId && a.Role == ApplicationRole.Mentor && a.PublicProfile && c.Status != CohortStatus.Draft
              && (a.Status == ApplicationStatus.Accepted || (c.Status == CohortStatus.Open && a.Status == ApplicationStatus.Submitted))
        select a;

    private IQueryable<Application> Offered(int cohortId, IReadOnlyCollection<int>? only)
    {
        if (only is null) return PublicMentors(cohortId);
        var ids = only.ToList();
        return PublicMentors(cohortId).Where(a => ids.Contains(a.Id));
    }

    private Task<int?> MenteeApplicationAsync(int cohortId, string userId, CancellationToken ct) =>
        db.Applications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.UserId == userId && a.Role == ApplicationRole.Mentee
                        && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Declined)
            .Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The published mentors this mentee could really be matched with: serving her track, fitting both sides' gender
    /// preference, sharing a language (the engine's hard rules that do not depend on the rest of the cohort).
    /// Null when the caller has no mentee application here (then nothing is filtered: there is no one to fit).
    /// </summary>
    public async Task<HashSet<int>?> MatchableAsync(int cohortId, string userId, CancellationToken ct)
    {
        var me = await (from a in db.Applications.AsNoTracking()
                        where a.CohortId == cohortId && a.UserId == userId && a.Role == ApplicationRole.Mentee
                              && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Declined
                        select new { a.TrackId, a.MentorGenderPreference, a.Languages, Profile = db.Profiles.Where(p => p.UserId == a.UserId).Select(p => new { p.Gender, p.Languages }).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (me is null) return null;
        var mentors = await (from a in PublicMentors(cohortId)
                             join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId into ps
                             from p in ps.DefaultIfEmpty()
                             select new { a.Id, a.TracksServed, a.MentorGenderPreference, a.Languages, Gender = p == null ? null : p.Gender, ProfileLanguages = p == null ? null : p.Languages })
            .ToListAsync(ct);
        var track = me.TrackId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var myLanguages = Languages(me.Languages, me.Profile?.Languages);
        var myGender = Gender(me.Profile?.Gender);
        return mentors.Where(m =>
                (track is null || TagList.Parse(m.TracksServed).Contains(track))
                && Accepts(me.MentorGenderPreference, myGender, Gender(m.Gender)) && Accepts(m.MentorGenderPreference, Gender(m.Gender), myGender)
                && Languages(m.Languages, m.ProfileLanguages).Overlaps(myLanguages))
            .Select(m => m.Id).ToHashSet();

        static HashSet<string> Languages(string? own, string? profile)
        {
            var list = TagList.Parse(own);
            return (list.Count > 0 ? list : TagList.Parse(profile)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        static string? Gender(string? g) => string.IsNullOrWhiteSpace(g) ? null : g.Trim().ToLowerInvariant();
        // The engine's rule: a preference holds only when both genders are known.
        static bool Accepts(GenderPreference preference, string? own, string? other) => preference switch
        {
            GenderPreference.Same => own is not null && own == other,
            GenderPreference.Cross => own is not null && other is not null && own != other,
            _ => true,
        };
    }

    public async Task<Outcome<MyRankingResponse>> GetAsync(int cohortId, string userId, CancellationToken ct)
    {
        var cohort = await applicationRules.CohortAsync(cohortId, ct);
        if (cohort is null) return Refusal.NotFound;
        if (await MenteeApplicationAsync(cohortId, userId, ct) is not int mentee)
            return Errors.One("", t["Only mentees who applied to this cohort can rank its mentors."]);
        var ranking = await (
                from r in db.MentorRankings.AsNoTracking().Where(r => r.MenteeApplicationId == mentee)
                join a in db.Applications.AsNoTracking() on r.MentorApplicationId equals a.Id
                join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId
                orderby r.Rank
                select new RankedMentor(r.Rank, r.MentorApplicationId, p.DisplayName, p.JobTitle, p.Employer))
            .ToListAsync(ct);
        return new MyRankingResponse(cohortId, cohort.Name, mentee, applicationRules.WindowOpen(cohort), ranking);
    }

    /// <summary>Published mentors of the cohort (only those in <paramref name="only"/> when given), searched by name, title or expertise.</summary>
    public Task<PageResponse<MentorOption>> MentorsAsync(int cohortId, string? q, int? page, CancellationToken ct, IReadOnlyCollection<int>? only = null)
    {
        var query = from a in Offered(cohortId, only)
                    join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId
                    select new { a, p };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.Like(x.p.DisplayName.ToLower(), like, "\\") || EF.Functions.Like((x.p.JobTitle ?? "").ToLower(), like, "\\")
                                     || EF.Functions.Like(x.a.Expertise, like, "\\"));
        }
        return query.OrderBy(x => x.p.DisplayName).ThenBy(x => x.a.Id)
            .Select(x => new { x.a.Id, x.p.DisplayName, x.p.JobTitle, x.p.Employer, x.p.Industry, x.a.Expertise })
            .ToPageAsync(page, PageSize, async rows => (await rows.ToListAsync(ct))
                .Select(r => new MentorOption(r.Id, r.DisplayName, r.JobTitle, r.Employer, r.Industry, TagList.Parse(r.Expertise))).ToList(), ct);
    }

    /// <summary>All published mentors of the cohort as (id, label) for the rank selectors.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> ChoicesAsync(int cohortId, CancellationToken ct, IReadOnlyCollection<int>? only = null) =>
        (await (from a in Offered(cohortId, only)
                join p in db.Profiles.AsNoTracking() on a.UserId equals p.UserId
                orderby p.DisplayName
                select new { a.Id, p.DisplayName, p.JobTitle }).ToListAsync(ct))
        .Select(x => (x.Id, string.IsNullOrEmpty(x.JobTitle) ? x.DisplayName : x.DisplayName + " — " + x.JobTitle)).ToList();

    /// <summary>Replaces the mentee's ranking. Refused: more than five, duplicates, a mentor not published in this cohort, a closed window.</summary>
    public async Task<Outcome<MyRankingResponse>> SaveAsync(int cohortId, string userId, RankingRequest request, CancellationToken ct)
    {
        var cohort = await applicationRules.CohortAsync(cohortId, ct);
        if (cohort is null) return Refusal.NotFound;
        if (await MenteeApplicationAsync(cohortId, userId, ct) is not int mentee)
            return Errors.One("", t["Only mentees who applied to this cohort can rank its mentors."]);
        if (!applicationRules.WindowOpen(cohort))
            return Errors.One("", t["Mentors can be ranked only while applications to the cohort are open."]);

        var ids = request.MentorApplicationIds ?? [];
        var errors = new Errors();
        if (ids.Length > MaxRanked) errors.Add(nameof(request.MentorApplicationIds), t["Rank at most {0} mentors.", MaxRanked]);
        if (ids.Distinct().Count() != ids.Length) errors.Add(nameof(request.MentorApplicationIds), t["Each mentor can be ranked only once."]);
        var known = await PublicMentors(cohortId).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (ids.Except(known).Any()) errors.Add(nameof(request.MentorApplicationIds), t["Choose mentors from this cohort's published mentor profiles."]);
        else if (await MatchableAsync(cohortId, userId, ct) is { } matchable && ids.Any(id => !matchable.Contains(id)))
            errors.Add(nameof(request.MentorApplicationIds), t["Choose mentors you could be matched with: they serve your track, fit the gender preferences and share a language with you."]);
        if (errors.Any) return errors;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.MentorRankings.Where(r => r.MenteeApplicationId == mentee).ExecuteDeleteAsync(ct);
            db.MentorRankings.AddRange(ids.Select((id, i) => new MentorRanking { CohortId = cohortId, MenteeApplicationId = mentee, MentorApplicationId = id, Rank = i + 1 }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        CohortInputBuilder.Invalidate(cache, cohortId);
        return await GetAsync(cohortId, userId, ct);
    }
}
