using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>What an applicant fills in, already parsed; the page and the API both turn their input into this.</summary>
public sealed record ApplicationFields(
    int? TrackId,
    string? Flourish,
    IReadOnlyList<string> FocusAreas,
    GenderPreference MentorGenderPreference,
    bool OpenToReverse,
    MentorOrigin MentorOrigin,
    MeetingMode MeetingMode,
    int Availability,
    IReadOnlyList<string> Languages,
    int Capacity,
    IReadOnlyList<int> TracksServed,
    IReadOnlyList<string> Expertise,
    string? Offer,
    bool PublicProfile);

/// <summary>The facts about a cohort that eligibility needs, with its program's membership rules.</summary>
public sealed record CohortFacts(
    int Id, string Name, CohortStatus Status, DateOnly OpensOn, DateOnly ClosesOn, DateOnly StartsOn, int ProgramId,
    bool MenteesNeedMembership, bool MentorsNeedMembership)
{
    public bool NeedsMembership(ApplicationRole role) => role == ApplicationRole.Mentee ? MenteesNeedMembership : MentorsNeedMembership;
}

/// <summary>
/// Who may apply to which cohort, in one place for the Apply/Edit pages and the API. Each refusal says
/// what is wrong and what to do about it. Dates are the program's calendar dates, taken as UTC dates.
/// </summary>
public sealed class ApplicationRules(TandemDb db, TimeProvider clock, IStringLocalizer<ApplicationsText> t, IStringLocalizer<ProfilesText> profileText)
{
    public const int MinFlourishLength = 30;
    public const int SlotCount = 21;
    public const int AllSlots = (1 << SlotCount) - 1;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<CohortFacts?> CohortAsync(int cohortId, CancellationToken ct) =>
        db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new CohortFacts(
                c.Id, Localized.Pick(c.Name, c.NameZh), c.Status, c.ApplicationsOpenOn, c.ApplicationsCloseOn, c.StartsOn, c.ProgramId,
                p.MenteesNeedMembership, p.MentorsNeedMembership))
            .SingleOrDefaultAsync(ct);

    public bool WindowOpen(CohortFacts c) => c.Status == CohortStatus.Open && Today >= c.OpensOn && Today <= c.ClosesOn;

    /// <summary>Why applications to this cohort are not taken today, or null when they are.</summary>
    public string? WindowRefusal(CohortFacts c)
    {
        if (WindowOpen(c)) return null;
        if (c.Status == CohortStatus.Draft || (c.Status == CohortStatus.Open && Today < c.OpensOn))
            return t["Applications for {0} open on {1}. Come back then.", c.Name, Date(c.OpensOn)];
        return t["Applications for {0} closed on {1}. Look for the next cohort on My applications.", c.Name, Date(c.ClosesOn)];
    }

    /// <summary>Why the owner may not edit the application now, or null when they may.</summary>
    public string? EditRefusal(ApplicationStatus status, CohortFacts cohort)
    {
        if (status is not (ApplicationStatus.Submitted or ApplicationStatus.Waitlisted))
            return t["Only submitted or waitlisted applications can be edited; this one is {0}.", StatusName(status)];
        if (!WindowOpen(cohort))
            return t["Applications for {0} closed on {1}, so this application can no longer be edited.", cohort.Name, Date(cohort.ClosesOn)];
        return null;
    }

    /// <summary>Why the owner may not withdraw the application now, or null when they may.</summary>
    public string? WithdrawRefusal(ApplicationStatus status, CohortFacts cohort)
    {
        if (status is ApplicationStatus.Withdrawn or ApplicationStatus.Declined)
            return t["This application is already {0}; there is nothing to withdraw.", StatusName(status)];
        if (cohort.Status >= CohortStatus.Active)
            return t["{0} has already started, so applications can no longer be withdrawn. Please contact the coordinator.", cohort.Name];
        return null;
    }

    /// <summary>The checks that do not depend on the form: window, one application per role, profile, membership seat.</summary>
    public async Task<Errors> CheckApplicantAsync(string userId, CohortFacts? cohort, ApplicationRole role, CancellationToken ct)
    {
        if (cohort is null)
            return Errors.One("CohortId", t["We could not find that cohort. Choose one of the open cohorts on My applications."]);
        if (WindowRefusal(cohort) is { } closed)
            return Errors.One("CohortId", closed);

        var errors = new Errors();
        if (await HasLiveApplicationAsync(userId, cohort, role, ct))
            return errors.Add("Role", Duplicate(cohort, role));

        if (await MissingProfileFieldsAsync(userId, role, ct) is { Count: > 0 } missing)
            errors.Add("Profile", t["Your profile is missing: {0}. Complete your profile, then apply again.", string.Join(t[", "], missing)]);

        if (cohort.NeedsMembership(role) && await FreeSeatAsync(userId, cohort, null, ct) is null)
        {
            // The same person's concurrent submission may have taken the seat since the check above:
            // then the true answer is that they already applied.
            if (await HasLiveApplicationAsync(userId, cohort, role, ct))
                return Errors.One("Role", Duplicate(cohort, role));
            errors.Add("Membership", await SeatRefusalAsync(userId, cohort, role, ct));
        }
        return errors;
    }

    private Task<bool> HasLiveApplicationAsync(string userId, CohortFacts cohort, ApplicationRole role, CancellationToken ct) =>
        db.Applications.AsNoTracking()
            .AnyAsync(a => a.CohortId == cohort.Id && a.UserId == userId && a.Role == role && a.Status != ApplicationStatus.Withdrawn, ct);

    public string Duplicate(CohortFacts cohort, ApplicationRole role) =>
        t["You have already applied to {0} as a {1}. Edit that application from My applications instead.", cohort.Name, RoleName(role)];

    /// <summary>Validates the form's fields, and the track seniority rules against the applicant's profile.</summary>
    public async Task<Errors> CheckFieldsAsync(string userId, CohortFacts cohort, ApplicationRole role, ApplicationFields f, CancellationToken ct)
    {
        var errors = new Errors();
        if (f.Availability <= 0)
            errors.Add("Availability", t["Tick at least one time slot when you are available."]);
        else if ((f.Availability & ~AllSlots) != 0)
            errors.Add("Availability", t["Availability has slots outside the weekly grid (bits 0 to 20)."]);
        if (f.Languages.Count == 0)
            errors.Add("Languages", t["List at least one language you can meet in."]);
        if (TagList.Format(f.Languages).Length > 400)
            errors.Add("Languages", t["The list of languages is too long."]);

        var tracks = await db.Tracks.AsNoTracking().Where(tr => tr.ProgramId == cohort.ProgramId)
            .Select(tr => new { tr.Id, tr.Name, tr.MenteeLevels, tr.MentorLevels }).ToListAsync(ct);
        var seniority = await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Seniority).SingleOrDefaultAsync(ct);

        if (role == ApplicationRole.Mentee)
        {
            if (string.IsNullOrWhiteSpace(f.Flourish))
                errors.Add("Flourish", t["Tell us how you want to flourish in the next year."]);
            else if (f.Flourish.Trim().Length < MinFlourishLength)
                errors.Add("Flourish", t["Please be specific about how you want to flourish: write at least {0} characters.", MinFlourishLength]);
            else if (f.Flourish.Length > 4000)
                errors.Add("Flourish", t["Please keep this to at most 4000 characters."]);
            if (TagList.Format(f.FocusAreas).Length > 1000)
                errors.Add("FocusAreas", t["The list of focus areas is too long."]);

            var track = tracks.SingleOrDefault(tr => tr.Id == f.TrackId);
            if (f.TrackId is null)
                errors.Add("TrackId", t["Choose a track."]);
            else if (track is null)
                errors.Add("TrackId", t["That track is not part of this program. Choose one of its tracks."]);
            else if (seniority is { } s && !track.MenteeLevels.Includes(s))
                errors.Add("TrackId", t["The {0} track is for mentees at these levels: {1}. Your profile says {2}. Choose another track, or correct your seniority in your profile.",
                    track.Name, Levels(track.MenteeLevels), SeniorityName(s)]);
        }
        else
        {
            if (f.Capacity is < 1 or > 5)
                errors.Add("Capacity", t["Capacity must be between 1 and 5 mentees."]);
            if (f.Expertise.Count == 0)
                errors.Add("Expertise", t["List at least one area of expertise."]);
            else if (TagList.Format(f.Expertise).Length > 1000)
                errors.Add("Expertise", t["The list of expertise is too long."]);
            if (f.Offer?.Length > 4000)
                errors.Add("Offer", t["Please keep this to at most 4000 characters."]);
            if (f.TracksServed.Count == 0)
                errors.Add("TracksServed", t["Choose at least one track you can serve."]);
            foreach (var id in f.TracksServed.Distinct())
            {
                var track = tracks.SingleOrDefault(tr => tr.Id == id);
                if (track is null)
                    errors.Add("TracksServed", t["That track is not part of this program. Choose one of its tracks."]);
                else if (seniority is { } s && !track.MentorLevels.Includes(s))
                    errors.Add("TracksServed", t["Mentors in the {0} track must be at these levels: {1}. Your profile says {2}. Leave that track out, or correct your seniority in your profile.",
                        track.Name, Levels(track.MentorLevels), SeniorityName(s)]);
            }
        }
        return errors;
    }

    /// <summary>The applicant's profile gaps for matching (the one rule in <see cref="ProfileCompleteness"/>), as localized phrases.</summary>
    public async Task<List<string>> MissingProfileFieldsAsync(string userId, ApplicationRole role, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct)
            ?? new Profile { UserId = userId, DisplayName = "" };
        return ProfileCompleteness.Missing(profile, forMentor: role == ApplicationRole.Mentor)
            .Select(gap => ProfileCompleteness.Describe(gap, profileText)).ToList();
    }

    /// <summary>
    /// A membership of this user that covers the cohort's start and holds no other application's seat.
    /// One membership is one cohort seat (the unique index on Application.MembershipId is the backstop).
    /// </summary>
    public Task<int?> FreeSeatAsync(string userId, CohortFacts cohort, int? exceptApplicationId, CancellationToken ct) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.ProgramId == cohort.ProgramId && m.StartsOn <= cohort.StartsOn && m.EndsOn >= cohort.StartsOn)
            .Where(m => !db.Applications.Any(a => a.MembershipId == m.Id && a.Id != exceptApplicationId))
            .OrderBy(m => m.EndsOn).ThenBy(m => m.Id)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);

    public async Task<string> SeatRefusalAsync(string userId, CohortFacts cohort, ApplicationRole role, CancellationToken ct)
    {
        var usedIn = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.ProgramId == cohort.ProgramId && m.StartsOn <= cohort.StartsOn && m.EndsOn >= cohort.StartsOn)
            .Join(db.Applications, m => (int?)m.Id, a => a.MembershipId, (m, a) => a.CohortId)
            .Join(db.Cohorts, id => id, c => c.Id, (id, c) => c.Name)
            .FirstOrDefaultAsync(ct);
        return usedIn is null
            ? t["Applying as a {0} needs a membership that covers {1}, when {2} starts. Get a membership, then apply again.", RoleName(role), Date(cohort.StartsOn), cohort.Name]
            : t["Your membership covering {0} already holds your seat in {1}. One membership grants one cohort seat: get a second membership to join {2} too.", Date(cohort.StartsOn), usedIn, cohort.Name];
    }

    public string RoleName(ApplicationRole role) => role == ApplicationRole.Mentee ? t["mentee"] : t["mentor"];

    public string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => t["Submitted"],
        ApplicationStatus.Accepted => t["Accepted"],
        ApplicationStatus.Waitlisted => t["Waitlisted"],
        ApplicationStatus.Declined => t["Declined"],
        _ => t["Withdrawn"],
    };

    public string SeniorityName(Seniority s) => s switch
    {
        Seniority.Entry => t["Entry"],
        Seniority.Junior => t["Junior"],
        Seniority.MidManagement => t["Mid-management"],
        Seniority.Senior => t["Senior"],
        _ => t["Executive"],
    };

    public string Levels(SeniorityLevels levels) => string.Join(t[", "], levels.Members().Select(SeniorityName));

    public static string Date(DateOnly d) => d.ToString("d", CultureInfo.CurrentCulture);
}
