using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

public sealed record DemoSignIn(string Role, string Email);

/// <summary>
/// The deterministic demo program loaded on first run in Development: two closed cohorts with published
/// mentors, one open cohort (about 60 mentor and 150 mentee applications) whose window includes today,
/// a draft cohort for next term, memberships whose fees make the donation total, and a bilingual FAQ.
/// Dates are relative to the injected clock; everything else comes from a fixed seed.
/// </summary>
public sealed class DemoData(TandemDb db, UserManager<User> users, TimeProvider clock, Features.Notifications.Notices notices)
{
    public const string Password = "Tandem-demo-2026";

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("coordinator", "coordinator@tandem.local"),
        new("mentor", "mentor@tandem.local"),
        new("mentee", "mentee@tandem.local"),
    ];

    /// <summary>The three demo accounts, then a mentee and a mentor of an at-risk pair (never met, silent for weeks)
    /// so the pace nudges and the coordinator's alerts can be seen from the pair's side.</summary>
    public static async Task<IReadOnlyList<DemoSignIn>> SignInsAsync(TandemDb db, CancellationToken ct)
    {
        var atRisk = await db.Pairs.AsNoTracking()
            .Where(p => p.Status == PairStatus.Active && db.Cohorts.Any(c => c.Id == p.CohortId && c.Status == CohortStatus.Active)
                        && db.Meetings.Any(m => m.PairId == p.Id) && !db.Meetings.Any(m => m.PairId == p.Id && m.Status != MeetingStatus.Cancelled))
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                Mentee = db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.Email).FirstOrDefault(),
                Mentor = db.Users.Where(u => u.Id == p.MentorId).Select(u => u.Email).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        return atRisk is { Mentee: { } mentee, Mentor: { } mentor }
            ? [.. SignIns, new("mentee (at-risk pair)", mentee), new("mentor (at-risk pair)", mentor)]
            : SignIns;
    }

    public const int OpenCohortMentors = 60, OpenCohortMentees = 150, PastCohortPublicMentors = 25;

    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var people = new DemoPeople();
        var rnd = people.Random;

        // The demo dresses up the installation's program (created by ProgramDefaults on first run, or here).
        var program = await db.Programs.Include(p => p.Tracks).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (program is null)
        {
            program = ProgramDefaults.Create();
            db.Programs.Add(program);
        }
        program.Name = "Her Tandem Network";
        program.Description = "A Beijing women's network pairing junior and mid-level women with senior mentors, in 6-month cohorts twice a year.";
        program.ContactEmail = "hello@tandem.local";
        program.DonationRecipient = "Spring Bud Project (girls' education)";
        if (program.Tracks.Count == 0) program.Tracks.AddRange(ProgramDefaults.Tracks());
        await db.SaveChangesAsync(ct);

        // The open cohort's window includes today; the two before it have ended; a draft follows.
        var open = NewCohort(program, today.AddDays(24), CohortStatus.Open, today.AddDays(-20), today.AddDays(10));
        var past1 = NewCohort(program, open.StartsOn.AddMonths(-7), CohortStatus.Closed);
        var past2 = NewCohort(program, past1.StartsOn.AddMonths(-6), CohortStatus.Closed);
        var draft = NewCohort(program, open.StartsOn.AddMonths(6), CohortStatus.Draft);
        db.Cohorts.AddRange(past2, past1, open, draft);
        db.FaqEntries.AddRange(DemoFaq.For(program.Id, program.MinimumMeetings, program.DonationRecipient));
        await db.SaveChangesAsync(ct);
        var standard = program.Tracks.Single(t => t.Code == "standard");
        var advanced = program.Tracks.Single(t => t.Code == "advanced");

        // The three people who can sign in: real password hashes, through UserManager.
        var coordinator = await CreateSignInAsync(SignIns[0].Email, "Chen Jing (Coordinator)", Seniority.Senior, coordinator: true, now, p =>
        {
            p.JobTitle = "Program Coordinator"; p.Employer = "Her Tandem Network"; p.Industry = "Public sector";
            p.Expertise = TagList.Format(["community building", "program design", "people management"]);
            p.Bio = "I run the mentorship program and look after matching, events and the health of every cohort.";
        });
        var mentor = await CreateSignInAsync(SignIns[1].Email, "Wang Li", Seniority.Executive, coordinator: false, now, p =>
        {
            p.JobTitle = "Chief Financial Officer"; p.Employer = "Jinghua Capital"; p.Industry = "Finance";
            p.Expertise = TagList.Format(["corporate finance", "leadership", "negotiation", "board roles"]);
            p.Bio = "CFO at Jinghua Capital with 22 years in finance in Beijing and Hong Kong. I mentor because someone once took a chance on me.";
        });
        var mentee = await CreateSignInAsync(SignIns[2].Email, "Zhao Min", Seniority.Junior, coordinator: false, now, p =>
        {
            p.JobTitle = "Senior Analyst"; p.Employer = "Baiyun Cloud"; p.Industry = "Technology";
            p.Expertise = TagList.Format(["data science", "product management"]);
            p.Bio = "Data analyst moving towards product management; I want to learn to lead without a title first.";
        });

        // Everyone else: rows written directly (see DemoPeople.Create), in one batch.
        var mentorPool = Enumerable.Range(0, 90).Select(_ => people.Create(
            rnd.WeightedRandom([Seniority.Executive, Seniority.Senior, Seniority.MidManagement], [0.35f, 0.40f, 0.25f]), rnd.Bool(0.88f), now)).ToList();
        var menteePool = Enumerable.Range(0, 200).Select(_ => people.Create(
            rnd.WeightedRandom([Seniority.Entry, Seniority.Junior, Seniority.MidManagement], [0.35f, 0.45f, 0.20f]), true, now)).ToList();
        // Everyone in the demo signs in with the demo password: one hash (PBKDF2 is slow on purpose) shared by all rows.
        var sharedHash = users.PasswordHasher.HashPassword(mentor, Password);
        foreach (var p in mentorPool.Concat(menteePool))
        {
            p.User.PasswordHash = sharedHash;
            db.Users.Add(p.User);
            db.Profiles.Add(p.Profile);
        }
        var profiles = mentorPool.Concat(menteePool).ToDictionary(p => p.User.Id, p => p.Profile);
        profiles[mentor.Id] = db.Profiles.Local.Single(p => p.UserId == mentor.Id);
        profiles[mentee.Id] = db.Profiles.Local.Single(p => p.UserId == mentee.Id);

        var applications = new List<(Application Application, Membership? Seat)>();

        // Past cohorts: accepted mentors (25 public, 2 private) and accepted or declined mentees.
        foreach (var cohort in new[] { past2, past1 })
        {
            var mentors = rnd.ListItems(mentorPool, PastCohortPublicMentors + 2).Select(p => p.User.Id).ToList();
            if (cohort == past1) mentors[0] = mentor.Id;
            for (var i = 0; i < mentors.Count; i++)
                applications.Add((MentorApplication(cohort, mentors[i], ApplicationStatus.Accepted, i < PastCohortPublicMentors, null), null));
            foreach (var (p, i) in rnd.ListItems(menteePool, 31).Select((p, i) => (p, i)))
                applications.Add(MenteeApplication(cohort, p.User.Id, i < 28 ? ApplicationStatus.Accepted : ApplicationStatus.Declined,
                    i < 28 ? null : rnd.ArrayElement(MenteeDeclineReasons)));
        }

        // The open cohort: mostly under review, some decided already.
        var openMentors = new[] { mentor.Id }.Concat(rnd.Shuffle(mentorPool).Select(p => p.User.Id).Where(id => id != mentor.Id).Take(OpenCohortMentors - 1)).ToList();
        for (var i = 0; i < openMentors.Count; i++)
        {
            var status = i == 0 ? ApplicationStatus.Accepted : Pick(i - 1, (15, ApplicationStatus.Accepted), (36, ApplicationStatus.Submitted),
                (3, ApplicationStatus.Waitlisted), (3, ApplicationStatus.Declined), (2, ApplicationStatus.Withdrawn));
            applications.Add((MentorApplication(open, openMentors[i], status, i == 0 || rnd.Bool(0.85f), Reason(status, mentee: false)), null));
        }
        var openMentees = new[] { mentee.Id }.Concat(rnd.Shuffle(menteePool).Select(p => p.User.Id).Take(OpenCohortMentees - 1)).ToList();
        for (var i = 0; i < openMentees.Count; i++)
        {
            var status = i == 0 ? ApplicationStatus.Submitted : Pick(i - 1, (25, ApplicationStatus.Accepted), (99, ApplicationStatus.Submitted),
                (12, ApplicationStatus.Waitlisted), (8, ApplicationStatus.Declined), (5, ApplicationStatus.Withdrawn));
            applications.Add(MenteeApplication(open, openMentees[i], status, Reason(status, mentee: true)));
        }

        // Some mentors are members too, without using their seat.
        var mentorMemberships = rnd.ListItems(mentorPool, 10)
            .Select(p => NewMembership(p.User.Id, open.ApplicationsOpenOn.AddDays(-rnd.Int(0, 60)))).ToList();
        db.Memberships.AddRange(applications.Where(a => a.Seat is not null).Select(a => a.Seat!).Concat(mentorMemberships));
        await db.SaveChangesAsync(ct);
        foreach (var (application, seat) in applications)
        {
            application.MembershipId = seat?.Id;
            db.Applications.Add(application);
        }
        await db.SaveChangesAsync(ct);
        await DemoPairsProgress.SeedAsync(db, program, past1, mentor.Id, mentee.Id, mentorPool.Select(p => p.User.Id).ToList(), menteePool.Select(p => p.User.Id).ToList(), now, ct);
        await DemoMatching.SeedAsync(db, program.Id, mentee.Id, ct);
        await DemoPairsSpace.SeedAsync(db, clock, notices, ct);
        await DemoCommunity.SeedAsync(db, now, mentor.Id, mentee.Id, ct);
        return await SignInsAsync(db, ct);

        // Local helpers keep the narrative above readable; they share its random stream and dates.
        Cohort NewCohort(MentorshipProgram p, DateOnly startsOn, CohortStatus status, DateOnly? opens = null, DateOnly? closes = null) => new()
        {
            ProgramId = p.Id, Name = $"{startsOn.Year} {(startsOn.Month <= 6 ? "Spring" : "Autumn")}", StartsOn = startsOn,
            EndsOn = startsOn.AddMonths(p.CohortLengthMonths).AddDays(-1), Status = status,
            ApplicationsOpenOn = opens ?? startsOn.AddDays(-49), ApplicationsCloseOn = closes ?? startsOn.AddDays(-21),
        };

        Application MentorApplication(Cohort cohort, string userId, ApplicationStatus status, bool isPublic, string? reason)
        {
            var profile = profiles[userId];
            var submitted = SubmittedAt(cohort);
            var decided = status == ApplicationStatus.Submitted ? (DateTime?)null : Decided(submitted);
            return new Application
            {
                CohortId = cohort.Id, UserId = userId, Role = ApplicationRole.Mentor, Status = status, Languages = profile.Languages,
                Availability = people.Availability(), MeetingMode = rnd.Enum<MeetingMode>(),
                Capacity = profile.Seniority == Seniority.Executive ? rnd.Int(1, 2) : rnd.Int(1, 3),
                TracksServed = TagList.Format(profile.Seniority == Seniority.Executive
                    ? [standard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), advanced.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                    : [standard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
                Expertise = profile.Expertise, Offer = people.Offer(profile), PublicProfile = isPublic,
                DecisionReason = reason, DecidedById = status is ApplicationStatus.Submitted or ApplicationStatus.Withdrawn ? null : coordinator.Id,
                DecidedAt = decided, SubmittedAt = submitted, UpdatedAt = decided ?? submitted,
            };
        }

        (Application, Membership) MenteeApplication(Cohort cohort, string userId, ApplicationStatus status, string? reason)
        {
            var profile = profiles[userId];
            var submitted = SubmittedAt(cohort);
            var decided = status == ApplicationStatus.Submitted ? (DateTime?)null : Decided(submitted);
            var seat = NewMembership(userId, DateOnly.FromDateTime(submitted).AddDays(-rnd.Int(0, 30)));
            return (new Application
            {
                CohortId = cohort.Id, UserId = userId, Role = ApplicationRole.Mentee, Status = status, Languages = profile.Languages,
                Availability = people.Availability(), MeetingMode = rnd.Enum<MeetingMode>(),
                TrackId = profile.Seniority == Seniority.MidManagement ? advanced.Id : standard.Id,
                Flourish = people.Flourish(profile), FocusAreas = TagList.Format(people.FocusAreas()),
                MentorGenderPreference = rnd.WeightedRandom([GenderPreference.Any, GenderPreference.Same, GenderPreference.Cross], [0.80f, 0.18f, 0.02f]),
                OpenToReverse = rnd.Bool(0.15f), MentorOrigin = rnd.WeightedRandom([MentorOrigin.Either, MentorOrigin.External, MentorOrigin.Internal], [0.7f, 0.25f, 0.05f]),
                DecisionReason = reason, DecidedById = status is ApplicationStatus.Submitted or ApplicationStatus.Withdrawn ? null : coordinator.Id,
                DecidedAt = decided, SubmittedAt = submitted, UpdatedAt = decided ?? submitted,
            }, seat);
        }

        Membership NewMembership(string userId, DateOnly startsOn) => new()
        {
            ProgramId = program.Id, UserId = userId, StartsOn = startsOn, EndsOn = startsOn.AddYears(1).AddDays(-1),
            FeeMinor = rnd.Bool(0.8f) ? 500_00 : 800_00, Currency = "CNY", PaidOn = startsOn, RecordedById = coordinator.Id,
            CreatedAt = startsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };

        DateTime SubmittedAt(Cohort cohort)
        {
            var last = cohort.ApplicationsCloseOn < today ? cohort.ApplicationsCloseOn : today;
            var days = Math.Max(0, last.DayNumber - cohort.ApplicationsOpenOn.DayNumber);
            return cohort.ApplicationsOpenOn.AddDays(rnd.Int(0, days)).ToDateTime(new TimeOnly(rnd.Int(0, 15), rnd.Int(0, 59)), DateTimeKind.Utc);
        }

        DateTime Decided(DateTime submitted)
        {
            var decided = submitted.AddDays(rnd.Int(1, 10)).AddHours(rnd.Int(1, 6));
            var limit = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return decided < limit ? decided : limit;
        }

        string? Reason(ApplicationStatus status, bool mentee) => status switch
        {
            ApplicationStatus.Declined => rnd.ArrayElement(mentee ? MenteeDeclineReasons : MentorDeclineReasons),
            ApplicationStatus.Waitlisted => mentee
                ? "Waitlisted: we will confirm once mentor places for your track are settled."
                : "Waitlisted: we have more mentors than mentees in your industry so far.",
            ApplicationStatus.Withdrawn => rnd.ArrayElement(WithdrawnReasons),
            _ => null,
        };
    }

    /// <summary>The status for the i-th application given counts per status, in order.</summary>
    private static ApplicationStatus Pick(int i, params (int Count, ApplicationStatus Status)[] plan)
    {
        foreach (var (count, status) in plan)
        {
            if (i < count) return status;
            i -= count;
        }
        return ApplicationStatus.Submitted;
    }

    private static readonly string[] MenteeDeclineReasons =
    [
        "Your seniority fits neither track this term: the Advanced track is for mid-management roles.",
        "We could not find a mentor who shares a language with you this term; please apply again.",
        "The Standard track is full this term; you are welcome to apply next term.",
    ];

    private static readonly string[] MentorDeclineReasons =
    [
        "We have enough mentors in your industry this term; thank you, we will contact you next term.",
        "Mentors on the Advanced track need a C-suite role.",
    ];

    private static readonly string[] WithdrawnReasons =
    [
        "Withdrawn by the applicant: starting a new job and will apply next term.",
        "Withdrawn by the applicant: relocating abroad.",
    ];

    private async Task<User> CreateSignInAsync(string email, string name, Seniority seniority, bool coordinator, DateTime now, Action<Profile> complete)
    {
        var user = new User { Id = DemoPeople.IdFor(email), UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now.AddDays(-400) };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (coordinator) await users.AddToRoleAsync(user, Roles.Coordinator);
        var profile = new Profile
        {
            UserId = user.Id, DisplayName = name, Gender = "female", Pronouns = "she/her", Seniority = seniority, Languages = TagList.Format(["zh", "en"]),
            City = "Beijing", TimeZone = "Asia/Shanghai", Interests = TagList.Format(["hiking", "reading"]),
            Links = "https://www.linkedin.com/in/" + email.Split('@')[0] + "-demo",
            Extraversion = 5, Agreeableness = 6, Conscientiousness = 6, EmotionalStability = 5, Openness = 6.5, UpdatedAt = now,
        };
        complete(profile);
        db.Profiles.Add(profile);
        return user;
    }
}
