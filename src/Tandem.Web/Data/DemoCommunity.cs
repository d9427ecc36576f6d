using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

/// <summary>
/// The community around the pairs in the demo: a bilingual library of about 40 resources, events past and upcoming
/// (one full coffee with a waitlist), webinars with dilemma boards (some anonymous, with solutions, votes and
/// helpful marks), and two workbooks one mentee has started. Runs after <see cref="DemoData"/> has made the cohorts.
/// </summary>
public static class DemoCommunity
{
    public static async Task SeedAsync(TandemDb db, DateTime now, string mentorId, string menteeId, CancellationToken ct)
    {
        var cohorts = await db.Cohorts.AsNoTracking().OrderBy(c => c.StartsOn).ToListAsync(ct);
        var open = cohorts.First(c => c.Status == CohortStatus.Open);
        var past = cohorts.Last(c => c.Status == CohortStatus.Closed);
        var running = cohorts.First(c => c.Status == CohortStatus.Active);
        var openMentees = await AcceptedMenteesAsync(db, open.Id, ct);
        var runningMentees = await AcceptedMenteesAsync(db, running.Id, ct);
        var pastMentees = await AcceptedMenteesAsync(db, past.Id, ct);

        db.LibraryItems.AddRange(Library(now, menteeId));

        // Events: times in Beijing (UTC+8) expressed in UTC.
        var day = now.Date;
        var coffee = Event(EventKind.MorningCoffee, "Morning coffee in Guomao", day.AddDays(5).AddHours(0.5), 1.5, "Café Lumière, China World Mall, Guomao", 8,
            "An informal coffee for mentees and mentors before work. Bring a question you are chewing on.");
        var lunch = Event(EventKind.Lunch, "Spring lunch: negotiation stories", day.AddDays(12).AddHours(4), 1.5, "Jing Yaa Tang, Sanlitun", 20,
            "Three mentors share how they negotiated their first leadership role.");
        var call = Event(EventKind.NetworkingCall, "Networking call: women in tech", day.AddDays(19).AddHours(12), 1, "https://meet.example.com/tandem-tech", null,
            "Thirty people, five breakout rooms, ten minutes each.");
        var workshop = Event(EventKind.Workshop, "Workshop: writing your development plan", day.AddDays(26).AddHours(6), 2, "Her Tandem Network office, Dongcheng", 15,
            "Bring the goals you wrote in your application; leave with a one-page plan.");
        workshop.Audience = Audience.Mentees;
        var pastCoffee = Event(EventKind.MorningCoffee, "Morning coffee in Zhongguancun", day.AddDays(-20).AddHours(0.5), 1.5, "Page One bookstore café", 10, "Coffee and introductions.");
        var pastLunch = Event(EventKind.Lunch, "Closing lunch of the previous cohort", day.AddDays(-45).AddHours(4), 2, "Temple Restaurant Beijing", 30, "Thank-yous and next steps.");
        db.Events.AddRange(coffee, lunch, call, workshop, pastCoffee, pastLunch);

        var webinarPast = new Webinar
        {
            CohortId = past.Id, Title = "Dilemmas at work: saying no without burning bridges", StartsAt = day.AddDays(-30).AddHours(11), EndsAt = day.AddDays(-30).AddHours(12.5),
            Link = "https://meet.example.com/tandem-dilemmas-1", Capacity = 40, Audience = Audience.Mentees, CreatedAt = now.AddDays(-60),
            Description = "Bring a real situation. The group suggests several ways forward; you take the ones that fit.",
        };
        var webinarNext = new Webinar
        {
            CohortId = open.Id, Title = "Dilemmas at work: visibility and credit", StartsAt = day.AddDays(30).AddHours(11), EndsAt = day.AddDays(30).AddHours(12.5),
            Link = "https://meet.example.com/tandem-dilemmas-2", Capacity = 40, Audience = Audience.Mentees, CreatedAt = now,
            Description = "Post your dilemma beforehand (anonymously if you prefer) so others can think about it.",
        };
        var webinarMentors = new Webinar
        {
            CohortId = open.Id, Title = "Mentor briefing: the first meeting", StartsAt = day.AddDays(22).AddHours(12), EndsAt = day.AddDays(22).AddHours(13),
            Link = "https://meet.example.com/tandem-mentors", Audience = Audience.Mentors, CreatedAt = now,
        };
        // The demo mentee's own cohort (the running one) meets next week; she is registered and the board has dilemmas.
        var webinarRunning = new Webinar
        {
            CohortId = running.Id, Title = "Dilemmas at work: asking for what you are worth", StartsAt = day.AddDays(8).AddHours(11), EndsAt = day.AddDays(8).AddHours(12.5),
            Link = "https://meet.example.com/tandem-dilemmas-running", Capacity = 40, Audience = Audience.Mentees, CreatedAt = now.AddDays(-10),
            Description = "Mid-programme dilemma session for the running cohort. Post yours before Thursday.",
        };
        db.Webinars.AddRange(webinarPast, webinarNext, webinarMentors, webinarRunning);
        db.Workbooks.AddRange(Workbooks(now));
        await db.SaveChangesAsync(ct);

        // RSVPs: the coffee is full (8) with two waiting, the demo mentee among them.
        var people = openMentees.Concat(pastMentees).Distinct().ToList();
        var going = people.Take(8).ToList();
        for (var i = 0; i < going.Count; i++) db.EventRsvps.Add(new EventRsvp { EventId = coffee.Id, UserId = going[i], Status = RsvpStatus.Going, RespondedAt = now.AddHours(-48 + i) });
        db.EventRsvps.Add(new EventRsvp { EventId = coffee.Id, UserId = people[8], Status = RsvpStatus.Waitlisted, RespondedAt = now.AddHours(-10) });
        db.EventRsvps.Add(new EventRsvp { EventId = coffee.Id, UserId = menteeId, Status = RsvpStatus.Waitlisted, RespondedAt = now.AddHours(-2) });
        db.EventRsvps.Add(new EventRsvp { EventId = lunch.Id, UserId = mentorId, Status = RsvpStatus.Going, RespondedAt = now.AddHours(-5) });
        foreach (var (u, i) in people.Skip(2).Take(6).Select((u, i) => (u, i)))
            db.EventRsvps.Add(new EventRsvp { EventId = pastCoffee.Id, UserId = u, Status = RsvpStatus.Going, RespondedAt = now.AddDays(-25), Attended = i != 3 });
        foreach (var u in pastMentees.Take(15))
        {
            db.EventRsvps.Add(new EventRsvp { EventId = pastLunch.Id, UserId = u, Status = RsvpStatus.Going, RespondedAt = now.AddDays(-50), Attended = true });
            db.WebinarRegistrations.Add(new WebinarRegistration { WebinarId = webinarPast.Id, UserId = u, Status = RegistrationStatus.Registered, RegisteredAt = now.AddDays(-35), Attended = u != pastMentees[0] });
        }
        foreach (var u in runningMentees.Take(7).Append(menteeId).Distinct())
            db.WebinarRegistrations.Add(new WebinarRegistration { WebinarId = webinarRunning.Id, UserId = u, Status = RegistrationStatus.Registered, RegisteredAt = now.AddDays(-3) });
        foreach (var u in openMentees.Take(6))
            db.WebinarRegistrations.Add(new WebinarRegistration { WebinarId = webinarNext.Id, UserId = u, Status = RegistrationStatus.Registered, RegisteredAt = now.AddHours(-20) });

        // Dilemma boards.
        var boards = new[]
        {
            (webinarPast, pastMentees, DilemmasPast),
            (webinarNext, openMentees, DilemmasNext),
            (webinarRunning, runningMentees, DilemmasRunning),
        };
        var solutions = new List<(DilemmaSolution Solution, int Votes, List<string> Voters)>();
        foreach (var (webinar, mentees, dilemmas) in boards)
        {
            for (var i = 0; i < dilemmas.Length; i++)
            {
                var (title, body, anonymous, answers) = dilemmas[i];
                var author = mentees[i % mentees.Count];
                var d = new Dilemma { WebinarId = webinar.Id, AuthorId = author, Anonymous = anonymous, Title = title, Body = body, CreatedAt = webinar.StartsAt.AddDays(-3 + i), UpdatedAt = webinar.StartsAt.AddDays(-3 + i) };
                db.Dilemmas.Add(d);
                await db.SaveChangesAsync(ct);
                for (var j = 0; j < answers.Length; j++)
                {
                    var helper = mentees[(i + j + 1) % mentees.Count];
                    if (helper == author) helper = mentees[(i + j + 2) % mentees.Count];
                    var s = new DilemmaSolution { DilemmaId = d.Id, AuthorId = helper, Text = answers[j], CreatedAt = d.CreatedAt.AddHours(2 + j), Helpful = webinar == webinarPast && j == 0 };
                    db.DilemmaSolutions.Add(s);
                    solutions.Add((s, (answers.Length - j) * 2, mentees.Where(m => m != helper).Take((answers.Length - j) * 2).ToList()));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (s, _, voters) in solutions)
            foreach (var v in voters) db.SolutionVotes.Add(new SolutionVote { SolutionId = s.Id, UserId = v });

        // A mentee of the open cohort has started the first workbook.
        var starter = await db.Workbooks.Include(w => w.Sections).ThenInclude(s => s.Exercises).OrderBy(w => w.Id).FirstAsync(ct);
        var exercises = starter.Sections.OrderBy(s => s.Position).SelectMany(s => s.Exercises.OrderBy(e => e.Position)).ToList();
        string[] answersForStarter = ["Lead my team's quarterly planning and speak at one industry event.", "3", "0,1"];
        for (var i = 0; i < Math.Min(answersForStarter.Length, exercises.Count); i++)
            db.WorkbookAnswers.Add(new WorkbookAnswer { ExerciseId = exercises[i].Id, UserId = openMentees[0], Value = answersForStarter[i], UpdatedAt = now.AddDays(-1) });
        await db.SaveChangesAsync(ct);
    }

    private static Task<List<string>> AcceptedMenteesAsync(TandemDb db, int cohortId, CancellationToken ct) =>
        db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && a.Role == ApplicationRole.Mentee && a.Status == ApplicationStatus.Accepted)
            .OrderBy(a => a.Id).Select(a => a.UserId).ToListAsync(ct);

    private static GroupEvent Event(EventKind kind, string title, DateTime startUtc, double hours, string location, int? capacity, string description) => new()
    {
        Kind = kind, Title = title, StartsAt = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), EndsAt = DateTime.SpecifyKind(startUtc.AddHours(hours), DateTimeKind.Utc),
        Location = location, Capacity = capacity, Description = description, Audience = Audience.All, CreatedAt = startUtc.AddDays(-30),
    };

