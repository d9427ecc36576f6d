using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pace;

public enum PairRole
{
    None = 0,
    Mentee = 1,
    Mentor = 2,
}

/// <summary>The program settings pace, check-ins and reminders read.</summary>
public sealed record PaceSettings(int MinimumMeetings, IReadOnlyList<int> CheckInMonths, string ProgramName);

/// <summary>One pair with its cohort and the engagement facts pace needs: counts and dates, never content.</summary>
public sealed class PairRow
{
    public int Id { get; init; }
    public int CohortId { get; init; }
    public string CohortName { get; init; } = "";
    public CohortStatus CohortStatus { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public string MenteeId { get; init; } = "";
    public string MentorId { get; init; } = "";
    public string MenteeName { get; init; } = "";
    public string MentorName { get; init; } = "";
    public int MenteeApplicationId { get; init; }
    public PairStatus Status { get; init; }
    public PairOrigin Origin { get; init; }
    public bool Reverse { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public CloseReason? CloseReason { get; init; }
    public int Held { get; init; }
    public DateTime? LastHeldAt { get; init; }
    /// <summary>Latest sign of contact in the meeting table (a proposal, acceptance or log).</summary>
    public DateTime? LastMeetingActivityAt { get; init; }
    public DateTime? LastLoggedContactAt { get; init; }
    public DateTime? LastMessageAt { get; init; }
    /// <summary>Contacts that are not meetings: logged emails/calls, messages in the pair's thread, and meeting
    /// proposals or acceptances that have not (yet) become a held meeting.</summary>
    public int Contacts { get; init; }

    public DateTime? LastContactAt => new[] { LastMeetingActivityAt, LastLoggedContactAt, LastMessageAt }.Max();

    public PaceFacts Facts => new(Status, StartsOn, EndsOn, PublishedAt, Held, LastHeldAt, LastContactAt);

    public PairRole RoleOf(string userId) => userId == MenteeId ? PairRole.Mentee : userId == MentorId ? PairRole.Mentor : PairRole.None;

    public string OtherOf(string userId) => userId == MenteeId ? MentorId : MenteeId;

    /// <summary>The pair's own start: the cohort's start, or its publication when later.</summary>
    public DateOnly PeriodStart => DateOnly.FromDateTime(PaceRules.Start(Facts));
}

/// <summary>
/// Reads pairs with their engagement facts (dates and counts, never content). Held meetings count as
/// meetings; every other sign of the two being in touch — a meeting proposal or acceptance, a logged
/// contact, a message — counts as contact.
/// </summary>
public sealed class PairFacts(TandemDb db)
{
    public IQueryable<PairRow> Query(IQueryable<Pair> pairs) =>
        from p in pairs
        join c in db.Cohorts on p.CohortId equals c.Id
        select new PairRow
        {
            Id = p.Id, CohortId = c.Id, CohortName = c.Name, CohortStatus = c.Status, StartsOn = c.StartsOn, EndsOn = c.EndsOn,
            MenteeId = p.MenteeId, MentorId = p.MentorId,
            MenteeName = db.Profiles.Where(x => x.UserId == p.MenteeId).Select(x => x.DisplayName).FirstOrDefault() ?? "",
            MentorName = db.Profiles.Where(x => x.UserId == p.MentorId).Select(x => x.DisplayName).FirstOrDefault() ?? "",
            MenteeApplicationId = p.MenteeApplicationId,
            Status = p.Status, Origin = p.Origin, Reverse = p.Reverse, PublishedAt = p.PublishedAt, ClosedAt = p.ClosedAt, CloseReason = p.CloseReason,
            Held = db.Meetings.Count(m => m.PairId == p.Id && m.Status == MeetingStatus.Held),
            LastHeldAt = db.Meetings.Where(m => m.PairId == p.Id && m.Status == MeetingStatus.Held).Max(m => (DateTime?)m.StartsAt),
            LastMeetingActivityAt = db.Meetings.Where(m => m.PairId == p.Id).Max(m => (DateTime?)m.CreatedAt),
            LastLoggedContactAt = db.Contacts.Where(x => x.PairId == p.Id).Max(x => (DateTime?)x.At),
            LastMessageAt = db.Messages.Where(x => x.PairId == p.Id).Max(x => (DateTime?)x.SentAt),
            Contacts = db.Contacts.Count(x => x.PairId == p.Id) + db.Messages.Count(x => x.PairId == p.Id)
                       + db.Meetings.Count(m => m.PairId == p.Id && m.Status != MeetingStatus.Held),
        };

    /// <summary>The pair when <paramref name="userId"/> is one of the two, or (when allowed) a coordinator; else null.</summary>
    public Task<PairRow?> ForMemberAsync(int pairId, string userId, bool coordinatorToo, CancellationToken ct) =>
        Query(db.Pairs.AsNoTracking().Where(p => p.Id == pairId && (coordinatorToo || p.MenteeId == userId || p.MentorId == userId)))
            .FirstOrDefaultAsync(ct);

    public async Task<PaceSettings> SettingsAsync(CancellationToken ct)
    {
        var id = await ProgramDefaults.CurrentIdAsync(db, ct);
        var p = await db.Programs.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.MinimumMeetings, x.CheckInMonths, x.Name }).SingleAsync(ct);
        return new(p.MinimumMeetings, ParseMonths(p.CheckInMonths), p.Name);
    }

    public static IReadOnlyList<int> ParseMonths(string? stored) =>
        TagList.Parse(stored).Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0)
            .Where(m => m > 0).Distinct().Order().ToList();
}
