using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Feedback;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Data;

/// <summary>
/// The pairs' six months in the demo: an Active cohort that started about three months ago with 18 pairs in every
/// pace state (on track — including mentee@ and mentor@ —, behind, at risk, not met yet, closed early), held
/// meetings and month-2 check-ins; and completed pairs with feedback in the last closed cohort. Fixed seed, relative dates.
/// </summary>
public static class DemoPairsProgress
{
    /// <summary>The index of the active cohort's pair that is reverse mentoring (on track, so it shows a lived-in reverse pair).</summary>
    public const int ReversePair = 3;

    public static async Task SeedAsync(TandemDb db, MentorshipProgram program, Cohort pastCohort, string mentorId, string menteeId,
        IReadOnlyList<string> mentorPool, IReadOnlyList<string> menteePool, DateTime now, CancellationToken ct)
    {
        var rnd = new Random(2025);
        var today = DateOnly.FromDateTime(now);
        var starts = today.AddDays(-91);
        var active = new Cohort
        {
            ProgramId = program.Id, Name = $"{starts.Year} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(starts.Month)} (running)",
            StartsOn = starts, EndsOn = starts.AddMonths(program.CohortLengthMonths).AddDays(-1), Status = CohortStatus.Active,
            ApplicationsOpenOn = starts.AddDays(-49), ApplicationsCloseOn = starts.AddDays(-21),
        };
        db.Cohorts.Add(active);
        await db.SaveChangesAsync(ct);
        var start = starts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var mentees = new[] { menteeId }.Concat(menteePool.Skip(180).Take(17)).ToList();
        var mentors = new[] { mentorId }.Concat(mentorPool.Skip(70).Take(17)).ToList();
        var apps = mentees.Select(id => new Application { CohortId = active.Id, UserId = id, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Accepted, SubmittedAt = start.AddDays(-40), UpdatedAt = start.AddDays(-30) })
            .Concat(mentors.Select(id => new Application { CohortId = active.Id, UserId = id, Role = ApplicationRole.Mentor, Status = ApplicationStatus.Accepted, Capacity = 2, SubmittedAt = start.AddDays(-40), UpdatedAt = start.AddDays(-30) }))
            .ToList();
        db.Applications.AddRange(apps);
        await db.SaveChangesAsync(ct);

        var pairs = new List<Pair>();
        for (var i = 0; i < mentees.Count; i++)
        {
            var notMet = i is 13 or 14;
            var closedEarly = i >= 15;
            pairs.Add(new Pair
            {
                CohortId = active.Id, MenteeId = mentees[i], MentorId = mentors[i], MenteeApplicationId = apps[i].Id, MentorApplicationId = apps[mentees.Count + i].Id,
                Score = Math.Round(0.6 + rnd.NextDouble() * 0.35, 2), Origin = notMet && i == 14 ? PairOrigin.Manual : PairOrigin.Matched,
                Status = closedEarly ? PairStatus.ClosedEarly : PairStatus.Active,
                Reverse = i == ReversePair,
                PublishedAt = notMet ? now.AddDays(-30) : start.AddDays(-7),
                ClosedAt = closedEarly ? now.AddDays(-20) : null,
                CloseReason = i switch { 15 => CloseReason.Mismatch, 16 => CloseReason.PersonalReasons, 17 => CloseReason.NoResponse, _ => null },
            });
        }
        // One pair of the active cohort mentors both ways: both opted in to reverse mentoring.
        apps[ReversePair].OpenToReverse = apps[mentees.Count + ReversePair].OpenToReverse = true;
        db.Pairs.AddRange(pairs);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            switch (i)
            {
                case <= 5:  // on track: two held, the next one scheduled
                    Held(p, start.AddDays(12 + i)); Held(p, start.AddDays(66 + i)); Meeting(p, now.AddDays(3 + i).Date.AddHours(10), MeetingStatus.Accepted, now.AddDays(-2));
                    break;
                case <= 9:  // behind: one held, in touch recently
                    Held(p, start.AddDays(20 + i)); Meeting(p, now.AddDays(9).Date.AddHours(11), MeetingStatus.Proposed, now.AddDays(-10));
                    break;
                case <= 12: // at risk: never met, silent for weeks
                    Meeting(p, start.AddDays(40).AddHours(10), MeetingStatus.Cancelled, start.AddDays(30));
                    break;
                case <= 14: // not met yet: published a month ago, a meeting proposed
                    Meeting(p, now.AddDays(5).Date.AddHours(9), MeetingStatus.Proposed, now.AddDays(-5));
                    break;
                default:    // closed early
                    if (i == 15) Held(p, start.AddDays(25));
                    break;
            }
            if (i <= 9)
                foreach (var userId in new[] { p.MenteeId, p.MentorId })
                    db.CheckIns.Add(new CheckIn
                    {
                        PairId = p.Id, UserId = userId, Month = 2, Progress = i <= 5 ? rnd.Next(3, 6) : rnd.Next(2, 4), Relationship = i <= 5 ? rnd.Next(4, 6) : rnd.Next(2, 5),
                        NoteToCoordinator = i == 7 && userId == p.MenteeId ? "Our schedules clash; we are trying evenings." : null, SubmittedAt = start.AddMonths(2).AddDays(1 + i % 3),
                    });
        }

