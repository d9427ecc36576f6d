using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Messages;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Sharing;

namespace Tandem.Web.Data;

/// <summary>
/// A lived-in private space for the demo pair (mentee@ and mentor@tandem.local when they are paired, else the first
/// active pair): a confirmed agreement with goals, held and upcoming meetings, messages, sharing and an introduction.
/// When no active pair exists yet, it pairs the two demo people in an active cohort of its own. Both find a few notices
/// in their bell, told through the notice service as the real events would be. Runs once.
/// </summary>
public static class DemoPairsSpace
{
    public const string CohortName = "2025 Autumn Active";

    public static async Task SeedAsync(TandemDb db, TimeProvider clock, Notices notices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var menteeId = await db.Users.Where(u => u.Email == "mentee@tandem.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
        var mentorId = await db.Users.Where(u => u.Email == "mentor@tandem.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
        var pair = await db.Pairs.Where(p => p.Status == PairStatus.Active).OrderByDescending(p => p.MenteeId == menteeId || p.MentorId == mentorId).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (pair is null)
        {
            if (menteeId is null || mentorId is null || await db.Cohorts.AnyAsync(c => c.Name == CohortName, ct)) return;
            pair = await PairDemoPeopleAsync(db, menteeId, mentorId, now, ct);
        }
        if (await db.Agreements.AnyAsync(a => a.PairId == pair.Id, ct)) return;

        var (mentee, mentor) = (pair.MenteeId, pair.MentorId);
        var started = pair.PublishedAt;
        db.Agreements.Add(new Agreement
        {
            PairId = pair.Id, AreasForGrowth = "Leading without a title; speaking up in planning meetings; negotiating my next role.",
            DesiredOutcomes = "Lead one cross-team project, present at the quarterly review, and agree a path to product manager with my manager.",
            MenteeExpectations = "Honest feedback, stories from your own career, and an introduction or two when it makes sense.",
            MentorExpectations = "Come with specific questions, do the homework between meetings, and tell me when something isn't working.",
            RolesAndResponsibilities = "Zhao Min leads: she proposes meetings and sends the questions two days ahead. Wang Li gives feedback and opens doors.",
            MeetingCadence = "Every three weeks, one hour, alternating video and coffee near Guomao.", ConfidentialityAcknowledged = true,
            MenteeConfirmedAt = started.AddDays(6), MentorConfirmedAt = started.AddDays(7), UpdatedAt = started.AddDays(6),
        });
        var lead = new Goal { PairId = pair.Id, Title = "Lead a cross-team project", Measure = "I run the Q4 data-quality project with three teams to launch", TargetDate = DateOnly.FromDateTime(now.AddDays(90)), Status = GoalStatus.InProgress, Progress = 40, CreatedAt = started.AddDays(5), UpdatedAt = now.AddDays(-10) };
        var speak = new Goal { PairId = pair.Id, Title = "Present at the quarterly review", Measure = "A 10-minute slot at the Q4 business review, with feedback from two directors", TargetDate = DateOnly.FromDateTime(now.AddDays(60)), Status = GoalStatus.NotStarted, CreatedAt = started.AddDays(5), UpdatedAt = started.AddDays(5) };
        db.Goals.AddRange(lead, speak);
        await db.SaveChangesAsync(ct);
        db.GoalUpdates.AddRange(
            new GoalUpdate { GoalId = lead.Id, AuthorId = mentee, Progress = 40, Note = "My manager agreed I lead the project; kick-off is booked with the three teams.", At = now.AddDays(-10) },
            new GoalUpdate { GoalId = lead.Id, AuthorId = mentor, Note = "Great step. Write down the decision rights before the kick-off, so nobody is surprised later.", At = now.AddDays(-9) });

        Meeting Held(int daysAgo, string agenda, string summary, string actions) => new()
        {
            PairId = pair.Id, ProposedById = mentee, StartsAt = now.Date.AddDays(-daysAgo).AddHours(11), DurationMinutes = 60, Format = MeetingFormat.Video,
            Location = "https://meet.example.com/tandem-zm", Agenda = agenda, Summary = summary, ActionItems = actions, Status = MeetingStatus.Held,
            CreatedAt = now.AddDays(-daysAgo - 5), UpdatedAt = now.AddDays(-daysAgo),
        };
        var first = Held(35, "1. How did you learn to lead people who don't report to you?\n2. Which of my goals is most realistic for six months?",
            "We agreed the two goals and how to measure them. Wang Li shared how she led her first cross-border deal team.", "Zhao Min: ask her manager for the Q4 project. Wang Li: send the article on decision rights.");
        var second = Held(14, "1. How do I open the kick-off so the other teams feel ownership?\n2. How do I say no to scope creep politely?",
            "Practised the kick-off opening twice. Talked through three ways to park extra scope.", "Zhao Min: draft the one-page project charter and share it for feedback.");
        var upcoming = new Meeting
        {
            PairId = pair.Id, ProposedById = mentee, StartsAt = now.Date.AddDays(6).AddHours(10), DurationMinutes = 60, Format = MeetingFormat.InPerson,
            Location = "Café near Guomao, 2F", Agenda = "1. Feedback on my project charter.\n2. How should I prepare the quarterly review slot?", Status = MeetingStatus.Accepted,
            CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-2),
        };
        var proposed = new Meeting
        {
            PairId = pair.Id, ProposedById = mentee, StartsAt = now.Date.AddDays(27).AddHours(12), DurationMinutes = 45, Format = MeetingFormat.Phone,
            Agenda = "1. Rehearse the review presentation.\n2. What should I ask my manager about the PM path?", Status = MeetingStatus.Proposed, CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        };
        db.Meetings.AddRange(first, second, upcoming, proposed);
        await db.SaveChangesAsync(ct);
        db.MeetingNotes.AddRange(
            new MeetingNote { MeetingId = second.Id, AuthorId = mentee, Text = "I still get nervous when Team B's lead pushes back. Practise the 'park it' phrase.", UpdatedAt = second.UpdatedAt },
            new MeetingNote { MeetingId = second.Id, AuthorId = mentor, Text = "She is ready for more than she thinks. Next time: push on the PM conversation.", UpdatedAt = second.UpdatedAt });
        db.Contacts.Add(new Contact { PairId = pair.Id, ById = mentor, At = now.AddDays(-20), Channel = ContactChannel.Phone, Note = "Short call before her meeting with her manager." });

        var lines = new (string By, int HoursAgo, string Body)[]
        {
            (mentee, 200, "Thank you for today! I've booked the conversation with my manager for Thursday."),
            (mentor, 198, "Good luck. Lead with what the project gives the team, not what it gives you."),
            (mentee, 120, "She said yes — I'm leading the Q4 data-quality project!"),
            (mentor, 119, "Wonderful news. Let's use our next meeting to plan the kick-off."),
            (mentee, 30, "I've shared my project charter draft in Tandem. Could you have a look before we meet?"),
            (mentor, 4, "Read it — left feedback on the charter. See you at the café on the date we agreed."),
        };
        db.Messages.AddRange(lines.Select(l => new Message { PairId = pair.Id, SenderId = l.By, Body = l.Body, SentAt = now.AddHours(-l.HoursAgo), ReadAt = l.HoursAgo > 10 ? now.AddHours(-l.HoursAgo + 1) : null }));

        db.Resources.Add(new Resource { PairId = pair.Id, ById = mentor, Title = "Who Has the D? How Clear Decision Roles Enhance Organizational Performance", Url = "https://hbr.org/2006/01/who-has-the-d-how-clear-decision-roles-enhance-organizational-performance", Note = "Read before your kick-off: decision rights save weeks of debate.", CreatedAt = now.AddDays(-34) });
        var charter = new SharedWork { PairId = pair.Id, ById = mentee, Title = "Project charter: Q4 data quality", Text = "Goal: cut broken dashboards by half by January.\nTeams: Data platform, Finance BI, Growth.\nDecision rights: I decide scope; each team lead decides staffing.", CreatedAt = now.AddDays(-1).AddHours(-6) };
        db.SharedWork.Add(charter);
        db.Introductions.Add(new Introduction { PairId = pair.Id, ById = mentor, Kind = IntroductionKind.Introduction, ToWhom = "Liu Fang, Head of Product at Jinghua Digital", Why = "Zhao Min wants to move towards product management; Liu Fang made the same move five years ago.", Outcome = "Coffee chat held; Liu Fang invited her to a product review as an observer.", CreatedAt = now.AddDays(-25), UpdatedAt = now.AddDays(-8) });
        await db.SaveChangesAsync(ct);
        db.WorkComments.Add(new WorkComment { SharedWorkId = charter.Id, ById = mentor, Text = "Clear and short — good. Add one line on how you will measure 'broken', or the teams will argue about it.", At = now.AddHours(-4) });
        await db.SaveChangesAsync(ct);

        // What each would have been told of the latest events: the mentor accepted, commented and wrote; the mentee shared and proposed.
        var menteeName = await notices.NameAsync(mentee, ct);
        var mentorName = await notices.NameAsync(mentor, ct);
        NoticeArg[] By(string who) => [NoticeArg.Name(who == mentee ? menteeName : mentorName)];
        await notices.AddAsync(NoticeKinds.MeetingAccepted, new Notice(mentee, $"/Meetings/{upcoming.Id}", [.. By(mentor), NoticeArg.Time(upcoming.StartsAt), NoticeArg.Number(upcoming.DurationMinutes)]), ct);
        await notices.AddAsync(NoticeKinds.WorkComment, new Notice(mentee, $"/Sharing/Work/{charter.Id}", By(mentor)), ct);
        await notices.AddAsync(NoticeKinds.MessageReceived, new Notice(mentee, $"/Messages/{pair.Id}", By(mentor)), ct);
        await notices.AddAsync(NoticeKinds.WorkShared, new Notice(mentor, $"/Sharing/Work/{charter.Id}", By(mentee)), ct);
        await notices.AddAsync(NoticeKinds.MeetingProposed, new Notice(mentor, $"/Meetings/{proposed.Id}", [.. By(mentee), NoticeArg.Time(proposed.StartsAt), NoticeArg.Number(proposed.DurationMinutes)]), ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Pair> PairDemoPeopleAsync(TandemDb db, string menteeId, string mentorId, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var programId = await Features.Programs.ProgramDefaults.CurrentIdAsync(db, ct);
        var cohort = new Cohort
        {
            ProgramId = programId, Name = CohortName, Status = CohortStatus.Active, StartsOn = today.AddDays(-45), EndsOn = today.AddDays(-45).AddMonths(6).AddDays(-1),
            ApplicationsOpenOn = today.AddDays(-100), ApplicationsCloseOn = today.AddDays(-70),
        };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(ct);
        var submitted = now.Date.AddDays(-90).AddHours(9); // whole days: two seeds on the same day give the same data
        var menteeApp = new Application { CohortId = cohort.Id, UserId = menteeId, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Accepted, Languages = ",en,zh,", Flourish = "Lead without a title and move towards product management.", SubmittedAt = submitted, UpdatedAt = submitted };
        var mentorApp = new Application { CohortId = cohort.Id, UserId = mentorId, Role = ApplicationRole.Mentor, Status = ApplicationStatus.Accepted, Languages = ",en,zh,", Capacity = 1, SubmittedAt = submitted, UpdatedAt = submitted };
        db.Applications.AddRange(menteeApp, mentorApp);
        await db.SaveChangesAsync(ct);
        var pair = new Pair
        {
            CohortId = cohort.Id, MenteeId = menteeId, MentorId = mentorId, MenteeApplicationId = menteeApp.Id, MentorApplicationId = mentorApp.Id,
            Origin = PairOrigin.Manual, Status = PairStatus.Active, PublishedAt = now.Date.AddDays(-44).AddHours(9),
        };
        db.Pairs.Add(pair);
        await db.SaveChangesAsync(ct);
        return pair;
    }
}
