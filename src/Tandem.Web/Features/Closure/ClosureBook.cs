using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Closure;

[JsonConverter(typeof(JsonStringEnumConverter<EarlyReason>))]
public enum EarlyReason
{
    GoalsReached = CloseReason.GoalsReached,
    Mismatch = CloseReason.Mismatch,
    PersonalReasons = CloseReason.PersonalReasons,
    NoResponse = CloseReason.NoResponse,
}

/// <param name="Confirm">Must be true: without it nothing changes and the answer lists what closing would do.</param>
public sealed record CloseRequest(EarlyReason? Reason, bool Confirm = false);
public sealed record ReflectionRequest(string? Reflection, string? Gratitude, string? TransitionPlan);
public sealed record RepairRequest(string? MentorId);

public sealed record ReflectionResponse(string Reflection, string Gratitude, string TransitionPlan, DateTime SubmittedAt);

/// <summary>A member's closure view: the pair's state, their own reflection and the other's gratitude note.</summary>
public sealed record ClosureView(int PairId, PairRole Role, string OtherName, PairStatus Status, CloseReason? CloseReason, DateTime? ClosedAt,
    bool ReflectionOpen, ReflectionResponse? Mine, string? GratitudeFromOther);

public sealed record AlumniPair(int PairId, string CohortName, PairRole Role, PairStatus Status, DateTime? ClosedAt);
public sealed record AlumniResponse(bool IsAlumni, IReadOnlyList<AlumniPair> Pairs);

/// <summary>What a person's certificate states: the meetings held against the minimum, and the pair's true outcome.</summary>
public sealed record Certificate(string Name, PairRole Role, string CohortName, string ProgramName, DateOnly From, DateOnly To, int MeetingsHeld,
    int MinimumMeetings, PairStatus Status);

/// <summary>How a cohort's active pairs end: <paramref name="Completed"/> met the minimum, <paramref name="BelowMinimum"/> did not.</summary>
public sealed record CohortEnd(int Completed, int BelowMinimum, int MinimumMeetings)
{
    public int Pairs => Completed + BelowMinimum;
}

public sealed record SpareMentor(string UserId, string Name, int Capacity, int Active);

/// <summary>
/// Closing a pair: at the cohort's end (<see cref="CompleteCohortAsync"/>, called when a cohort moves to Closed) or
/// early by either member or a coordinator, with a reason. Closed pairs ask each person for a reflection, a gratitude
/// note (shown to the other) and a transition plan; both become alumni. After an early close a coordinator may
/// re-pair the mentee with an accepted mentor of the cohort who has room.
/// </summary>
public sealed class ClosureBook(TandemDb db, PairFacts facts, Notices notices, TimeProvider clock, Audit.AuditLog audit, IStringLocalizer<ClosureText> t)
{
    public const int MaxText = 4000;

    /// <summary>A pair's true outcome when its cohort ends: Completed only when it held the program's minimum meetings.</summary>
    public static PairStatus OutcomeAtEnd(int held, int minimum) => held >= minimum ? PairStatus.Completed : PairStatus.BelowMinimum;

