using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Tandem.Matching;
using Tandem.Matching.Cohorts;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using CohortInput = Tandem.Matching.Cohorts.CohortInput;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>
/// The coordinator's matching actions on a cohort in Matching status: run, lock, forbid, swap, pair by hand,
/// remove a rule, what-if and compare. Every change of the rules re-matches the cohort around them (the
/// engine first checks the new rules; a refused change saves nothing), so the latest run always agrees
/// with the locks and forbids.
/// </summary>
public sealed class MatchingWorkflow(TandemDb db, CohortInputBuilder builder, TimeProvider clock,
    IStringLocalizer<MatchingText> t, IStringLocalizer<CohortsText> cohortText, MatchingExplanations say, IMemoryCache cache, Audit.AuditLog audit)
{
    public const int PageSize = 25;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="PublishedPairs">The cohort's pairs from a published matching (any status).</param>
    public sealed record CohortFacts(int Id, string Name, CohortStatus Status, int Version, int ProgramId, int PublishedPairs);

    public Task<CohortFacts?> CohortAsync(int cohortId, CancellationToken ct) =>
        db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new CohortFacts(c.Id, c.Name, c.Status, c.Version, c.ProgramId, db.Pairs.Count(p => p.CohortId == c.Id && p.Origin == PairOrigin.Matched)))
            .SingleOrDefaultAsync(ct);

    /// <summary>The cohort when it is in Matching; otherwise not found or a conflict that says which status it is in.</summary>
    public async Task<Outcome<CohortFacts>> MatchingCohortAsync(int cohortId, CancellationToken ct)
    {
        var cohort = await CohortAsync(cohortId, ct);
        if (cohort is null) return Refusal.NotFound;
        if (cohort.Status != CohortStatus.Matching)
            return Conflict(t["This cohort is {0}: matching works only while a cohort is in Matching.", CohortLabels.Status(cohort.Status, cohortText)]);
        return cohort;
    }

    // ---- run -------------------------------------------------------------------------------------------

    /// <summary>
    /// The one matching path: checks the request, loads the cohort, matches, explains and stores the run in one save.
    /// The background job calls it with <paramref name="stage"/> for its progress bar; cancelling before the save
    /// leaves the latest run as it was.
    /// </summary>
    public Task<Outcome<RunSummary>> RunAsync(int cohortId, RunRequest request, string userId, CancellationToken ct) =>
        RunAsync(cohortId, request, userId, null, ct);

    public async Task<Outcome<RunSummary>> RunAsync(int cohortId, RunRequest request, string userId, Action<MatchJobStage>? stage, CancellationToken ct)
    {
        var check = await CheckRunAsync(cohortId, request, ct);
        if (check.Refusal is { } refused) return refused;
        var (mode, objective) = check.Value;
        stage?.Invoke(MatchJobStage.Loading);
        var built = await builder.GetAsync(cohortId, ct);
        var input = built.Input with { Mode = mode, Objective = objective, Weights = request.Weights?.ToWeights() ?? built.Input.Weights };
        var result = CohortMatcher.Match(input, s => stage?.Invoke(s switch
        {
            MatchStage.Scoring => MatchJobStage.Scoring,
            MatchStage.Solving => MatchJobStage.Solving,
            _ => MatchJobStage.Explaining,
        }), ct);
        if (!result.Valid) return EngineErrors(result);
        ct.ThrowIfCancellationRequested();
        stage?.Invoke(MatchJobStage.Saving);
        var run = Store(cohortId, input, result, userId);
        await db.SaveChangesAsync(ct);
        return Summary(run, result);
    }

    /// <summary>What a run needs before it starts: the cohort in Matching and a valid mode, objective and weights.</summary>
    public async Task<Outcome<(MatchMode Mode, MatchObjective Objective)>> CheckRunAsync(int cohortId, RunRequest request, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var errors = new Errors();
        var mode = ParseMode(request.Mode, errors);
        var objective = ParseObjective(request.Objective, errors);
        if (request.Weights is { } w) Merge(errors, MatchSettingsEditor.CheckWeights(w, t, "Weights."));
        if (errors.Any) return errors;
        return (mode, objective);
    }

    private MatchRun Store(int cohortId, CohortInput input, CohortResult result, string userId)
    {
        var run = new MatchRun
        {
            CohortId = cohortId, Mode = input.Mode, Objective = input.Objective, CreatedById = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            WeightsJson = JsonSerializer.Serialize(input.Weights.ToWeights(), Json),
            Matched = result.Totals!.Matched, TotalScore = result.Totals.TotalScore, CertificateVerified = result.Totals.Certificate.Verified,
            ResultJson = JsonSerializer.Serialize(result, CohortJsonCompact),
        };
        run.Proposals.AddRange(result.Pairs.Select(p => new MatchProposal
        {
            MenteeApplicationId = BuiltCohort.AppId(p.MenteeId), MentorApplicationId = BuiltCohort.AppId(p.MentorId),
            Score = p.Score, Locked = p.Locked, Rank = p.Rank, AllowedMentors = p.AllowedMentors, Why = Cut(p.Why, 1000),
            BreakdownJson = JsonSerializer.Serialize(Breakdown(p.Breakdown), Json),
        }));
        db.MatchRuns.Add(run);
        Shared.Observability.TandemMetrics.MatchingRuns.Add(1);
        return run;
    }

    private static readonly JsonSerializerOptions CohortJsonCompact = new(CohortJson.Options) { WriteIndented = false };

    // ---- rules -----------------------------------------------------------------------------------------

    public Task<Outcome<RuleResponse>> LockAsync(int cohortId, PairRequest request, string userId, CancellationToken ct) =>
        AddRuleAsync(cohortId, request, PairRuleKind.Lock, userId, ct);

    public Task<Outcome<RuleResponse>> ForbidAsync(int cohortId, PairRequest request, string userId, CancellationToken ct) =>
        AddRuleAsync(cohortId, request, PairRuleKind.Forbid, userId, ct);

    /// <summary>Pairing by hand is a lock chosen from the whole cohort rather than from the proposals.</summary>
    public Task<Outcome<RuleResponse>> ManualAsync(int cohortId, PairRequest request, string userId, CancellationToken ct) =>
        AddRuleAsync(cohortId, request, PairRuleKind.Lock, userId, ct);

    private async Task<Outcome<RuleResponse>> AddRuleAsync(int cohortId, PairRequest request, PairRuleKind kind, string userId, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var built = await builder.GetAsync(cohortId, ct);
        var errors = CheckPeople(built, request.MenteeApplicationId, request.MentorApplicationId);
        if (errors.Any) return errors;

        var (mentee, mentor) = (request.MenteeApplicationId, request.MentorApplicationId);
        var existing = built.Rules.FirstOrDefault(r => r.MenteeApplicationId == mentee && r.MentorApplicationId == mentor);
        if (existing is not null)
            return Errors.One("", existing.Kind == kind
                ? (kind == PairRuleKind.Lock ? t["{0} and {1} are already locked together.", built.Name(mentee), built.Name(mentor)] : t["{0} and {1} are already forbidden.", built.Name(mentee), built.Name(mentor)])
                : (kind == PairRuleKind.Lock ? t["{0} and {1} are forbidden: remove the forbid first.", built.Name(mentee), built.Name(mentor)] : t["{0} and {1} are locked together: remove the lock first.", built.Name(mentee), built.Name(mentor)]));

        var rules = built.Rules.ToList();
        if (kind == PairRuleKind.Lock)
        {
            if (CheckLock(built, rules, mentee, mentor) is { Any: true } lockRefused) return lockRefused;
        }
        rules.Add(new PairRuleView(0, mentee, mentor, kind));
        var rerun = await RerunAsync(cohortId, built, rules, userId, ct);
        if (rerun.Refusal is { } failed) return failed;

        var rule = new PairRule { CohortId = cohortId, MenteeApplicationId = mentee, MentorApplicationId = mentor, Kind = kind, CreatedById = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.PairRules.Add(rule);
        audit.Add(kind == PairRuleKind.Lock ? Audit.AuditActions.PairLocked : Audit.AuditActions.PairForbidden, "applications", $"{mentee}-{mentor}", cohortId, $"mentee application {mentee}, mentor application {mentor}");
        await db.SaveChangesAsync(ct);
        builder.Invalidate(cohortId);
        return new RuleResponse(View(built, new PairRuleView(rule.Id, mentee, mentor, kind)), rerun.Value);
    }

    public async Task<Outcome<RunSummary?>> RemoveRuleAsync(int cohortId, int ruleId, string userId, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var rule = await db.PairRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.CohortId == cohortId, ct);
        if (rule is null) return Refusal.NotFound;
        var built = await builder.GetAsync(cohortId, ct);
        var rerun = await RerunAsync(cohortId, built, built.Rules.Where(r => r.Id != ruleId).ToList(), userId, ct);
        if (rerun.Refusal is { } failed) return failed;
        db.PairRules.Remove(rule);
        audit.Add(Audit.AuditActions.RuleRemoved, "applications", $"{rule.MenteeApplicationId}-{rule.MentorApplicationId}", cohortId, $"{rule.Kind}: mentee application {rule.MenteeApplicationId}, mentor application {rule.MentorApplicationId}");
        await db.SaveChangesAsync(ct);
        builder.Invalidate(cohortId);
        return rerun.Value;
    }

    public async Task<Outcome<RuleResponse>> SwapAsync(int cohortId, SwapRequest request, string userId, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var (a, b) = (request.MenteeApplicationId, request.OtherMenteeApplicationId);
        var built = await builder.GetAsync(cohortId, ct);
        var errors = new Errors();
        if (!built.Mentees.ContainsKey(a)) errors.Add(nameof(request.MenteeApplicationId), t["Choose an accepted mentee of this cohort."]);
        if (!built.Mentees.ContainsKey(b)) errors.Add(nameof(request.OtherMenteeApplicationId), t["Choose an accepted mentee of this cohort."]);
        if (!errors.Any && a == b) errors.Add(nameof(request.OtherMenteeApplicationId), t["Choose two different mentees to swap."]);
        if (errors.Any) return errors;

        var runId = await LatestRunIdAsync(cohortId, ct);
        if (runId is null) return Errors.One("", t["Run the matching first."]);
        var mentorOf = await db.MatchProposals.AsNoTracking().Where(p => p.RunId == runId && (p.MenteeApplicationId == a || p.MenteeApplicationId == b))
            .ToDictionaryAsync(p => p.MenteeApplicationId, p => p.MentorApplicationId, ct);
        foreach (var (id, field) in new[] { (a, nameof(request.MenteeApplicationId)), (b, nameof(request.OtherMenteeApplicationId)) })
            if (!mentorOf.ContainsKey(id)) errors.Add(field, t["{0} has no proposed mentor to swap.", built.Name(id)]);
        if (errors.Any) return errors;
        var (x, y) = (mentorOf[a], mentorOf[b]);
        if (x == y) return Errors.One("", t["{0} and {1} have the same mentor: there is nothing to swap.", built.Name(a), built.Name(b)]);

        // Both new pairs must be allowed on their own (forbids and earlier pairs included).
        foreach (var (mentee, mentor) in new[] { (a, y), (b, x) })
        {
            var e = CohortMatcher.ExplainPair(built.Input, BuiltCohort.Id(mentee), BuiltCohort.Id(mentor));
            if (!e.Allowed) errors.Add("", NotAllowed(built, mentee, mentor, e));
        }
        if (errors.Any) return errors;

        var rules = built.Rules.Where(r => !(r.Kind == PairRuleKind.Lock && (r.MenteeApplicationId == a || r.MenteeApplicationId == b))).ToList();
        foreach (var (mentee, mentor) in new[] { (a, y), (b, x) })
        {
            if (CheckLock(built, rules, mentee, mentor) is { Any: true } lockRefused) return lockRefused;
            rules.Add(new PairRuleView(0, mentee, mentor, PairRuleKind.Lock));
        }
        var rerun = await RerunAsync(cohortId, built, rules, userId, ct);
        if (rerun.Refusal is { } failed) return failed;

        var now = clock.GetUtcNow().UtcDateTime;
        db.PairRules.RemoveRange(await db.PairRules.Where(r => r.CohortId == cohortId && r.Kind == PairRuleKind.Lock && (r.MenteeApplicationId == a || r.MenteeApplicationId == b)).ToListAsync(ct));
        var first = new PairRule { CohortId = cohortId, MenteeApplicationId = a, MentorApplicationId = y, Kind = PairRuleKind.Lock, CreatedById = userId, CreatedAt = now };
        db.PairRules.AddRange(first, new PairRule { CohortId = cohortId, MenteeApplicationId = b, MentorApplicationId = x, Kind = PairRuleKind.Lock, CreatedById = userId, CreatedAt = now });
        audit.Add(Audit.AuditActions.PairsSwapped, "applications", $"{a}-{b}", cohortId, $"mentee applications {a} and {b} swap mentor applications {x} and {y}");
        await db.SaveChangesAsync(ct);
        builder.Invalidate(cohortId);
        return new RuleResponse(View(built, new PairRuleView(first.Id, a, y, PairRuleKind.Lock)), rerun.Value);
    }

    /// <summary>Explains a hand-picked pair: allowed or why not, and its score breakdown.</summary>
    public async Task<Outcome<ExplainResponse>> ExplainAsync(int cohortId, PairRequest request, CancellationToken ct)
    {
        var cohort = await CohortAsync(cohortId, ct);
        if (cohort is null) return Refusal.NotFound;
        var built = await builder.GetAsync(cohortId, ct);
        var errors = CheckPeople(built, request.MenteeApplicationId, request.MentorApplicationId);
        if (errors.Any) return errors;
        var e = CohortMatcher.ExplainPair(built.Input, BuiltCohort.Id(request.MenteeApplicationId), BuiltCohort.Id(request.MentorApplicationId));
        return new ExplainResponse(request.MenteeApplicationId, built.Name(request.MenteeApplicationId), request.MentorApplicationId, built.Name(request.MentorApplicationId),
            e.Allowed, e.Failures.Select(f => say.Failures(f.Reason)).ToList(), Math.Round(e.Score, 4), say.WhyPair(e.Allowed, Breakdown(e.Breakdown), Broken(e)), Breakdown(e.Breakdown));
    }

    private Errors CheckPeople(BuiltCohort built, int mentee, int mentor)
    {
        var errors = new Errors();
        if (!built.Mentees.ContainsKey(mentee)) errors.Add(nameof(PairRequest.MenteeApplicationId), t["Choose an accepted mentee of this cohort."]);
        if (!built.Mentors.ContainsKey(mentor)) errors.Add(nameof(PairRequest.MentorApplicationId), t["Choose an accepted mentor of this cohort."]);
        return errors;
    }

    /// <summary>A lock is refused when the pair breaks a hard constraint, the mentee is locked elsewhere or the mentor's places are all locked.</summary>
    private Errors CheckLock(BuiltCohort built, List<PairRuleView> rules, int mentee, int mentor)
    {
        var errors = new Errors();
        var e = CohortMatcher.ExplainPair(built.Input with { Forbidden = Forbids(rules) }, BuiltCohort.Id(mentee), BuiltCohort.Id(mentor));
        if (!e.Allowed) errors.Add("", NotAllowed(built, mentee, mentor, e));
        if (rules.FirstOrDefault(r => r.Kind == PairRuleKind.Lock && r.MenteeApplicationId == mentee) is { } other)
            errors.Add(nameof(PairRequest.MenteeApplicationId), t["{0} is already locked to {1}: remove that lock first.", built.Name(mentee), built.Name(other.MentorApplicationId)]);
        var capacity = built.Mentors[mentor].Capacity;
        var locked = rules.Count(r => r.Kind == PairRuleKind.Lock && r.MentorApplicationId == mentor);
        if (locked >= capacity)
            errors.Add(nameof(PairRequest.MentorApplicationId), t["{0} has no place left: {1} of {2} places are locked.", built.Name(mentor), locked, capacity]);
        return errors;
    }

    private string NotAllowed(BuiltCohort built, int mentee, int mentor, PairExplanation e) =>
        t["{0} and {1} cannot be paired: {2}", built.Name(mentee), built.Name(mentor), say.Failures(Broken(e))];

    private static Constraint Broken(PairExplanation e) => e.Failures.Aggregate(Constraint.None, (all, f) => all | f.Reason);

    private static List<PairRef> Forbids(IEnumerable<PairRuleView> rules) =>
        rules.Where(r => r.Kind == PairRuleKind.Forbid).Select(r => new PairRef(BuiltCohort.Id(r.MenteeApplicationId), BuiltCohort.Id(r.MentorApplicationId))).ToList();

    /// <summary>Matches again with the given rules and the latest run's mode, objective and weights; stores the run (not yet saved).</summary>
    private async Task<Outcome<RunSummary>> RerunAsync(int cohortId, BuiltCohort built, List<PairRuleView> rules, string userId, CancellationToken ct)
    {
        var latest = await db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Mode, r.Objective, r.WeightsJson }).FirstOrDefaultAsync(ct);
        var live = rules.Where(r => built.Mentees.ContainsKey(r.MenteeApplicationId) && built.Mentors.ContainsKey(r.MentorApplicationId)).ToList();
        var input = built.Input with
        {
            Locked = live.Where(r => r.Kind == PairRuleKind.Lock).Select(r => new PairRef(BuiltCohort.Id(r.MenteeApplicationId), BuiltCohort.Id(r.MentorApplicationId))).ToList(),
            Forbidden = Forbids(live),
            Mode = latest?.Mode ?? MatchMode.Optimal,
            Objective = latest?.Objective ?? MatchObjective.MostMatchedThenScore,
            Weights = latest is null ? built.Input.Weights : JsonSerializer.Deserialize<MatchWeights>(latest.WeightsJson, Json) ?? new(),
        };
        var result = CohortMatcher.Match(input, ct);
        if (!result.Valid) return EngineErrors(result);
        var run = Store(cohortId, input, result, userId);
        return Summary(run, result);
    }

    /// <summary>Every refusal of a matching action that is about the cohort's state, not the input, has this title.</summary>
    private Refusal Conflict(string detail) => Refusal.Conflict(t["The cohort cannot be matched now"], detail);

    private Errors EngineErrors(CohortResult result)
    {
        var errors = new Errors();
        foreach (var e in result.Errors) errors.Add("", t["The matching engine refused the cohort: {0} {1}", e.Path, e.Message]);
        return errors;
    }

    // ---- what-if and compare ---------------------------------------------------------------------------

    public async Task<Outcome<PreviewResponse>> PreviewAsync(int cohortId, PreviewRequest request, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var errors = new Errors();
        var weights = request.Weights;
        if (weights is not null) Merge(errors, MatchSettingsEditor.CheckWeights(weights, t, "Weights."));
        var mode = ParseMode(request.Mode, errors);
        var objective = ParseObjective(request.Objective, errors);
        if (errors.Any) return errors;

        var built = await builder.GetAsync(cohortId, ct);
        var watch = Stopwatch.StartNew();
        var result = CohortMatcher.Match(built.Input with { Weights = weights?.ToWeights() ?? built.Input.Weights, Mode = mode, Objective = objective }, ct);
        var engineMs = watch.ElapsedMilliseconds;
        if (!result.Valid) return EngineErrors(result);

        var latest = await db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Matched, r.TotalScore }).FirstOrDefaultAsync(ct);
        var before = latest is null ? [] : (await db.MatchProposals.AsNoTracking().Where(p => p.RunId == latest.Id)
            .Select(p => new { p.MenteeApplicationId, p.MentorApplicationId }).ToListAsync(ct))
            .Select(p => (p.MenteeApplicationId, p.MentorApplicationId)).ToHashSet();
        var after = result.Pairs.Select(p => (BuiltCohort.AppId(p.MenteeId), BuiltCohort.AppId(p.MentorId))).ToHashSet();
        var added = after.Except(before).OrderBy(p => p.Item1).ToList();
        var removed = before.Except(after).OrderBy(p => p.Item1).ToList();
        PairChange Change((int Mentee, int Mentor) p) => new(p.Mentee, built.Name(p.Mentee), p.Mentor, built.Name(p.Mentor));
        var totals = result.Totals!;
        return new PreviewResponse(totals.Matched, Math.Round(totals.TotalScore, 4), Math.Round(totals.MeanScore, 4), latest?.Matched, latest is null ? null : Math.Round(latest.TotalScore, 4),
            totals.Matched - (latest?.Matched ?? 0), Math.Round(totals.TotalScore - (latest?.TotalScore ?? 0), 4),
            added.Count, removed.Count, added.Take(20).Select(Change).ToList(), removed.Take(20).Select(Change).ToList(), engineMs);
    }

    public async Task<Outcome<CompareResponse>> CompareAsync(int cohortId, CompareRequest request, CancellationToken ct)
    {
        var cohort = await MatchingCohortAsync(cohortId, ct);
        if (cohort.Refusal is { } refused) return refused;
        var errors = new Errors();
        if (request.Weights is { } w) Merge(errors, MatchSettingsEditor.CheckWeights(w, t, "Weights."));
        var objective = ParseObjective(request.Objective, errors);
        if (errors.Any) return errors;

        var built = await builder.GetAsync(cohortId, ct);
        var input = built.Input with { Weights = request.Weights?.ToWeights() ?? built.Input.Weights, Objective = objective };
        var optimal = CohortMatcher.Match(input with { Mode = MatchMode.Optimal }, ct);
        if (!optimal.Valid) return EngineErrors(optimal);
        var stable = CohortMatcher.Match(input with { Mode = MatchMode.Stable }, ct);
        var o = optimal.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId);
        var s = stable.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId);
        var differing = o.Keys.Union(s.Keys).Count(m => o.GetValueOrDefault(m) != s.GetValueOrDefault(m));
        ModeTotals Totals(string mode, CohortTotals x) => new(mode, x.Matched, Math.Round(x.TotalScore, 4), Math.Round(x.MeanScore, 4), x.Certificate.Verified);
        var gap = stable.Totals!.StableGap;
        return new CompareResponse(Totals("optimal", optimal.Totals!), Totals("stable", stable.Totals), Math.Round(gap?.ScoreGap ?? 0, 4), gap?.MatchedGap ?? 0, differing);
    }

    // ---- reading ---------------------------------------------------------------------------------------

    public Task<int?> LatestRunIdAsync(int cohortId, CancellationToken ct) =>
        db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>The latest run with one page of its proposals (searched by mentee or mentor name), the unmatched and the rules.</summary>
    public Task<LatestRunResponse?> LatestAsync(int cohortId, string? q, int? page, CancellationToken ct) => LatestAsync(cohortId, q, page, null, ct);

    /// <param name="unmatchedPage">When given, only that page of the unmatched mentees (and the first page of the
    /// mentors without a mentee) is worded: a 50,000-person cohort leaves thousands unmatched. The totals are counted.</param>
    public async Task<LatestRunResponse?> LatestAsync(int cohortId, string? q, int? page, int? unmatchedPage, CancellationToken ct)
    {
        var cohort = await CohortAsync(cohortId, ct);
        if (cohort is null) return null;
        var built = await builder.GetAsync(cohortId, ct);
        var rules = built.Rules.Select(r => View(built, r)).ToList();
        // Everything but the result text: at cohort scale that is tens of megabytes, read once per run (below).
        var run = await db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId).OrderByDescending(r => r.Id)
            .Select(r => new MatchRun
            {
                Id = r.Id, CohortId = r.CohortId, Mode = r.Mode, Objective = r.Objective, WeightsJson = r.WeightsJson, CreatedById = r.CreatedById,
                CreatedAt = r.CreatedAt, Matched = r.Matched, TotalScore = r.TotalScore, CertificateVerified = r.CertificateVerified, ResultJson = "",
            }).FirstOrDefaultAsync(ct);
        if (run is null)
            return new LatestRunResponse(cohortId, cohort.Status.ToString(), null, PageResponse<ProposalView>.Empty(PageSize), [], [], rules);

        var result = await ResultAsync(run.Id, ct);
        var proposals =
            from p in db.MatchProposals.AsNoTracking().Where(p => p.RunId == run.Id)
            join me in db.Applications.AsNoTracking() on p.MenteeApplicationId equals me.Id
            join mo in db.Applications.AsNoTracking() on p.MentorApplicationId equals mo.Id
            join mep in db.Profiles.AsNoTracking() on me.UserId equals mep.UserId into meps
            from mep in meps.DefaultIfEmpty()
            join mop in db.Profiles.AsNoTracking() on mo.UserId equals mop.UserId into mops
            from mop in mops.DefaultIfEmpty()
            select new { p, MenteeName = mep != null ? mep.DisplayName : "", MentorName = mop != null ? mop.DisplayName : "" };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            proposals = proposals.Where(x => EF.Functions.Like(x.MenteeName.ToLower(), like, "\\") || EF.Functions.Like(x.MentorName.ToLower(), like, "\\"));
        }
        var proposalPage = await proposals.OrderBy(x => x.p.MenteeApplicationId).ToPageAsync(page, PageSize, async rows => (await rows.ToListAsync(ct))
            .Select(x => new ProposalView(x.p.MenteeApplicationId, x.MenteeName, x.p.MentorApplicationId, x.MentorName, Math.Round(x.p.Score, 4), x.p.Locked,
                x.p.Rank, x.p.AllowedMentors, WhyOf(x.p), JsonSerializer.Deserialize<List<CriterionView>>(x.p.BreakdownJson, Json) ?? [])).ToList(), ct);

        var (mentors, mentees) = (result.Totals!.Mentors, result.Totals.Mentees);
        var shownMentees = unmatchedPage is null ? result.UnmatchedMentees
            : result.UnmatchedMentees.ToPage(unmatchedPage, IndexModel.ListSize).Items;
        var shownMentors = unmatchedPage is null ? result.UnmatchedMentors : result.UnmatchedMentors.Take(IndexModel.ListSize).ToList();
        var unmatchedMentees = shownMentees.Select(u => new UnmatchedMenteeView(BuiltCohort.AppId(u.MenteeId), built.Name(BuiltCohort.AppId(u.MenteeId)), say.UnmatchedMentee(u, mentors), u.AllowedMentors,
                u.Excluded.Select(e => new ExclusionView(Camel(e.Reason.ToString()), e.Count, e.OnlyReason, say.Failures(e.Reason))).ToList(),
                u.Alternatives.Select(a => new AlternativeView(BuiltCohort.AppId(a.MentorId), built.Name(BuiltCohort.AppId(a.MentorId)), Math.Round(a.Score, 4), a.Allowed, say.WhatItWouldTake(u, a))).ToList()))
            .ToList();
        var unmatchedMentors = shownMentors.Select(u => new UnmatchedMentorView(BuiltCohort.AppId(u.MentorId), built.Name(BuiltCohort.AppId(u.MentorId)), say.UnmatchedMentor(u, mentees), u.Capacity, u.EligibleMentees)).ToList();
        return new LatestRunResponse(cohortId, cohort.Status.ToString(), Summary(run, result), proposalPage,
            unmatchedMentees, unmatchedMentors, rules, result.UnmatchedMentees.Count, result.UnmatchedMentors.Count);
    }

    /// <summary>A run's stored result, parsed once and kept a while: a run never changes, and at cohort scale parsing it takes seconds.</summary>
    private async Task<CohortResult> ResultAsync(int runId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("match-result", runId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(5);
            var json = await db.MatchRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.ResultJson).SingleAsync(ct);
            return JsonSerializer.Deserialize<CohortResult>(json, CohortJson.Options)!;
        }))!;

    /// <summary>Worded now, in the reader's language, from the stored breakdown (the stored sentence is the engine's English).</summary>
    private string WhyOf(MatchProposal p) => say.Why(JsonSerializer.Deserialize<List<CriterionView>>(p.BreakdownJson, Json) ?? [], p.Rank, p.AllowedMentors);

    private static RunSummary Summary(MatchRun run, CohortResult result)
    {
        var totals = result.Totals!;
        var creator = run.CreatedById;
        return new RunSummary(run.Id, Camel(run.Mode.ToString()), Camel(run.Objective.ToString()),
            JsonSerializer.Deserialize<MatchWeights>(run.WeightsJson, Json) ?? new(), run.CreatedAt, creator,
            totals.Mentees, totals.Mentors, totals.Matched, totals.Locked, Math.Round(totals.TotalScore, 4), Math.Round(totals.MeanScore, 4),
            totals.Certificate.Verified, totals.Certificate.Detail, totals.StableGap is { } g ? Math.Round(g.ScoreGap, 4) : null, totals.StableGap?.MatchedGap);
    }

    private static RuleView View(BuiltCohort built, PairRuleView r) =>
        new(r.Id, r.Kind == PairRuleKind.Lock ? "lock" : "forbid", r.MenteeApplicationId, built.Name(r.MenteeApplicationId), r.MentorApplicationId, built.Name(r.MentorApplicationId));

    public static List<CriterionView> Breakdown(IEnumerable<CriterionScore> scores) =>
        scores.Select(c => new CriterionView(Criteria.Of(c.Criterion).Key, c.Weight, Math.Round(c.Value, 4), Math.Round(c.Contribution, 4))).ToList();

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private static void Merge(Errors into, Errors from)
    {
        foreach (var (field, message) in from.Each) into.Add(field, message);
    }

    private MatchMode ParseMode(string? mode, Errors errors)
    {
        switch (mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "optimal": return MatchMode.Optimal;
            case "stable": return MatchMode.Stable;
            default:
                errors.Add("Mode", t["Choose the mode: optimal or stable."]);
                return MatchMode.Optimal;
        }
    }

    private MatchObjective ParseObjective(string? objective, Errors errors)
    {
        switch (objective?.Trim().ToLowerInvariant())
        {
            case null or "" or "mostmatchedthenscore": return MatchObjective.MostMatchedThenScore;
            case "totalscore": return MatchObjective.TotalScore;
            default:
                errors.Add("Objective", t["Choose the objective: mostMatchedThenScore or totalScore."]);
                return MatchObjective.MostMatchedThenScore;
        }
    }
}
