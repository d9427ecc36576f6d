using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Messages;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

/// <summary>
/// <c>dotnet run --project src/Tandem.Web -- seed --members 50000</c>: fills an empty database with a program of
/// that size, to try Tandem at scale. The members apply as mentees; a fifth as many mentors (who need no
/// membership) join them. Four closed cohorts and a running one carry pairs with their meetings and messages; the
/// open cohort holds every member's mentee application and every mentor's, reviewed, its window just closed, ready
/// for the coordinator to move it to Matching. The demo's three sign-ins (coordinator@, mentor@, mentee@) take part.
/// </summary>
/// <remarks>Rows are written with <see cref="BulkInsert"/> (COPY on PostgreSQL, one prepared INSERT on SQLite), with
/// keys assigned here so later rows can refer to earlier ones without reading them back. Fixed seed.</remarks>
public sealed class LargeProgram(TandemDb db, UserManager<User> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<LargeProgram> log)
{
    public const int DefaultMembers = 50_000, MinMembers = 100, MaxMembers = 1_000_000;
    private const int PastCohorts = 4;

    public sealed record Summary(int People, int Memberships, int Applications, int Pairs, int Meetings, int Messages, int OpenCohortId, TimeSpan Took);

    /// <summary>The command: <c>seed [--members N]</c>. Returns the process exit code.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, string[] args)
    {
        var members = DefaultMembers;
        for (var k = 0; k < args.Length; k++)
        {
            if (args[k] is "--members" && k + 1 < args.Length && int.TryParse(args[k + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= MinMembers and <= MaxMembers)
            {
                members = n;
                k++;
            }
            else if (args[k].StartsWith("--", StringComparison.Ordinal) && args[k].Contains(':', StringComparison.Ordinal))
                k += args[k].Contains('=', StringComparison.Ordinal) ? 0 : 1; // a configuration setting (--Data:Folder x), read by the host
            else
            {
                Console.Error.WriteLine($"seed: '{args[k]}' is not understood. Usage: seed [--members N] with {MinMembers} <= N <= {MaxMembers:N0} (default {DefaultMembers:N0}).");
                return 2;
            }
        }

        using var scope = services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<LargeProgram>();
        var outcome = await seeder.SeedAsync(members, CancellationToken.None);
        if (outcome.Refusal is { } refused)
        {
            Console.Error.WriteLine("seed: " + string.Join(" ", refused.Messages));
            return 1;
        }
        var s = outcome.Value!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {s.People:N0} people, {s.Memberships:N0} memberships, {s.Applications:N0} applications, {s.Pairs:N0} pairs, {s.Meetings:N0} meetings and {s.Messages:N0} messages in {s.Took.TotalSeconds:0.0} s."));
        Console.WriteLine($"The open cohort is /Cohorts/{s.OpenCohortId}. Sign in as {DemoData.SignIns[0].Email} (password {DemoData.Password}).");
        return 0;
    }

    public async Task<Outcome<Summary>> SeedAsync(int members, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(db, ct);
        if (!await roles.RoleExistsAsync(Roles.Coordinator)) await roles.CreateAsync(new IdentityRole(Roles.Coordinator));
        var people = await db.Users.CountAsync(ct);
        var cohorts = await db.Cohorts.CountAsync(ct);
        if (people > 0 || cohorts > 0)
            return Errors.One("", string.Create(CultureInfo.InvariantCulture,
                $"the database is not empty ({people} people, {cohorts} cohorts); seed fills an empty one. Point it at a new database, e.g. --Data:Folder /tmp/tandem-50k (SQLite) or --ConnectionStrings:Tandem \"Host=…;Database=tandem_50k\" --Database:Provider Postgres."));
        await ProgramDefaults.EnsureAsync(db, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var plan = new Plan(members, now);
        var program = await db.Programs.Include(p => p.Tracks).OrderBy(p => p.Id).FirstAsync(ct);
        program.Name = "Tandem at scale";
        program.Description = string.Create(CultureInfo.InvariantCulture, $"A corporate mentoring program of {members:N0} members, in 6-month cohorts twice a year.");
        program.ContactEmail = "mentoring@tandem.local";
        program.DonationRecipient = "Spring Bud Project (girls' education)";
        var standard = program.Tracks.Single(t => t.Code == "standard").Id;
        var advanced = program.Tracks.Single(t => t.Code == "advanced").Id;

        // Cohorts: four closed, one running, the open one (window closed yesterday), a draft for next term.
        var open = Cohort(program, today.AddDays(20), CohortStatus.Open, opens: today.AddDays(-40), closes: today.AddDays(-1));
        var running = Cohort(program, today.AddDays(-91), CohortStatus.Active, label: "(running)");
        var past = Enumerable.Range(1, PastCohorts).Select(k => Cohort(program, running.StartsOn.AddMonths(-6 * k), CohortStatus.Closed)).Reverse().ToList();
        var draft = Cohort(program, open.StartsOn.AddMonths(6), CohortStatus.Draft);
        db.Cohorts.AddRange([.. past, running, open, draft]);
        await db.SaveChangesAsync(ct);

        // The three sign-ins, with real password hashes; everyone else cannot sign in.
        var coordinator = await SignInAsync(DemoData.SignIns[0].Email, "Chen Jing (Coordinator)", Seniority.Senior, now, coordinator: true, ct);
        var mentorSignIn = await SignInAsync(DemoData.SignIns[1].Email, "Wang Li", Seniority.Executive, now, coordinator: false, ct);
        var menteeSignIn = await SignInAsync(DemoData.SignIns[2].Email, "Zhao Min", Seniority.Junior, now, coordinator: false, ct);
        log.LogInformation("Generating {Members} members and {Mentors} mentors", members, plan.MentorCount);

        var mentees = plan.People(members, mentor: false);
        var mentors = plan.People(plan.MentorCount, mentor: true);
        var profiles = mentees.Concat(mentors).ToDictionary(p => p.User.Id, p => p.Profile);
        profiles[mentorSignIn.Id] = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == mentorSignIn.Id, ct);
        profiles[menteeSignIn.Id] = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == menteeSignIn.Id, ct);
        var menteeIds = new[] { menteeSignIn.Id }.Concat(mentees.Select(p => p.User.Id)).ToList();
        var mentorIds = new[] { mentorSignIn.Id }.Concat(mentors.Select(p => p.User.Id)).ToList();

        var rows = new Rows(plan, profiles, coordinator.Id, program.Id, standard, advanced, today);
        // Earlier cohorts: an eighth of the members as mentees, a twentieth as mentors; every place filled.
        foreach (var cohort in past.Append(running))
        {
            var cohortMentees = plan.Sample(menteeIds, members / 8, keepFirst: cohort == running);
            var cohortMentors = plan.Sample(mentorIds, Math.Max(1, members / 20), keepFirst: cohort == running || cohort == past[^1]);
            rows.Cohort(cohort, cohortMentees, cohortMentors, decidedAll: true, pairs: true, now);
        }
        rows.Cohort(open, menteeIds, mentorIds, decidedAll: false, pairs: false, now);

        log.LogInformation("Writing {Rows} rows", rows.Count + (2 * (mentees.Count + mentors.Count)));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.WriteAsync(db, mentees.Concat(mentors).Select(p => p.User), keepIds: true, ct);
            await BulkInsert.WriteAsync(db, mentees.Concat(mentors).Select(p => p.Profile), keepIds: true, ct);
            await BulkInsert.WriteAsync(db, rows.Memberships, keepIds: true, ct);
            await BulkInsert.WriteAsync(db, rows.Applications, keepIds: true, ct);
            await BulkInsert.WriteAsync(db, rows.Pairs, keepIds: true, ct);
            await BulkInsert.WriteAsync(db, rows.Meetings, keepIds: true, ct);
            await BulkInsert.WriteAsync(db, rows.Messages, keepIds: true, ct);
            await tx.CommitAsync(ct);
        }
        await BulkInsert.ResetIdentityAsync<Membership>(db, ct);
        await BulkInsert.ResetIdentityAsync<Application>(db, ct);
        await BulkInsert.ResetIdentityAsync<Pair>(db, ct);
        await BulkInsert.ResetIdentityAsync<Meeting>(db, ct);
        await BulkInsert.ResetIdentityAsync<Message>(db, ct);
        // Fresh statistics, so the planner knows the tables are big (SQLite's ANALYZE; PostgreSQL's autovacuum is slower to notice).
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);

