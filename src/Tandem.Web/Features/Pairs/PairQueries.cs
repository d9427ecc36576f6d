using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

public sealed record PairSummaryResponse(int Id, string CohortName, DateOnly StartsOn, DateOnly EndsOn, string Role, string OtherName, PairStatus Status, bool Reverse);

public sealed record PairPersonResponse(string Id, string Name, string? JobTitle, string? Employer, string? Email);

public sealed record NextMeetingResponse(int Id, DateTime StartsAt, int DurationMinutes, MeetingFormat Format, MeetingStatus Status);

public sealed record RecentMessageResponse(string SenderName, bool Mine, string Body, DateTime SentAt);

public sealed record PairHomeResponse(int Id, string Role, PairStatus Status, string CohortName, DateOnly StartsOn, DateOnly EndsOn, PairPersonResponse Other,
    bool AgreementConfirmedByMentee, bool AgreementConfirmedByMentor, IReadOnlyList<GoalSummaryResponse> Goals, NextMeetingResponse? NextMeeting,
    int MeetingsHeld, int MinimumMeetings, int Contacts, int UnreadMessages, IReadOnlyList<RecentMessageResponse> RecentMessages, bool Reverse);

public sealed record GoalSummaryResponse(int Id, string Title, DateOnly TargetDate, GoalStatus Status, int Progress);

public static class PairQueries
{
    /// <summary>The person's pairs as mentee or mentor, in any cohort, the newest first.</summary>
    public static Task<List<PairSummaryResponse>> MineAsync(TandemDb db, string me, CancellationToken ct) =>
        (from p in db.Pairs.AsNoTracking().OfMember(me)
         join c in db.Cohorts on p.CohortId equals c.Id
         orderby c.StartsOn descending, p.Id descending
         select new PairSummaryResponse(p.Id, Localized.Pick(c.Name, c.NameZh), c.StartsOn, c.EndsOn, p.MenteeId == me ? "Mentee" : "Mentor",
             db.Profiles.Where(x => x.UserId == (p.MenteeId == me ? p.MentorId : p.MenteeId)).Select(x => x.DisplayName).FirstOrDefault() ?? "", p.Status, p.Reverse))
        .ToListAsync(ct);

    /// <summary>The pair's home: everything the two need at a glance. Null for anyone outside the pair.</summary>
    public static async Task<PairHomeResponse?> HomeAsync(TandemDb db, int pairId, string me, DateTime now, CancellationToken ct)
    {
        var pair = await (from p in db.Pairs.AsNoTracking().OfMember(me)
                          join c in db.Cohorts on p.CohortId equals c.Id
                          where p.Id == pairId
                          select new { p.Id, p.MenteeId, p.MentorId, p.Status, p.Reverse, c.Name, c.NameZh, c.StartsOn, c.EndsOn }).SingleOrDefaultAsync(ct);
        if (pair is null) return null;
        var otherId = pair.MenteeId == me ? pair.MentorId : pair.MenteeId;
        var other = await (from u in db.Users.AsNoTracking()
                           where u.Id == otherId
                           let profile = db.Profiles.FirstOrDefault(x => x.UserId == u.Id)
                           select new PairPersonResponse(u.Id, profile != null ? profile.DisplayName : u.Email ?? "", profile != null ? profile.JobTitle : null,
                               profile != null ? profile.Employer : null, u.Email)).SingleAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.PairId == pairId)
            .Select(a => new { Mentee = a.MenteeConfirmedAt != null, Mentor = a.MentorConfirmedAt != null }).SingleOrDefaultAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PairId == pairId).OrderBy(g => g.TargetDate).ThenBy(g => g.Id)
            .Select(g => new GoalSummaryResponse(g.Id, g.Title, g.TargetDate, g.Status, g.Progress)).ToListAsync(ct);
        // A closed pair has no next meeting (closing cancels its future ones).
        var next = pair.Status != PairStatus.Active ? null : await db.Meetings.AsNoTracking()
            .Where(m => m.PairId == pairId && m.StartsAt >= now && (m.Status == MeetingStatus.Accepted || m.Status == MeetingStatus.Proposed))
            .OrderBy(m => m.StartsAt).Select(m => new NextMeetingResponse(m.Id, m.StartsAt, m.DurationMinutes, m.Format, m.Status)).FirstOrDefaultAsync(ct);
        var held = await db.Meetings.CountAsync(m => m.PairId == pairId && m.Status == MeetingStatus.Held, ct);
        var contacts = await db.Contacts.CountAsync(c => c.PairId == pairId, ct);
        var unread = await db.Messages.CountAsync(m => m.PairId == pairId && m.SenderId != me && m.ReadAt == null, ct);
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var minimum = await db.Programs.Where(p => p.Id == programId).Select(p => p.MinimumMeetings).SingleAsync(ct);
        var recent = await db.Messages.AsNoTracking().Where(m => m.PairId == pairId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(3)
            .Select(m => new RecentMessageResponse(db.Profiles.Where(x => x.UserId == m.SenderId).Select(x => x.DisplayName).FirstOrDefault() ?? "", m.SenderId == me, m.Body, m.SentAt))
            .ToListAsync(ct);
        recent.Reverse();
        return new PairHomeResponse(pair.Id, pair.MenteeId == me ? "Mentee" : "Mentor", pair.Status, Localized.Pick(pair.Name, pair.NameZh), pair.StartsOn, pair.EndsOn, other,
            agreement?.Mentee ?? false, agreement?.Mentor ?? false, goals, next, held, minimum, contacts, unread, recent, pair.Reverse);
    }
}
