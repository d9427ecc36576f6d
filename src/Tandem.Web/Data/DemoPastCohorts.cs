using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.CheckIns;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Feedback;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

/// <summary>
/// The demo's history and its Chinese side: every closed cohort gets pairs with true outcomes (completed, ended below the
/// minimum, closed early), meetings, check-ins and feedback tagged with themes, getting a little better cohort after cohort,
/// so the dashboard and the comparison show trends; and the program's content gets its Chinese versions.
/// Fixed seed, relative dates.
/// </summary>
public static class DemoPastCohorts
{
    /// <summary>Fills the closed cohorts' pairs up to <c>target</c> pairs each (oldest first: 12, 16, 20, …).</summary>
    public static async Task SeedAsync(TandemDb db, MentorshipProgram program, CancellationToken ct)
    {
        var rnd = new Random(2024);
        var closed = await db.Cohorts.Where(c => c.Status == CohortStatus.Closed).OrderBy(c => c.StartsOn).ToListAsync(ct);
        string[][] themeSets =
        [
            ["visibility", "negotiation"], ["delegation", "communication"], ["career-planning", "visibility"], ["work-life-balance", "delegation"],
            ["confidence", "communication"], ["negotiation", "career-planning", "networking"], ["visibility"], ["communication", "delegation", "confidence"],
        ];
        string[] forward =
        [
            "Ask for the stretch project before someone offers it.", "Hand one recurring task to your team each quarter.", "Write down your three asks before the review.",
            "Keep one evening a week free of work.", "Present your results yourself at the next steering meeting.", "Map where you want to be in three years.",
        ];
        for (var k = 0; k < closed.Count; k++)
        {
            var cohort = closed[k];
            var target = 12 + 4 * k;
            // Later cohorts do better: more pairs complete, fewer close early.
            var completeShare = 0.55 + 0.1 * k;
            var earlyShare = Math.Max(0.05, 0.2 - 0.05 * k);
            var apps = await db.Applications.AsNoTracking().Where(a => a.CohortId == cohort.Id && a.Status == ApplicationStatus.Accepted)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.UserId, a.Role }).ToListAsync(ct);
            var paired = await db.Pairs.Where(p => p.CohortId == cohort.Id).Select(p => new { p.MenteeApplicationId, p.MentorApplicationId }).ToListAsync(ct);
            var usedMentees = paired.Select(p => p.MenteeApplicationId).ToHashSet();
            var usedMentors = paired.Select(p => p.MentorApplicationId).ToHashSet();
            var mentees = apps.Where(a => a.Role == ApplicationRole.Mentee && !usedMentees.Contains(a.Id)).ToList();
            var mentors = apps.Where(a => a.Role == ApplicationRole.Mentor && !usedMentors.Contains(a.Id)).ToList();
            var start = cohort.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = cohort.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var pairs = new List<Pair>();
            for (var i = 0; i < Math.Min(target - paired.Count, Math.Min(mentees.Count, mentors.Count)); i++)
            {
                var roll = rnd.NextDouble();
                var status = roll < earlyShare ? PairStatus.ClosedEarly : roll < earlyShare + completeShare ? PairStatus.Completed : PairStatus.BelowMinimum;
                pairs.Add(new Pair
                {
                    CohortId = cohort.Id, MenteeId = mentees[i].UserId, MentorId = mentors[i].UserId, MenteeApplicationId = mentees[i].Id, MentorApplicationId = mentors[i].Id,
                    Origin = PairOrigin.Matched, Status = status, Score = Math.Round(0.5 + 0.06 * k + rnd.NextDouble() * 0.38, 2), PublishedAt = start.AddDays(-7),
                    ClosedAt = status == PairStatus.ClosedEarly ? start.AddDays(40 + rnd.Next(0, 60)) : end,
                    CloseReason = status == PairStatus.ClosedEarly ? (CloseReason)rnd.Next(2, 5) : CloseReason.CohortEnded,
                });
            }
            db.Pairs.AddRange(pairs);
            await db.SaveChangesAsync(ct);
            foreach (var (p, i) in pairs.Select((p, i) => (p, i)))
            {
                var held = p.Status switch
                {
                    PairStatus.Completed => program.MinimumMeetings + rnd.Next(0, 3),
                    PairStatus.BelowMinimum => rnd.Next(1, program.MinimumMeetings),
                    _ => rnd.Next(0, 2),
                };
                p.MeetingsHeldAtClose = held;
                for (var m = 0; m < held; m++)
                {
                    var at = start.AddDays(14 + m * 150 / Math.Max(1, held)).AddHours(10);
                    db.Meetings.Add(new Meeting
                    {
                        PairId = p.Id, ProposedById = p.MenteeId, StartsAt = at, DurationMinutes = 60, Status = MeetingStatus.Held,
                        Format = (MeetingFormat)rnd.Next(0, 3), CreatedAt = at.AddDays(-6), UpdatedAt = at.AddDays(-6),
                    });
                }
                if (p.Status == PairStatus.ClosedEarly) continue;
                foreach (var month in new[] { 2, 4 })
                    foreach (var userId in new[] { p.MenteeId, p.MentorId })
                        db.CheckIns.Add(new CheckIn
                        {
                            PairId = p.Id, UserId = userId, Month = month, SubmittedAt = start.AddMonths(month).AddDays(2),
                            Progress = Math.Min(5, rnd.Next(2, 5) + (p.Status == PairStatus.Completed && k > 0 ? 1 : 0)), Relationship = Math.Min(5, rnd.Next(3, 5) + (k > 1 ? 1 : 0)),
                        });
                foreach (var (userId, n) in new[] { (p.MenteeId, 0), (p.MentorId, 1) })
                    db.PairFeedback.Add(new PairFeedback
                    {
                        PairId = p.Id, AuthorId = userId, Rating = Math.Min(5, rnd.Next(3, 5) + (p.Status == PairStatus.Completed && k > 0 ? 1 : 0)),
                        WentWell = "Honest conversations and clear goals.", CouldBeBetter = "Meeting more regularly in the middle months.",
                        Feedforward = forward[(i + n + k) % forward.Length], Themes = TagList.Format(themeSets[(i * 2 + n + k) % themeSets.Length]),
                        SubmittedAt = end.AddDays(-3),
                    });
            }
            await db.SaveChangesAsync(ct);
        }

        // Feedback written before themes existed gets tags too, so every closed cohort's themes can be counted.
        var untagged = await db.PairFeedback.Where(f => f.Themes == "" && db.Pairs.Any(p => p.Id == f.PairId && db.Cohorts.Any(c => c.Id == p.CohortId && c.Status == CohortStatus.Closed)))
            .OrderBy(f => f.Id).ToListAsync(ct);
        for (var i = 0; i < untagged.Count; i++) untagged[i].Themes = TagList.Format(themeSets[i % themeSets.Length]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Chinese versions of the program's wording, cohort names, events, webinars and workbooks.</summary>
    public static async Task TranslateAsync(TandemDb db, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Tracks).OrderBy(p => p.Id).FirstAsync(ct);
        program.NameZh = "她的同行网络";
        program.DescriptionZh = "北京的女性网络：为初级和中级职业女性配对资深导师，每年两期，每期 6 个月。";
        program.DonationRecipientZh = "春蕾计划（女童教育）";
        foreach (var track in program.Tracks)
            (track.NameZh, track.DescriptionZh) = track.Code switch
            {
                "standard" => ("标准", "初级或入门职位的学员。"),
                "advanced" => ("进阶", "中层管理学员，与高管导师配对。"),
                _ => (track.NameZh, track.DescriptionZh),
            };
        foreach (var cohort in await db.Cohorts.ToListAsync(ct))
            cohort.NameZh = ChineseName(cohort);
        var titles = new Dictionary<string, (string Title, string? Text)>(StringComparer.Ordinal)
        {
            ["Morning coffee in Guomao"] = ("国贸早咖啡", "喝杯咖啡，认识同期的伙伴。"),
            ["Spring lunch: negotiation stories"] = ("春季午餐：谈判故事", null),
            ["Networking call: women in tech"] = ("线上交流：科技行业的女性", null),
            ["Workshop: writing your development plan"] = ("工作坊：写好你的发展计划", null),
            ["Morning coffee in Zhongguancun"] = ("中关村早咖啡", "喝咖啡，互相介绍。"),
            ["Closing lunch of the previous cohort"] = ("上一期结业午餐", "道谢与下一步。"),
            ["Dilemmas at work: saying no without burning bridges"] = ("职场难题：拒绝而不伤关系", null),
            ["Dilemmas at work: visibility and credit"] = ("职场难题：可见度与功劳", null),
            ["Mentor briefing: the first meeting"] = ("导师说明会：第一次见面", null),
            ["Dilemmas at work: asking for what you are worth"] = ("职场难题：争取应得的回报", null),
            ["Starting well: goals and expectations"] = ("良好开端：目标与期望", "为第一次见面做准备：写下你的目标。"),
            ["Closing well: reflection and next steps"] = ("圆满结束：回顾与下一步", "回顾这段关系，计划之后如何保持联系。"),
        };
        foreach (var e in await db.Events.ToListAsync(ct))
            if (titles.TryGetValue(e.Title, out var zh)) (e.TitleZh, e.DescriptionZh) = (zh.Title, zh.Text);
        foreach (var w in await db.Webinars.ToListAsync(ct))
            if (titles.TryGetValue(w.Title, out var zh)) (w.TitleZh, w.DescriptionZh) = (zh.Title, zh.Text);
        foreach (var w in await db.Workbooks.ToListAsync(ct))
            if (titles.TryGetValue(w.Title, out var zh)) (w.TitleZh, w.DescriptionZh) = (zh.Title, zh.Text);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"2025 Spring" → "2025 春季"; the running cohort ("2026 March (running)") → "2026 年 3 月（进行中）".</summary>
    private static string ChineseName(Cohort c) =>
        c.Name.EndsWith("(running)", StringComparison.Ordinal) ? $"{c.StartsOn.Year} 年 {c.StartsOn.Month} 月（进行中）"
        : c.Name.EndsWith("Spring", StringComparison.Ordinal) ? c.Name.Replace("Spring", "春季", StringComparison.Ordinal)
        : c.Name.EndsWith("Autumn", StringComparison.Ordinal) ? c.Name.Replace("Autumn", "秋季", StringComparison.Ordinal)
        : c.Name;
}