    private static readonly (string Title, string Body, bool Anonymous, string[] Answers)[] DilemmasPast =
    [
        ("My manager presents my analysis as his own", "In the last two steering meetings my manager presented my work without mentioning me. How do I get credit without a confrontation?", true,
            ["Send a short written recap to the team after each piece of work, with your name on it.", "Ask to co-present the next analysis: 'I can take the questions on the data.'", "Talk to him privately about your goal of being more visible; make him your sponsor."]),
        ("Saying no to a senior colleague", "A director from another team keeps giving me urgent tasks. My own manager doesn't know. How do I say no?", false,
            ["Redirect: 'Happy to help — can you check the priority with my manager?'", "Keep a list of requests and bring it to your 1:1."]),
        ("Asking for a raise after a reorganisation", "My role doubled after the reorg but my title and pay didn't change. When and how do I ask?", true,
            ["Write down the before/after scope in numbers, then ask for a meeting about it.", "Ask before the budget cycle, not after."]),
    ];

    private static readonly (string Title, string Body, bool Anonymous, string[] Answers)[] DilemmasNext =
    [
        ("Speaking up in meetings in my second language", "In English meetings I have ideas but by the time I've phrased them the topic has moved on.", true,
            ["Send two bullet points before the meeting so your topic is on the agenda.", "Agree with a colleague that she will bring you in: 'Min, what do you think?'"]),
        ("Being the only woman on the team", "I'm the only woman among nine engineers and I'm always asked to take notes.", false,
            ["Propose a rotation for note-taking for everyone."]),
    ];

