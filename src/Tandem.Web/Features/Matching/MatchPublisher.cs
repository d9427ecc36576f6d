using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Matching;

/// <summary>
/// Publishes the latest run: one transaction advances the cohort Matching → Active (its Version token lets
/// exactly one of two concurrent publishers through), re-checks capacities and existing pairs, inserts the
/// pairs; then both people of each pair get an email in English and Chinese.
/// </summary>
public sealed class MatchPublisher(TandemDb db, CohortTransitions transitions, MatchingWorkflow workflow, IEmailSender email,
    TimeProvider clock, IStringLocalizer<MatchingText> t, ILogger<MatchPublisher> logger)
{
    private sealed record Proposal(int MenteeApplicationId, int MentorApplicationId, double Score, string MenteeId, string MentorId, int Capacity);

    public async Task<Outcome<PublishResponse>> PublishAsync(int cohortId, int? expectedVersion, CancellationToken ct)
    {
        var cohort = await workflow.MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var runId = await workflow.LatestRunIdAsync(cohortId, ct);
        if (runId is null) return Errors.One("", t["Run the matching first: there are no proposals to publish."]);

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // First the cohort: of two publishers only one moves it; the other stops here with a conflict.
            var moved = await transitions.MoveAsync(cohortId, CohortStatus.Active, expectedVersion, ct);
            if (moved.IsNotFound) return Refusal.NotFound;
            if (moved.Refusal is { } stopped)
                return Refusal.Conflict(t["The cohort cannot be matched now"], stopped.Messages.FirstOrDefault() ?? t["The cohort changed meanwhile."]);

            var proposals = await (
                    from p in db.MatchProposals.AsNoTracking().Where(p => p.RunId == runId)
                    join me in db.Applications.AsNoTracking() on p.MenteeApplicationId equals me.Id
                    join mo in db.Applications.AsNoTracking() on p.MentorApplicationId equals mo.Id
                    where me.Status == ApplicationStatus.Accepted && mo.Status == ApplicationStatus.Accepted && me.CohortId == cohortId && mo.CohortId == cohortId
                    select new Proposal(p.MenteeApplicationId, p.MentorApplicationId, p.Score, me.UserId, mo.UserId, mo.Capacity))
                .ToListAsync(ct);
            var errors = await CheckAsync(cohortId, proposals, ct);
            if (errors.Any)
            {
                await tx.RollbackAsync(ct);
                return (Outcome<List<Proposal>>)errors;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Pairs.AddRange(proposals.Select(p => new Pair
            {
                CohortId = cohortId, MenteeId = p.MenteeId, MentorId = p.MentorId,
                MenteeApplicationId = p.MenteeApplicationId, MentorApplicationId = p.MentorApplicationId,
                Score = p.Score, Origin = PairOrigin.Matched, Status = PairStatus.Active, PublishedAt = now,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Outcome<List<Proposal>>)proposals;
        });
        if (outcome.Refusal is { } refusal) return refusal;

        var sent = await NotifyAsync(cohortId, outcome.Value!, ct);
        return new PublishResponse(cohortId, CohortStatus.Active.ToString(), outcome.Value!.Count, sent);
    }

    /// <summary>Inside the transaction: no mentor beyond capacity (counting pairs already in the cohort), no mentee or pair twice.</summary>
    private async Task<Errors> CheckAsync(int cohortId, List<Proposal> proposals, CancellationToken ct)
    {
        var errors = new Errors();
        var existing = await db.Pairs.AsNoTracking().Where(p => p.CohortId == cohortId && p.Status == PairStatus.Active)
            .Select(p => new { p.MenteeApplicationId, p.MentorApplicationId }).ToListAsync(ct);
        var busyMentees = existing.Select(p => p.MenteeApplicationId).ToHashSet();
        if (proposals.Count == 0) errors.Add("", t["The latest run has no pairs to publish."]);
        foreach (var dup in proposals.GroupBy(p => p.MenteeApplicationId).Where(g => g.Count() > 1 || busyMentees.Contains(g.Key)))
            errors.Add("", t["Mentee application {0} would have two mentors.", dup.Key]);
        foreach (var mentor in proposals.GroupBy(p => p.MentorApplicationId))
        {
            var taken = mentor.Count() + existing.Count(p => p.MentorApplicationId == mentor.Key);
            var capacity = mentor.First().Capacity;
            if (taken > capacity) errors.Add("", t["Mentor application {0} would have {1} mentees for {2} places.", mentor.Key, taken, capacity]);
        }
        return errors;
    }

    private async Task<int> NotifyAsync(int cohortId, List<Proposal> pairs, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Name, c.StartsOn, c.ProgramId }).SingleAsync(ct);
        var minimum = await db.Programs.AsNoTracking().Where(p => p.Id == cohort.ProgramId).Select(p => p.MinimumMeetings).SingleAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Distinct().ToList();
        var people = await (from u in db.Users.AsNoTracking()
                            where ids.Contains(u.Id)
                            join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into ps
                            from p in ps.DefaultIfEmpty()
                            select new { u.Id, u.Email, Name = p != null ? p.DisplayName : u.Email })
            .ToDictionaryAsync(x => x.Id, ct);
        var sent = 0;
        foreach (var pair in pairs)
        {
            var mentee = people[pair.MenteeId];
            var mentor = people[pair.MentorId];
            var starts = cohort.StartsOn;
            var messages = new[]
            {
                (mentee.Email, Bilingual(c => t["Your Tandem mentor: {0}", mentor.Name!].Value,
                    c => t["Hello {0},\n\nYou have been paired with {1} as your mentor in {2}. {1}'s email: {3}\n\nWhat happens next: please write to your mentor within a week to arrange your first meeting; the cohort starts on {4}. Agree on your goals and how you will meet, and meet at least {5} times over the six months. Bring specific questions to each meeting.",
                        mentee.Name!, mentor.Name!, cohort.Name, mentor.Email!, starts.ToString("d", c), minimum].Value)),
                (mentor.Email, Bilingual(c => t["Your Tandem mentee: {0}", mentee.Name!].Value,
                    c => t["Hello {0},\n\nYou have been paired with {1} as your mentee in {2}. {1}'s email: {3}\n\nWhat happens next: {1} will write to you within a week to arrange your first meeting; the cohort starts on {4}. Agree on goals and expectations together, and meet at least {5} times over the six months.",
                        mentor.Name!, mentee.Name!, cohort.Name, mentee.Email!, starts.ToString("d", c), minimum].Value)),
            };
            foreach (var (to, (subject, body)) in messages)
            {
                if (string.IsNullOrEmpty(to)) continue;
                try
                {
                    await email.SendAsync(new EmailMessage(to, subject, body), ct);
                    sent++;
                }
                catch (Exception ex) when (ex is System.Net.Mail.SmtpException or InvalidOperationException or IOException)
                {
                    // The pairs are published; a failed notification is logged, not a failed publish.
                    logger.LogError(ex, "Pair notification to {To} failed", to);
                }
            }
        }
        return sent;
    }

    /// <summary>Subject and body in English, then in Simplified Chinese: the app does not know each member's language.</summary>
    private static (string Subject, string Body) Bilingual(Func<CultureInfo, string> subject, Func<CultureInfo, string> body)
    {
        var (en, zh) = (In("en", subject, body), In("zh-Hans", subject, body));
        return (en.Subject + " / " + zh.Subject, en.Body + "\n\n———\n\n" + zh.Body);
    }

    private static (string Subject, string Body) In(string culture, Func<CultureInfo, string> subject, Func<CultureInfo, string> body)
    {
        var (ui, c) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            var target = new CultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = target;
            return (subject(target), body(target));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, c);
        }
    }
}