    /// <summary>
    /// Every active pair of the cohort closes with its true outcome (<see cref="OutcomeAtEnd"/>), counted from its held
    /// meetings; returns how many ended each way.
    /// </summary>
    public async Task<CohortEnd> CompleteCohortAsync(int cohortId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minimum = (await facts.SettingsAsync(ct)).MinimumMeetings;
        var held = await HeldAsync(db.Pairs.Where(p => p.CohortId == cohortId && p.Status == PairStatus.Active), ct);
        var pairs = await db.Pairs.Where(p => p.CohortId == cohortId && p.Status == PairStatus.Active).ToListAsync(ct);
        foreach (var p in pairs)
        {
            p.Status = OutcomeAtEnd(held.GetValueOrDefault(p.Id), minimum);
            p.ClosedAt = now;
            p.CloseReason = CloseReason.CohortEnded;
            p.MeetingsHeldAtClose = held.GetValueOrDefault(p.Id);
            p.MinimumMeetingsAtClose = minimum;
        }
        await notices.AddAsync(NoticeKinds.PairCompleted, pairs.Where(p => p.Status == PairStatus.Completed)
            .SelectMany(p => new[] { p.MenteeId, p.MentorId }.Select(u => new Notice(u, $"/Closure/{p.Id}", []))).ToList(), ct);
        await notices.AddAsync(NoticeKinds.PairEndedBelowMinimum, pairs.Where(p => p.Status == PairStatus.BelowMinimum)
            .SelectMany(p => new[] { p.MenteeId, p.MentorId }.Select(u => new Notice(u, $"/Closure/{p.Id}",
                [NoticeArg.Number(p.MeetingsHeldAtClose ?? 0), NoticeArg.Number(minimum)]))).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return new CohortEnd(pairs.Count(p => p.Status == PairStatus.Completed), pairs.Count(p => p.Status == PairStatus.BelowMinimum), minimum);
    }

    /// <summary>What closing the cohort now would record, for the confirmation step.</summary>
    public async Task<CohortEnd> PreviewCohortEndAsync(int cohortId, CancellationToken ct)
    {
        var minimum = (await facts.SettingsAsync(ct)).MinimumMeetings;
        var held = await HeldAsync(db.Pairs.AsNoTracking().Where(p => p.CohortId == cohortId && p.Status == PairStatus.Active), ct);
        var ids = await db.Pairs.AsNoTracking().Where(p => p.CohortId == cohortId && p.Status == PairStatus.Active).Select(p => p.Id).ToListAsync(ct);
        var completed = ids.Count(id => OutcomeAtEnd(held.GetValueOrDefault(id), minimum) == PairStatus.Completed);
        return new CohortEnd(completed, ids.Count - completed, minimum);
    }

    private async Task<Dictionary<int, int>> HeldAsync(IQueryable<Pair> pairs, CancellationToken ct) =>
        await pairs.Select(p => new { p.Id, Held = db.Meetings.Count(m => m.PairId == p.Id && m.Status == Meetings.MeetingStatus.Held) })
            .ToDictionaryAsync(x => x.Id, x => x.Held, ct);

    /// <summary>
    /// What closing the pair early now would do, in the reader's words: the confirmation page shows it, and the API
    /// answers it (400, field "Confirm") when the request does not say <c>"confirm": true</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ConsequencesAsync(Pair pair, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await PairMeetingsCancel.CountFutureAsync(db, pair.Id, now, ct);
        var others = new[] { pair.MenteeId, pair.MentorId }.Where(m => m != userId).ToList();
        var names = new List<string>();
        foreach (var other in others) names.Add(await notices.NameAsync(other, ct));
        return
        [
            t["The pair closes for good: its space becomes read-only and nothing new can be added."],
            meetings == 0 ? t["There are no upcoming meetings to cancel."] : t["{0} upcoming meetings will be cancelled and removed from both calendars.", meetings],
            t["{0} will be told in the app and by email, and can add their own closing words.", string.Join(", ", names)],
            t["The program's coordinators will see that the pair closed early and why."],
        ];
    }

    /// <summary>
    /// Closes an active pair early (either member, or a coordinator): without <paramref name="confirm"/> nothing changes and
    /// the refusal lists the consequences. With it, future meetings are cancelled, the other member(s) are told in the app
    /// and by email, and coordinators see an alert, all in one save.
    /// </summary>
    public async Task<Outcome<Pair>> CloseEarlyAsync(int pairId, string userId, bool coordinator, EarlyReason? reason, bool confirm, CancellationToken ct)
    {
        var pair = await db.Pairs.SingleOrDefaultAsync(p => p.Id == pairId && (coordinator || p.MenteeId == userId || p.MentorId == userId), ct);
        if (pair is null) return Refusal.NotFound;
        if (reason is not { } r || !Enum.IsDefined(r)) return Errors.One("Reason", t["Choose why the pair is closing."]);
        if (pair.Status != PairStatus.Active) return Errors.One("", t["This pair is already closed."]);
        if (!confirm)
        {
            var errors = new Errors();
            errors.Add("Confirm", t["Closing a pair early cannot be undone. Confirm to close it:"]);
            foreach (var consequence in await ConsequencesAsync(pair, userId, ct)) errors.Add("Confirm", consequence);
            return errors;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        pair.Status = PairStatus.ClosedEarly;
        pair.ClosedAt = now;
        pair.CloseReason = (CloseReason)r;
        var cancelled = await PairMeetingsCancel.CancelFutureAsync(db, pair.Id, now, ct);
        var by = await notices.NameAsync(userId, ct);
        var why = NoticeArg.Term(ReasonTerm((CloseReason)r));
        await notices.AddAsync(NoticeKinds.PairClosedEarly, new[] { pair.MenteeId, pair.MentorId }.Where(m => m != userId)
            .Select(m => new Notice(m, $"/Closure/{pair.Id}", [NoticeArg.Name(by), why, NoticeArg.Number(cancelled.Count)])).ToList(), ct);
        var coordinators = await (from ur in db.UserRoles
                                  join role in db.Roles on ur.RoleId equals role.Id
                                  where role.Name == Roles.Coordinator && ur.UserId != userId
                                  select ur.UserId).ToListAsync(ct);
        if (coordinators.Count > 0)
        {
            var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == pair.CohortId).Select(c => c.Name).SingleAsync(ct);
            NoticeArg[] args = [NoticeArg.Name(await notices.NameAsync(pair.MenteeId, ct)), NoticeArg.Name(await notices.NameAsync(pair.MentorId, ct)), NoticeArg.Text(cohort), why, NoticeArg.Name(by)];
            await notices.AddAsync(NoticeKinds.PairClosedEarlyAlert,
                coordinators.Select(c => new Notice(c, $"/Pairs/Overview?cohortId={pair.CohortId}", args)).ToList(), ct);
        }
        if (coordinator && userId != pair.MenteeId && userId != pair.MentorId)
            audit.Add(Audit.AuditActions.PairClosedEarly, "pair", pair.Id, pair.CohortId, $"reason: {r}; {cancelled.Count} future meetings cancelled");
        await db.SaveChangesAsync(ct);
        return pair;
    }