    private static readonly (string Title, string Body, bool Anonymous, string[] Answers)[] DilemmasRunning =
    [
        ("My manager says 'next year' about my raise, every year", "Third review in a row with great feedback and no raise. How do I make it concrete this time?", true,
            ["Ask what exactly would justify the raise, and agree a date to review it in writing.", "Bring two market salary figures and one result with a number on it."]),
        ("A promotion that means moving cities", "I'm offered a team lead role in Shenzhen. My partner's job is in Beijing.", false,
            ["Ask whether the role could start hybrid for six months.", "List what each of you would gain and lose; decide together, not alone."]),
        ("Taking credit for a shared project", "A colleague presented our joint project to the director as his own.", true,
            ["Send a short recap email to the director with both names and your part.", "Talk to him first: assume oversight, ask for joint presentations from now on."]),
    ];

    private static IEnumerable<Workbook> Workbooks(DateTime now) =>
    [
        new Workbook
        {
            Title = "Starting well: goals and expectations", Phase = CohortPhase.Start, Published = true, CreatedAt = now.AddDays(-90),
            Description = "Before your first meeting: where you want to be in a year, and what you hope for from your mentor.",
            Sections =
            [
                new WorkbookSection { Position = 1, Title = "Where do you want to be in a year?", Instructions = "Be **specific**: a role, a skill, a situation you want to handle well. *Vague goals make vague meetings.*",
                    Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "In one year, I want to…" },
                                 new WorkbookExercise { Position = 2, Kind = ExerciseKind.Scale, Prompt = "How confident are you that you will get there (1–5)?" }] },
                new WorkbookSection { Position = 2, Title = "Preparing the first meeting", Instructions = "You lead the relationship: you propose the time and bring the questions.",
                    Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.Checklist, Prompt = "Before the first meeting", Options = "Proposed a time\nShared my goals\nPrepared three questions\nAgreed how we'll stay in touch" },
                                 new WorkbookExercise { Position = 2, Kind = ExerciseKind.FreeText, Prompt = "My three questions for the first meeting" }] },
            ],
        },
        new Workbook
        {
            Title = "Closing well: reflection and next steps", Phase = CohortPhase.Closing, Published = true, CreatedAt = now.AddDays(-90),
            Description = "For the last month: what changed, what you are grateful for, and what comes next.",
            Sections =
            [
                new WorkbookSection { Position = 1, Title = "Looking back", Instructions = "Re-read what you wrote at the start.",
                    Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "What changed for you in these six months?" },
                                 new WorkbookExercise { Position = 2, Kind = ExerciseKind.Scale, Prompt = "How close are you to your one-year goal (1–5)?" }] },
                new WorkbookSection { Position = 2, Title = "Gratitude and transition", Instructions = "A thank-you note and a plan for staying in touch.",
                    Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "A note to your mentor" },
                                 new WorkbookExercise { Position = 2, Kind = ExerciseKind.Checklist, Prompt = "Next steps", Options = "Agreed how to stay in touch\nJoined the alumni group\nConsidered becoming a mentor" }] },
            ],
        },
    ];

    private static IEnumerable<LibraryItem> Library(DateTime now, string suggesterId)
    {
        (LibraryKind Kind, string Title, string Author, string Url, string Tags, string Lang, Audience Audience, bool Evidence, string Description)[] items =
        [
            (LibraryKind.Book, "Lean In: Women, Work, and the Will to Lead", "Sheryl Sandberg", "https://leanin.org/book", "leadership, women, career", "en", Audience.All, false, "On ambition, negotiation and the *stalled revolution* at work."),
            (LibraryKind.Book, "The First 90 Days", "Michael D. Watkins", "https://hbr.org/books/watkins", "transitions, leadership", "en", Audience.All, false, "A playbook for starting a new role: learn, secure early wins, build alliances."),
            (LibraryKind.Book, "Radical Candor", "Kim Scott", "https://www.radicalcandor.com/", "feedback, management", "en", Audience.All, false, "Care personally, challenge directly."),
            (LibraryKind.Book, "Dare to Lead", "Brené Brown", "https://brenebrown.com/book/dare-to-lead/", "leadership, courage", "en", Audience.All, false, "Vulnerability and courage as leadership skills."),
            (LibraryKind.Book, "Women Don't Ask", "Linda Babcock, Sara Laschever", "https://press.princeton.edu/", "negotiation, women", "en", Audience.Mentees, false, "Why women negotiate less, and what to do about it."),
            (LibraryKind.Book, "The Confidence Code", "Katty Kay, Claire Shipman", "https://www.theconfidencecode.com/", "confidence, women", "en", Audience.Mentees, false, "The science and art of self-assurance."),
            (LibraryKind.Book, "Mindset", "Carol S. Dweck", "https://mindsetonline.com/", "growth, learning", "en", Audience.All, false, "Fixed and growth mindsets."),
            (LibraryKind.Book, "Never Split the Difference", "Chris Voss", "https://www.blackswanltd.com/", "negotiation", "en", Audience.Mentees, false, "Negotiation lessons from a hostage negotiator."),
            (LibraryKind.Book, "The Mentor's Guide: Facilitating Effective Learning Relationships", "Lois J. Zachary", "https://www.wiley.com/", "mentoring, learning", "en", Audience.Mentors, true, "A research-grounded guide through the phases of a mentoring relationship."),
            (LibraryKind.Book, "Becoming", "Michelle Obama", "https://becomingmichelleobama.com/", "memoir, women", "en", Audience.All, false, "A memoir of growing up, work and public life."),
            (LibraryKind.Article, "What the Best Mentors Do", "Anthony K. Tjan, Harvard Business Review", "https://hbr.org/2017/02/what-the-best-mentors-do", "mentoring", "en", Audience.Mentors, true, "Put character before competence; look for the mentee's *intent*."),
            (LibraryKind.Article, "Why Men Still Get More Promotions Than Women", "Herminia Ibarra et al., Harvard Business Review", "https://hbr.org/2010/09/why-men-still-get-more-promotions-than-women", "sponsorship, women", "en", Audience.All, true, "Women are over-mentored and under-sponsored."),
            (LibraryKind.Article, "Effective Mentoring: A Meta-Analysis of Outcomes", "Eby, Allen et al., Journal of Vocational Behavior", "https://doi.org/10.1016/j.jvb.2007.04.005", "mentoring, research", "en", Audience.Mentors, true, "Across 112 studies, mentoring relates to behavioural, attitudinal and career outcomes."),
            (LibraryKind.Article, "The Questions Good Mentors Ask", "Harvard Business Review", "https://hbr.org/topic/mentoring", "mentoring, questions", "en", Audience.Mentors, true, "Open questions that help a mentee think aloud."),
            (LibraryKind.Article, "Giving Feedforward Instead of Feedback", "Marshall Goldsmith", "https://marshallgoldsmith.com/articles/try-feedforward-instead-feedback/", "feedforward, feedback", "en", Audience.All, false, "Suggestions for the future instead of judgements of the past."),
            (LibraryKind.Article, "Reverse Mentoring: What It Is and Why It Works", "MIT Sloan Management Review", "https://sloanreview.mit.edu/", "reverse mentoring", "en", Audience.Mentors, true, "How junior mentors teach senior leaders."),
            (LibraryKind.Article, "How to Ask for a Promotion", "Harvard Business Review", "https://hbr.org/topic/career-planning", "career, negotiation", "en", Audience.Mentees, false, "Build the case, pick the moment, ask clearly."),
            (LibraryKind.Article, "Psychological Safety and Learning Behavior in Work Teams", "Amy Edmondson, Administrative Science Quarterly", "https://doi.org/10.2307/2666999", "teams, research", "en", Audience.Mentors, true, "The classic study of psychological safety."),
            (LibraryKind.Article, "Cross-Gender Mentoring: Research and Practice", "Belle Rose Ragins", "https://journals.aom.org/", "cross-gender, mentoring, research", "en", Audience.Mentors, true, "What research says about mentoring across gender."),
            (LibraryKind.Article, "Building Your Network When You're an Introvert", "Harvard Business Review", "https://hbr.org/topic/networking", "networking", "en", Audience.Mentees, false, "Small, regular steps instead of big events."),
            (LibraryKind.Podcast, "Women at Work", "HBR Presents", "https://hbr.org/podcasts/women-at-work", "women, career", "en", Audience.All, false, "Conversations about the gender gap at work."),
            (LibraryKind.Podcast, "WorkLife with Adam Grant", "TED", "https://www.ted.com/podcasts/worklife", "work, psychology", "en", Audience.All, false, "Organisational psychology, made practical."),
            (LibraryKind.Podcast, "Dare to Lead Podcast", "Brené Brown", "https://brenebrown.com/podcast-show/dare-to-lead/", "leadership", "en", Audience.All, false, "Conversations about brave leadership."),
            (LibraryKind.Podcast, "The Mentoring Conversation", "Coaching and mentoring research network", "https://example.org/mentoring-conversation", "mentoring", "en", Audience.Mentors, true, "Researchers and practitioners on what makes mentoring work."),
            (LibraryKind.Documentary, "Miss Representation", "Jennifer Siebel Newsom", "https://therepresentationproject.org/", "women, media", "en", Audience.All, false, "Women's under-representation in positions of power."),
            (LibraryKind.Documentary, "Hidden Figures (film)", "Theodore Melfi", "https://www.20thcenturystudios.com/movies/hidden-figures", "stem, women", "en", Audience.All, false, "The women mathematicians behind NASA's early missions."),
            (LibraryKind.Documentary, "Inside Bill's Brain: Decoding Bill Gates", "Davis Guggenheim", "https://www.netflix.com/", "leadership", "en", Audience.All, false, "How one leader thinks through problems."),
            (LibraryKind.Video, "Why We Have Too Few Women Leaders", "Sheryl Sandberg, TED", "https://www.ted.com/talks/sheryl_sandberg_why_we_have_too_few_women_leaders", "leadership, women", "en", Audience.All, false, "Sit at the table."),
            (LibraryKind.Video, "Your Body Language May Shape Who You Are", "Amy Cuddy, TED", "https://www.ted.com/talks/amy_cuddy_your_body_language_may_shape_who_you_are", "confidence", "en", Audience.Mentees, false, "Presence under pressure."),
            (LibraryKind.Worksheet, "Individual Development Plan template", "Her Tandem Network", "https://example.org/tandem/idp.pdf", "planning, goals", "en", Audience.Mentees, false, "One page: goal, actions, support, dates."),
            (LibraryKind.Worksheet, "First-meeting agenda for mentors", "Her Tandem Network", "https://example.org/tandem/first-meeting.pdf", "mentoring, meetings", "en", Audience.Mentors, false, "A 60-minute outline for the first meeting."),
            (LibraryKind.Book, "向前一步", "谢丽尔·桑德伯格", "https://book.douban.com/subject/24744722/", "领导力, 女性", "zh", Audience.All, false, "《Lean In》中文版：女性、工作与领导意志。"),
            (LibraryKind.Book, "高效能人士的七个习惯", "史蒂芬·柯维", "https://book.douban.com/subject/1048007/", "习惯, 个人成长", "zh", Audience.All, false, "以原则为中心的个人与职业效能。"),
            (LibraryKind.Book, "非暴力沟通", "马歇尔·卢森堡", "https://book.douban.com/subject/3533221/", "沟通", "zh", Audience.All, false, "观察、感受、需要、请求。"),
            (LibraryKind.Book, "我们为什么要睡觉", "马修·沃克", "https://book.douban.com/subject/30192800/", "健康, 精力", "zh", Audience.All, false, "睡眠与工作表现的科学。"),
            (LibraryKind.Article, "导师制如何促进女性职业发展：研究综述", "中国人力资源开发", "https://example.org/zh/mentoring-review", "导师制, 研究", "zh", Audience.Mentors, true, "国内外关于导师制与女性职业发展的实证研究综述。"),
            (LibraryKind.Article, "如何与上级谈加薪", "哈佛商业评论中文版", "https://www.hbrchina.org/", "谈判, 职业", "zh", Audience.Mentees, false, "准备、时机与表达。"),
            (LibraryKind.Podcast, "她说 | 职场女性的故事", "她说播客", "https://example.org/zh/tashuo", "女性, 职业", "zh", Audience.All, false, "职场女性讲述自己的转折点。"),
            (LibraryKind.Podcast, "得到 · 怎样做一个好导师", "得到", "https://www.dedao.cn/", "导师制", "zh", Audience.Mentors, true, "基于研究的导师实践：倾听、提问与反馈。"),
            (LibraryKind.Documentary, "我在故宫修文物", "萧寒、叶君", "https://www.bilibili.com/", "传承, 师徒", "zh", Audience.All, false, "师徒之间的手艺传承。"),
        ];
        foreach (var i in items)
            yield return new LibraryItem
            {
                Kind = i.Kind, Title = i.Title, Author = i.Author, Url = i.Url, Tags = TagList.Format(TagList.FromInput(i.Tags)), Language = i.Lang,
                Audience = i.Audience, EvidenceBased = i.Evidence, Description = i.Description, Status = LibraryStatus.Published, CreatedAt = now.AddDays(-120), UpdatedAt = now.AddDays(-120),
            };
        yield return new LibraryItem
        {
            Kind = LibraryKind.Podcast, Title = "The Anxious Achiever", Author = "Morra Aarons-Mele", Url = "https://www.linkedin.com/", Tags = ",anxiety,leadership,",
            Language = "en", Audience = Audience.All, Description = "A mentee's suggestion, waiting for review.", Status = LibraryStatus.Suggested, SuggestedById = suggesterId,
            CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2),
        };
    }
}