        // The last closed cohort: completed pairs with three or four meetings and both sides' feedback.
        var pastApps = await db.Applications.AsNoTracking().Where(a => a.CohortId == pastCohort.Id && a.Status == ApplicationStatus.Accepted)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.UserId, a.Role }).ToListAsync(ct);
        var pastMentors = pastApps.Where(a => a.Role == ApplicationRole.Mentor).Take(6).ToList();
        var pastMentees = pastApps.Where(a => a.Role == ApplicationRole.Mentee).Take(6).ToList();
        var pastStart = pastCohort.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var pastEnd = pastCohort.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var completed = pastMentors.Zip(pastMentees, (m, e) => new Pair
        {
            CohortId = pastCohort.Id, MenteeId = e.UserId, MentorId = m.UserId, MenteeApplicationId = e.Id, MentorApplicationId = m.Id, Origin = PairOrigin.Matched,
            Status = PairStatus.Completed, PublishedAt = pastStart.AddDays(-7), ClosedAt = pastEnd, CloseReason = CloseReason.CohortEnded, Score = 0.8,
        }).ToList();
        db.Pairs.AddRange(completed);
        await db.SaveChangesAsync(ct);
        string[] forward = ["Keep asking for stretch assignments and say yes to presenting your work.", "Practise negotiating before the review cycle; write down your asks.",
            "Build your network outside finance; join one industry group this year.", "Delegate more and protect time for strategic thinking."];
        foreach (var (p, k) in completed.Select((p, k) => (p, k)))
        {
            for (var m = 0; m < 3 + k % 2; m++) Held(p, pastStart.AddDays(20 + m * 50));
            foreach (var (userId, n) in new[] { (p.MenteeId, 0), (p.MentorId, 1) })
                db.PairFeedback.Add(new PairFeedback
                {
                    PairId = p.Id, AuthorId = userId, Rating = rnd.Next(3, 6), WentWell = "Honest conversations and clear goals.",
                    CouldBeBetter = "Meeting more regularly in the middle months.", Feedforward = forward[(k + n) % forward.Length],
                    ProgramComment = n == 0 && k == 0 ? "The matching was spot on." : null, SubmittedAt = pastEnd.AddDays(-3),
                });
        }
        await db.SaveChangesAsync(ct);

        void Held(Pair p, DateTime at) => Meeting(p, at, MeetingStatus.Held, at.AddDays(-5));

        void Meeting(Pair p, DateTime at, MeetingStatus status, DateTime created) => db.Meetings.Add(new Meeting
        {
            PairId = p.Id, ProposedById = p.MenteeId, StartsAt = at, DurationMinutes = 60, Status = status,
            Format = (MeetingFormat)rnd.Next(0, 3), CreatedAt = created, UpdatedAt = created,
        });
    }
}