    private static string ReasonTerm(CloseReason reason) => reason switch
    {
        CloseReason.GoalsReached => "goals reached",
        CloseReason.Mismatch => "mismatch",
        CloseReason.PersonalReasons => "personal reasons",
        _ => "no response",
    };

    public async Task<ClosureView?> ReadAsync(int pairId, string userId, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, false, ct);
        if (pair is null) return null;
        var rows = await db.ClosureReflections.AsNoTracking().Where(r => r.PairId == pairId).ToListAsync(ct);
        var mine = rows.FirstOrDefault(r => r.AuthorId == userId);
        var other = rows.FirstOrDefault(r => r.AuthorId != userId);
        return new(pairId, pair.RoleOf(userId), pair.RoleOf(userId) == PairRole.Mentee ? pair.MentorName : pair.MenteeName, pair.Status, pair.CloseReason, pair.ClosedAt,
            ReflectionOpen(pair), mine is null ? null : new(mine.Reflection, mine.Gratitude, mine.TransitionPlan, mine.SubmittedAt), other?.Gratitude);
    }

    private static bool ReflectionOpen(PairRow pair) =>
        pair.Status != PairStatus.Active || pair.CohortStatus is CohortStatus.Closing or CohortStatus.Closed;

    public async Task<Outcome<ClosureReflection>> ReflectAsync(int pairId, string userId, ReflectionRequest r, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, false, ct);
        if (pair is null) return Refusal.NotFound;
        var errors = new Errors();
        Text(nameof(r.Reflection), r.Reflection, t["Write a few words of reflection."]);
        Text(nameof(r.Gratitude), r.Gratitude, t["Write a gratitude note to your mentoring partner."]);
        Text(nameof(r.TransitionPlan), r.TransitionPlan, t["Write your transition plan: what you will do next."]);
        if (!ReflectionOpen(pair)) errors.Add("", t["Closing words open when the cohort is closing or your pair has closed."]);
        else if (await db.ClosureReflections.AnyAsync(x => x.PairId == pairId && x.AuthorId == userId, ct)) errors.Add("", t["You have already written your closing words."]);
        if (errors.Any) return errors;

        var row = new ClosureReflection
        {
            PairId = pairId, AuthorId = userId, Reflection = r.Reflection!.Trim(), Gratitude = r.Gratitude!.Trim(),
            TransitionPlan = r.TransitionPlan!.Trim(), SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ClosureReflections.Add(row);
        await notices.AddAsync(NoticeKinds.Gratitude,
            new Notice(pair.OtherOf(userId), $"/Closure/{pairId}", [NoticeArg.Name(pair.RoleOf(userId) == PairRole.Mentee ? pair.MenteeName : pair.MentorName)]), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Errors.One("", t["You have already written your closing words."]);
        }
        return row;

        void Text(string field, string? value, string missing)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(field, missing);
            else if (value.Length > MaxText) errors.Add(field, t["Each answer is limited to {0} characters.", MaxText]);
        }
    }

    public async Task<AlumniResponse> AlumniAsync(string userId, CancellationToken ct)
    {
        var pairs = await facts.Query(db.Pairs.AsNoTracking().Where(p => (p.MenteeId == userId || p.MentorId == userId) && p.Status != PairStatus.Active))
            .OrderBy(p => p.Id).ToListAsync(ct);
        return new(pairs.Count > 0, pairs.Select(p => new AlumniPair(p.Id, p.CohortName, p.RoleOf(userId), p.Status, p.ClosedAt)).ToList());
    }

    public static IQueryable<string> AlumniIds(TandemDb db) =>
        db.Pairs.Where(p => p.Status != PairStatus.Active).Select(p => p.MenteeId)
            .Concat(db.Pairs.Where(p => p.Status != PairStatus.Active).Select(p => p.MentorId));

    /// <summary>The person's own certificate for a closed pair; null for anyone else or an active pair.</summary>
    public async Task<Certificate?> CertificateAsync(int pairId, string userId, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, false, ct);
        if (pair is null || pair.Status == PairStatus.Active) return null;
        var settings = await facts.SettingsAsync(ct);
        var to = DateOnly.FromDateTime(pair.ClosedAt ?? pair.PublishedAt);
        if (to > pair.EndsOn) to = pair.EndsOn;
        var role = pair.RoleOf(userId);
        // The minimum the outcome was decided on, not today's setting.
        var minimum = await db.Pairs.AsNoTracking().Where(p => p.Id == pairId).Select(p => p.MinimumMeetingsAtClose).SingleAsync(ct) ?? settings.MinimumMeetings;
        return new(role == PairRole.Mentee ? pair.MenteeName : pair.MentorName, role, pair.CohortName, settings.ProgramName, pair.PeriodStart, to, pair.Held,
            minimum, pair.Status);
    }

    /// <summary>Accepted mentors of the cohort with fewer active pairs than their capacity.</summary>
    public async Task<IReadOnlyList<SpareMentor>> SpareMentorsAsync(int cohortId, CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.Role == ApplicationRole.Mentor && a.Status == ApplicationStatus.Accepted)
            .Select(a => new
            {
                a.UserId, a.Capacity,
                Name = db.Profiles.Where(p => p.UserId == a.UserId).Select(p => p.DisplayName).FirstOrDefault() ?? "",
                Active = db.Pairs.Count(p => p.MentorApplicationId == a.Id && p.Status == PairStatus.Active),
            }).ToListAsync(ct);
        return rows.Where(r => r.Active < r.Capacity).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new SpareMentor(r.UserId, r.Name, r.Capacity, r.Active)).ToList();
    }

    /// <summary>Coordinators: a new pair (origin Repaired) for the mentee of an early-closed pair; null when the pair does not exist.</summary>
    public async Task<Outcome<Pair>> RepairAsync(int pairId, string? mentorId, CancellationToken ct)
    {
        var old = await db.Pairs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pairId, ct);
        if (old is null) return Refusal.NotFound;
        if (old.Status != PairStatus.ClosedEarly) return Errors.One("", t["Only a pair closed early can be re-paired."]);
        var cohort = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == old.CohortId, ct);
        if (cohort.Status is CohortStatus.Closing or CohortStatus.Closed) return Errors.One("", t["The cohort is ending; nobody can be re-paired in it."]);
        if (await db.Pairs.AnyAsync(p => p.MenteeId == old.MenteeId && p.Status == PairStatus.Active, ct))
            return Errors.One("", t["This mentee already has an active pair."]);
        if (string.IsNullOrWhiteSpace(mentorId)) return Errors.One("MentorId", t["Choose a mentor."]);
        if (mentorId == old.MentorId) return Errors.One("MentorId", t["Choose a different mentor from the one the pair closed with."]);
        var spare = await SpareMentorsAsync(old.CohortId, ct);
        if (spare.All(m => m.UserId != mentorId)) return Errors.One("MentorId", t["This mentor is not an accepted mentor of the cohort with room for another mentee."]);
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.CohortId == old.CohortId && a.UserId == mentorId && a.Role == ApplicationRole.Mentor).Select(a => a.Id).SingleAsync(ct);
        if (await db.Pairs.AnyAsync(p => p.MenteeApplicationId == old.MenteeApplicationId && p.MentorApplicationId == application, ct))
            return Errors.One("MentorId", t["These two have already been paired in this cohort."]);

        var now = clock.GetUtcNow().UtcDateTime;
        var pair = new Pair
        {
            CohortId = old.CohortId, MenteeId = old.MenteeId, MentorId = mentorId, MenteeApplicationId = old.MenteeApplicationId,
            MentorApplicationId = application, Origin = PairOrigin.Repaired, Status = PairStatus.Active, PublishedAt = now,
        };
        db.Pairs.Add(pair);
        audit.Add(Audit.AuditActions.PairRepaired, "pair", old.Id, old.CohortId, $"mentee of pair {old.Id} re-paired with mentor application {application}");
        await notices.SaveWithAsync(() => notices.AddAsync(NoticeKinds.PairRepaired,
            new[] { pair.MenteeId, pair.MentorId }.Select(m => new Notice(m, $"/Pairs/{pair.Id}", [])).ToList(), ct), ct);
        return pair;
    }

    public static string Reason(CloseReason? reason, IStringLocalizer<ClosureText> t) => reason switch
    {
        CloseReason.CohortEnded => t["The cohort ended"],
        CloseReason.GoalsReached => t["Goals reached"],
        CloseReason.Mismatch => t["Mismatch"],
        CloseReason.PersonalReasons => t["Personal reasons"],
        CloseReason.NoResponse => t["No response"],
        _ => "",
    };

    public static string Role(PairRole role, IStringLocalizer<ClosureText> t) => role == PairRole.Mentee ? t["Mentee"] : t["Mentor"];

    public static string Format(DateOnly d) => d.ToString("d", CultureInfo.CurrentCulture);
}