        return new Summary(mentees.Count + mentors.Count + 3, rows.Memberships.Count, rows.Applications.Count, rows.Pairs.Count,
            rows.Meetings.Count, rows.Messages.Count, open.Id, watch.Elapsed);
    }

    private static Cohort Cohort(MentorshipProgram p, DateOnly startsOn, CohortStatus status, DateOnly? opens = null, DateOnly? closes = null, string? label = null) => new()
    {
        ProgramId = p.Id, Name = $"{startsOn.Year} {(startsOn.Month <= 6 ? "Spring" : "Autumn")}{(label is null ? "" : " " + label)}", StartsOn = startsOn,
        EndsOn = startsOn.AddMonths(p.CohortLengthMonths).AddDays(-1), Status = status,
        ApplicationsOpenOn = opens ?? startsOn.AddDays(-49), ApplicationsCloseOn = closes ?? startsOn.AddDays(-21),
    };

    private async Task<User> SignInAsync(string email, string name, Seniority seniority, DateTime now, bool coordinator, CancellationToken ct)
    {
        var user = new User { Id = DemoPeople.IdFor(email), UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now.AddDays(-400) };
        var result = await users.CreateAsync(user, DemoData.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (coordinator) await users.AddToRoleAsync(user, Roles.Coordinator);
        db.Profiles.Add(new Profile
        {
            UserId = user.Id, DisplayName = name, Gender = "female", Pronouns = "she/her", Seniority = seniority, Languages = TagList.Format(["zh", "en"]),
            City = "Beijing", TimeZone = "Asia/Shanghai", Employer = coordinator ? "Tandem" : seniority == Seniority.Executive ? "Jinghua Capital" : "Baiyun Cloud",
            JobTitle = coordinator ? "Program Coordinator" : seniority == Seniority.Executive ? "Chief Financial Officer" : "Senior Analyst",
            Industry = seniority == Seniority.Executive ? "Finance" : "Technology",
            Expertise = TagList.Format(seniority == Seniority.Executive ? ["corporate finance", "leadership", "negotiation"] : ["data science"]),
            Interests = TagList.Format(["hiking", "reading"]), Extraversion = 5, Agreeableness = 6, Conscientiousness = 6, EmotionalStability = 5, Openness = 6.5,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The random choices, from one fixed seed.</summary>
    private sealed class Plan(int members, DateTime now)
    {
        private readonly DemoPeople people = new();
        public Random Rnd { get; } = new(2026_12);
        public int MentorCount => Math.Max(1, members / 5);
        public DemoPeople Generator => people;

        public List<DemoPeople.Person> People(int count, bool mentor)
        {
            var list = new List<DemoPeople.Person>(count);
            for (var k = 0; k < count; k++)
            {
                var x = Rnd.NextDouble();
                var seniority = mentor
                    ? x < 0.35 ? Seniority.Executive : x < 0.75 ? Seniority.Senior : Seniority.MidManagement
                    : x < 0.35 ? Seniority.Entry : x < 0.80 ? Seniority.Junior : Seniority.MidManagement;
                list.Add(people.Create(seniority, Rnd.NextDouble() < 0.8, now));
            }
            return list;
        }

        /// <summary>count distinct ids (the first one always, when asked: a sign-in that must take part).</summary>
        public List<string> Sample(List<string> ids, int count, bool keepFirst)
        {
            var picked = ids.Skip(1).OrderBy(_ => Rnd.Next()).Take(Math.Min(count, ids.Count) - (keepFirst ? 1 : 0)).ToList();
            if (keepFirst) picked.Insert(0, ids[0]);
            return picked;
        }
    }

    /// <summary>The rows to write, with their keys.</summary>
    private sealed class Rows(Plan plan, Dictionary<string, Profile> profiles, string coordinatorId, int programId, int standard, int advanced, DateOnly today)
    {
        public List<Membership> Memberships { get; } = [];
        public List<Application> Applications { get; } = [];
        public List<Pair> Pairs { get; } = [];
        public List<Meeting> Meetings { get; } = [];
        public List<Message> Messages { get; } = [];
        public int Count => Memberships.Count + Applications.Count + Pairs.Count + Meetings.Count + Messages.Count;
        private Random Rnd => plan.Rnd;

        private static readonly string[] Notes =
        [
            "Agreed our goals for the six months and how often we meet.", "Practised the conversation about my promotion.",
            "Went through my one-year plan; next step is to talk to my manager.", "Talked about leading without a title.",
            "Reviewed my CV and the roles I am applying for.", "Discussed how to give feedback to a senior colleague.",
        ];

        private static readonly string[] Lines =
        [
            "Thank you for today, that was really helpful.", "Could we move next week's meeting to Thursday evening?",
            "Here is the article I mentioned.", "I talked to my manager as we discussed, and it went well!",
            "Looking forward to our next meeting.", "I have drafted my plan, could you have a look before we meet?",
        ];

        public void Cohort(Cohort cohort, List<string> mentees, List<string> mentors, bool decidedAll, bool pairs, DateTime now)
        {
            var menteeApps = mentees.Select((id, k) => MenteeApplication(cohort, id, k == 0 || decidedAll ? ApplicationStatus.Accepted : MenteeStatus())).ToList();
            var mentorApps = mentors.Select((id, k) => MentorApplication(cohort, id, k == 0 || decidedAll ? ApplicationStatus.Accepted : MentorStatus(), open: !pairs)).ToList();
            if (!pairs) return;

            // Every place filled in order: mentors' places shuffled, one mentee each.
            var places = mentorApps.SelectMany(m => Enumerable.Repeat(m, m.Capacity)).OrderBy(_ => Rnd.Next()).ToList();
            var ended = cohort.Status == CohortStatus.Closed;
            var start = cohort.StartsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var end = ended ? cohort.EndsOn.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc) : now;
            for (var k = 0; k < Math.Min(places.Count, menteeApps.Count); k++)
            {
                var (mentee, mentor) = (menteeApps[k], places[k]);
                var closedEarly = Rnd.NextDouble() < (ended ? 0.12 : 0.04);
                var closedAt = closedEarly ? start.AddDays(Rnd.Next(20, Math.Max(21, (int)(end - start).TotalDays))) : (DateTime?)null;
                var pair = new Pair
                {
                    Id = Pairs.Count + 1, CohortId = cohort.Id, MenteeId = mentee.UserId, MentorId = mentor.UserId,
                    MenteeApplicationId = mentee.Id, MentorApplicationId = mentor.Id, Score = Math.Round(0.45 + (Rnd.NextDouble() * 0.5), 3),
                    Origin = PairOrigin.Matched, PublishedAt = start.AddDays(-7),
                    Status = closedEarly ? PairStatus.ClosedEarly : ended ? PairStatus.Completed : PairStatus.Active,
                    ClosedAt = closedEarly ? closedAt : ended ? end : null,
                    CloseReason = closedEarly ? (CloseReason)Rnd.Next(1, 5) : ended ? CloseReason.CohortEnded : null,
                };
                Pairs.Add(pair);
                var last = pair.ClosedAt ?? end;
                // Completed pairs met at least the minimum (3); early closes and running pairs fewer or about as many.
                var held = closedEarly ? Rnd.Next(0, 3) : ended ? Rnd.Next(3, 7) : Rnd.Next(0, 4);
                for (var m = 0; m < held; m++)
                {
                    var at = start.AddDays(((last - start).TotalDays * (m + 1) / (held + 1)) + Rnd.Next(-3, 4)).Date.AddHours(11 + Rnd.Next(0, 8));
                    if (at > now) at = now.AddDays(-1);
                    Meetings.Add(new Meeting
                    {
                        Id = Meetings.Count + 1, PairId = pair.Id, ProposedById = pair.MenteeId, StartsAt = at, DurationMinutes = 60,
                        Format = (MeetingFormat)Rnd.Next(0, 3), Status = MeetingStatus.Held, Agenda = "What do I want from the next three months?",
                        Summary = Notes[Rnd.Next(Notes.Length)], CreatedAt = at.AddDays(-5), UpdatedAt = at.AddHours(2),
                    });
                }
                if (!ended && !closedEarly && Rnd.NextDouble() < 0.5)
                {
                    var next = now.AddDays(Rnd.Next(2, 20)).Date.AddHours(12);
                    Meetings.Add(new Meeting
                    {
                        Id = Meetings.Count + 1, PairId = pair.Id, ProposedById = pair.MenteeId, StartsAt = next, DurationMinutes = 60,
                        Format = MeetingFormat.Video, Status = MeetingStatus.Accepted, Agenda = "Preparing my mid-year review.", CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-1),
                    });
                }
                var messages = Rnd.Next(1, 7);
                for (var m = 0; m < messages; m++)
                {
                    var at = start.AddHours((last - start).TotalHours * (m + 1) / (messages + 1));
                    Messages.Add(new Message
                    {
                        Id = Messages.Count + 1, PairId = pair.Id, SenderId = m % 2 == 0 ? pair.MenteeId : pair.MentorId, Body = Lines[Rnd.Next(Lines.Length)],
                        SentAt = at, ReadAt = m == messages - 1 && !ended ? null : at.AddHours(Rnd.Next(1, 30)),
                    });
                }
            }
        }

        private ApplicationStatus MenteeStatus() => Rnd.NextDouble() switch
        {
            < 0.88 => ApplicationStatus.Accepted, < 0.92 => ApplicationStatus.Waitlisted, < 0.95 => ApplicationStatus.Declined,
            < 0.98 => ApplicationStatus.Submitted, _ => ApplicationStatus.Withdrawn,
        };

        private ApplicationStatus MentorStatus() => Rnd.NextDouble() switch
        {
            < 0.90 => ApplicationStatus.Accepted, < 0.94 => ApplicationStatus.Waitlisted, < 0.96 => ApplicationStatus.Declined,
            < 0.99 => ApplicationStatus.Submitted, _ => ApplicationStatus.Withdrawn,
        };

        private Application MenteeApplication(Cohort cohort, string userId, ApplicationStatus status)
        {
            var p = profiles[userId];
            var submitted = Submitted(cohort);
            var decided = status is ApplicationStatus.Submitted or ApplicationStatus.Withdrawn ? (DateTime?)null : submitted.AddDays(Rnd.Next(1, 10));
            var startsOn = DateOnly.FromDateTime(submitted).AddDays(-Rnd.Next(0, 30));
            var seat = new Membership
            {
                Id = Memberships.Count + 1, ProgramId = programId, UserId = userId, StartsOn = startsOn, EndsOn = startsOn.AddYears(1).AddDays(-1),
                FeeMinor = Rnd.NextDouble() < 0.8 ? 500_00 : 800_00, Currency = "CNY", PaidOn = startsOn, RecordedById = coordinatorId,
                CreatedAt = startsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            };
            Memberships.Add(seat);
            var application = new Application
            {
                Id = Applications.Count + 1, CohortId = cohort.Id, UserId = userId, Role = ApplicationRole.Mentee, Status = status, MembershipId = seat.Id,
                Languages = p.Languages, Availability = plan.Generator.Availability(), MeetingMode = Mode(),
                TrackId = p.Seniority == Seniority.MidManagement ? advanced : standard,
                Flourish = plan.Generator.Flourish(p), FocusAreas = TagList.Format(plan.Generator.FocusAreas()),
                MentorGenderPreference = Rnd.NextDouble() switch { < 0.80 => GenderPreference.Any, < 0.98 => GenderPreference.Same, _ => GenderPreference.Cross },
                OpenToReverse = Rnd.NextDouble() < 0.15, MentorOrigin = Rnd.NextDouble() switch { < 0.7 => MentorOrigin.Either, < 0.95 => MentorOrigin.External, _ => MentorOrigin.Internal },
                DecisionReason = status == ApplicationStatus.Waitlisted ? "Waitlisted: we will confirm once mentor places for your track are settled." : null,
                DecidedById = decided is null ? null : coordinatorId, DecidedAt = decided, SubmittedAt = submitted, UpdatedAt = decided ?? submitted,
            };
            Applications.Add(application);
            return application;
        }

        private Application MentorApplication(Cohort cohort, string userId, ApplicationStatus status, bool open)
        {
            var p = profiles[userId];
            var submitted = Submitted(cohort);
            var decided = status is ApplicationStatus.Submitted or ApplicationStatus.Withdrawn ? (DateTime?)null : submitted.AddDays(Rnd.Next(1, 10));
            var executive = p.Seniority == Seniority.Executive;
            var application = new Application
            {
                Id = Applications.Count + 1, CohortId = cohort.Id, UserId = userId, Role = ApplicationRole.Mentor, Status = status,
                Languages = p.Languages, Availability = plan.Generator.Availability(), MeetingMode = Mode(),
                // The open cohort's mentors take 2 to 5 mentees (about 30,000 places for 10,000 mentors); earlier ones 1 to 3.
                Capacity = open ? Rnd.Next(2, 6) : Rnd.Next(1, 4),
                TracksServed = TagList.Format(executive
                    ? [standard.ToString(CultureInfo.InvariantCulture), advanced.ToString(CultureInfo.InvariantCulture)]
                    : [standard.ToString(CultureInfo.InvariantCulture)]),
                Expertise = p.Expertise, Offer = plan.Generator.Offer(p), PublicProfile = Rnd.NextDouble() < 0.8,
                DecidedById = decided is null ? null : coordinatorId, DecidedAt = decided, SubmittedAt = submitted, UpdatedAt = decided ?? submitted,
            };
            Applications.Add(application);
            return application;
        }

        private MeetingMode Mode() => Rnd.NextDouble() switch { < 0.5 => MeetingMode.Either, < 0.85 => MeetingMode.Online, _ => MeetingMode.InPerson };

        private DateTime Submitted(Cohort cohort)
        {
            var last = cohort.ApplicationsCloseOn < today ? cohort.ApplicationsCloseOn : today;
            var days = Math.Max(0, last.DayNumber - cohort.ApplicationsOpenOn.DayNumber);
            return cohort.ApplicationsOpenOn.AddDays(Rnd.Next(0, days + 1)).ToDateTime(new TimeOnly(Rnd.Next(0, 15), Rnd.Next(0, 59)), DateTimeKind.Utc);
        }
    }
}
