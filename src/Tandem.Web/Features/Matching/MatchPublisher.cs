using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>
/// Publishes the latest run: one transaction advances the cohort Matching → Active (its Version token lets
/// exactly one of two concurrent publishers through), re-checks capacities and existing pairs, inserts the
/// pairs and queues a notice to both people of each pair (in the app, and an email in each one's language), so a
/// pair is never published without its notices. Accepted mentees the run leaves unmatched and waitlisted applicants
/// are told in the same transaction. The emails go out afterwards, from the queue. <see cref="PreviewAsync"/> shows all
/// of this before it happens.
/// </summary>
public sealed class MatchPublisher(TandemDb db, CohortTransitions transitions, MatchingWorkflow workflow, Notices notices,
    TimeProvider clock, IStringLocalizer<MatchingText> t)
{
    private sealed record Proposal(int MenteeApplicationId, int MentorApplicationId, double Score, string MenteeId, string MentorId, int Capacity);

    /// <summary>What publishing the latest run would do, and what to look at first; nothing changes.</summary>
    public async Task<Outcome<PublishPreview>> PreviewAsync(int cohortId, CancellationToken ct)
    {
        var cohort = await workflow.MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var runId = await workflow.LatestRunIdAsync(cohortId, ct);
        if (runId is null) return Errors.One("", t["Run the matching first: there are no proposals to publish."]);

        var facts = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Name, c.Version }).SingleAsync(ct);
        var pairs = await PublishableAsync(runId.Value, cohortId).CountAsync(ct);
        var (unmatched, waitlisted) = await LeftOutAsync(cohortId, runId.Value, ct);
        var unreviewed = await db.Applications.CountAsync(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted, ct);

        var consequences = new List<string>
        {
            t["{0} pairs are created; both people of each pair are told in the app and by email, in their own language.", pairs],
            t["{0} accepted mentees left without a mentor are told so.", unmatched.Count],
            t["{0} waitlisted applicants are told they remain on the waitlist.", waitlisted.Count],
            t["The cohort moves to Active. Publishing cannot be undone."],
        };
        var warnings = new List<StepWarning>();
        if (unmatched.Count > 0)
            warnings.Add(new("unmatchedMentees", t["{0} accepted mentees have no mentor in this run: lock or pair them by hand first if you can.", unmatched.Count]));
        if (unreviewed > 0)
            warnings.Add(new("unreviewedApplications", t["{0} applications are still waiting for review: they will not take part.", unreviewed]));
        return new PublishPreview(cohortId, facts.Name, facts.Version, pairs, new StepPreview(consequences, warnings));
    }

    public async Task<Outcome<PublishResponse>> PublishAsync(int cohortId, int? expectedVersion, CancellationToken ct)
    {
        var cohort = await workflow.MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var runId = await workflow.LatestRunIdAsync(cohortId, ct);
        if (runId is null) return Errors.One("", t["Run the matching first: there are no proposals to publish."]);

        var strategy = db.Database.CreateExecutionStrategy();
        var queued = 0;
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // First the cohort: of two publishers only one moves it; the other stops here with a conflict.
            var moved = await transitions.MoveAsync(cohortId, CohortStatus.Active, expectedVersion, ct);
            if (moved.IsNotFound) return Refusal.NotFound;
            if (moved.Refusal is { } stopped)
                return Refusal.Conflict(t["The cohort cannot be matched now"], stopped.Messages.FirstOrDefault() ?? t["The cohort changed meanwhile."]);

            var proposals = await PublishableAsync(runId.Value, cohortId).ToListAsync(ct);
            var errors = await CheckAsync(cohortId, proposals, ct);
            if (errors.Any)
            {
                await tx.RollbackAsync(ct);
                return (Outcome<List<Proposal>>)errors;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var pairs = proposals.Select(p => new Pair
            {
                CohortId = cohortId, MenteeId = p.MenteeId, MentorId = p.MentorId,
                MenteeApplicationId = p.MenteeApplicationId, MentorApplicationId = p.MentorApplicationId,
                Score = p.Score, Origin = PairOrigin.Matched, Status = PairStatus.Active, PublishedAt = now,
            }).ToList();
            db.Pairs.AddRange(pairs);
            await db.SaveChangesAsync(ct);
            await ReverseMentoring.MarkMatchedAsync(db, pairs.Select(p => p.Id).ToList(), ct);
            queued = await NotifyAsync(cohortId, pairs, ct) + await NotifyLeftOutAsync(cohortId, runId.Value, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Outcome<List<Proposal>>)proposals;
        });
        if (outcome.Refusal is { } refusal) return refusal;
        return new PublishResponse(true, cohortId, CohortStatus.Active.ToString(), outcome.Value!.Count, queued, [], []);
    }

    /// <summary>The latest run's proposals between applications still accepted in this cohort.</summary>
    private IQueryable<Proposal> PublishableAsync(int runId, int cohortId) =>
        from p in db.MatchProposals.AsNoTracking().Where(p => p.RunId == runId)
        join me in db.Applications.AsNoTracking() on p.MenteeApplicationId equals me.Id
        join mo in db.Applications.AsNoTracking() on p.MentorApplicationId equals mo.Id
        where me.Status == ApplicationStatus.Accepted && mo.Status == ApplicationStatus.Accepted && me.CohortId == cohortId && mo.CohortId == cohortId
        select new Proposal(p.MenteeApplicationId, p.MentorApplicationId, p.Score, me.UserId, mo.UserId, mo.Capacity);

    /// <summary>The people publishing leaves out: accepted mentees with no proposal and no pair, and waitlisted applicants (user ids).</summary>
    private async Task<(List<string> Unmatched, List<string> Waitlisted)> LeftOutAsync(int cohortId, int runId, CancellationToken ct)
    {
        var unmatched = await db.Applications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.Role == ApplicationRole.Mentee && a.Status == ApplicationStatus.Accepted
                        && !db.MatchProposals.Any(p => p.RunId == runId && p.MenteeApplicationId == a.Id)
                        && !db.Pairs.Any(p => p.MenteeApplicationId == a.Id))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        var waitlisted = await db.Applications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Waitlisted)
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        return (unmatched, waitlisted);
    }

    /// <summary>Inside the transaction: tells those left out (see <see cref="LeftOutAsync"/>); returns how many emails were queued.</summary>
    private async Task<int> NotifyLeftOutAsync(int cohortId, int runId, CancellationToken ct)
    {
        var (unmatched, waitlisted) = await LeftOutAsync(cohortId, runId, ct);
        if (unmatched.Count + waitlisted.Count == 0) return 0;
        var cohortName = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync(ct);
        var ids = unmatched.Concat(waitlisted).Distinct().ToList();
        var names = await (from u in db.Users.AsNoTracking()
                           where ids.Contains(u.Id)
                           join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into ps
                           from p in ps.DefaultIfEmpty()
                           select new { u.Id, Name = p != null ? p.DisplayName : u.Email ?? "" })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        List<Notice> To(List<string> people) =>
            people.Select(id => new Notice(id, "/Applications/Mine", [NoticeArg.Name(names.GetValueOrDefault(id, "")), NoticeArg.Text(cohortName)])).ToList();
        return await notices.AddAsync(NoticeKinds.MatchingLeftUnmatched, To(unmatched), ct)
             + await notices.AddAsync(NoticeKinds.MatchingStillWaitlisted, To(waitlisted), ct);
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

    /// <summary>Inside the transaction: the notices to both people of each new pair; returns how many emails were queued.</summary>
    private async Task<int> NotifyAsync(int cohortId, List<Pair> pairs, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Name, c.StartsOn, c.ProgramId }).SingleAsync(ct);
        var minimum = await db.Programs.AsNoTracking().Where(p => p.Id == cohort.ProgramId).Select(p => p.MinimumMeetings).SingleAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Distinct().ToList();
        var people = await (from u in db.Users.AsNoTracking()
                            where ids.Contains(u.Id)
                            join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into ps
                            from p in ps.DefaultIfEmpty()
                            select new { u.Id, Email = u.Email ?? "", Name = p != null ? p.DisplayName : u.Email ?? "" })
            .ToDictionaryAsync(x => x.Id, ct);
        Notice To(Pair pair, string me, string other) => new(me, $"/Pairs/{pair.Id}",
        [
            NoticeArg.Name(people[me].Name), NoticeArg.Name(people[other].Name), NoticeArg.Text(cohort.Name), NoticeArg.Text(people[other].Email),
            NoticeArg.Date(cohort.StartsOn), NoticeArg.Number(minimum),
        ]);
        return await notices.AddAsync(NoticeKinds.PairedWithMentor, pairs.Select(p => To(p, p.MenteeId, p.MentorId)).ToList(), ct)
             + await notices.AddAsync(NoticeKinds.PairedWithMentee, pairs.Select(p => To(p, p.MentorId, p.MenteeId)).ToList(), ct);
    }
}
