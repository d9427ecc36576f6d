using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Matching.Cohorts;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>The coordinator's matching desk for one cohort: run, inspect, lock, forbid, swap, pair by hand, what-if, compare; publishing is confirmed on its own page.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(MatchingWorkflow workflow, MatchJobs jobs, CohortInputBuilder builder, IStringLocalizer<MatchingText> t) : PageModel
{
    public const int ListSize = 25;

    /// <summary>The run form: the weights (one slider per criterion; the workflow checks them), mode and objective.</summary>
    public sealed record InputModel : MatchWeights
    {
        public InputModel()
        {
        }

        public InputModel(MatchWeights weights) : base(weights)
        {
        }

        public string Mode { get; set; } = "optimal";
        public string Objective { get; set; } = "mostMatchedThenScore";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "menteeId")] public int? ExplainMentee { get; set; }
    [BindProperty(SupportsGet = true, Name = "mentorId")] public int? ExplainMentor { get; set; }

    /// <summary>The job whose end brought the reader here (<c>?job=</c>, set by the progress script): its outcome is shown.</summary>
    [BindProperty(SupportsGet = true, Name = "job")] public int? FinishedJob { get; set; }

    public int CohortId { get; private set; }
    /// <summary>The cohort's latest matching job (running, or how the last one ended).</summary>
    public MatchJobView? Job { get; private set; }
    public MatchingWorkflow.CohortFacts Cohort { get; private set; } = null!;
    public LatestRunResponse Latest { get; private set; } = null!;
    public BuiltCohort People { get; private set; } = null!;
    public ExplainResponse? Explanation { get; private set; }
    public CompareResponse? Comparison { get; private set; }
    public int PageNumber => Latest.Proposals.Page;
    /// <summary>The page of unmatched mentees shown (<c>?upage=</c>); the run keeps them all.</summary>
    public PageResponse<UnmatchedMenteeView> Unmatched { get; private set; } = PageResponse<UnmatchedMenteeView>.Empty(ListSize);
    public int LastPage => Latest.Proposals.TotalPages;
    public bool CanEdit => Cohort.Status == CohortStatus.Matching;

    /// <summary>Above this many people a side, "pair by hand" and "swap" take application numbers instead of a list of every name.</summary>
    public const int ListPeopleUpTo = 400;
    public bool Large => People.Mentees.Count > ListPeopleUpTo || People.Mentors.Count > ListPeopleUpTo;
    public bool Running => Job is { Active: true };

    /// <summary>How the latest job ended, when the reader should hear it: a failure or a cancel newer than the latest run, or the job just watched.</summary>
    public bool ShowJobOutcome => Job is { Active: false } j
        && (j.Id == FinishedJob || (j.State != "completed" && (Latest.Run is null || j.CreatedAt >= Latest.Run.CreatedAt)));

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        Input = Latest.Run is { } run
            ? new InputModel(run.Weights) { Mode = run.Mode, Objective = run.Objective }
            : new InputModel(People.Input.Weights);
        if (ExplainMentee is int mentee && ExplainMentor is int mentor)
        {
            var e = await workflow.ExplainAsync(cohortId, new PairRequest(mentee, mentor), ct);
            if (!this.Refused(e, prefix: "")) Explanation = e.Value;
        }
        return Page();
    }

    /// <summary>Starts the matching as a background job; the page then shows its progress.</summary>
    public async Task<IActionResult> OnPostRunAsync(int cohortId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReloadAsync(cohortId, ct);
        var outcome = await jobs.StartAsync(cohortId, new RunRequest(Input.Mode, Input.Objective, Input.ToWeights()), User.Id(), ct);
        return await AfterAsync(cohortId, outcome, _ => t["The matching has started. You can leave this page: it goes on, and this page shows where it is."], ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int cohortId, int jobId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await jobs.CancelAsync(cohortId, jobId, ct);
        return await AfterAsync(cohortId, outcome, j => j.Active ? t["Cancelling the matching; the latest run stays as it was."] : t["The matching was cancelled; the previous run is unchanged."], ct);
    }

    public async Task<IActionResult> OnPostLockAsync(int cohortId, int menteeId, int mentorId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await workflow.LockAsync(cohortId, new PairRequest(menteeId, mentorId), User.Id(), ct);
        return await AfterAsync(cohortId, outcome, r => t["Locked {0} with {1}; the rest was matched again around the locks.", r.Rule.MenteeName, r.Rule.MentorName], ct);
    }

    public async Task<IActionResult> OnPostForbidAsync(int cohortId, int menteeId, int mentorId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await workflow.ForbidAsync(cohortId, new PairRequest(menteeId, mentorId), User.Id(), ct);
        return await AfterAsync(cohortId, outcome, r => t["Forbade {0} with {1}; the cohort was matched again.", r.Rule.MenteeName, r.Rule.MentorName], ct);
    }

    public async Task<IActionResult> OnPostManualAsync(int cohortId, int menteeId, int mentorId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await workflow.ManualAsync(cohortId, new PairRequest(menteeId, mentorId), User.Id(), ct);
        return await AfterAsync(cohortId, outcome, r => t["Paired {0} with {1} by hand (saved as a lock).", r.Rule.MenteeName, r.Rule.MentorName], ct);
    }

    public async Task<IActionResult> OnPostSwapAsync(int cohortId, int menteeId, int otherMenteeId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await workflow.SwapAsync(cohortId, new SwapRequest(menteeId, otherMenteeId), User.Id(), ct);
        return await AfterAsync(cohortId, outcome, _ => t["Swapped the mentors; both new pairs are locked."], ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int cohortId, int ruleId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await workflow.RemoveRuleAsync(cohortId, ruleId, User.Id(), ct);
        return await AfterAsync(cohortId, outcome, _ => t["Removed; the cohort was matched again."], ct);
    }

    public async Task<IActionResult> OnPostCompareAsync(int cohortId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReloadAsync(cohortId, ct);
        var outcome = await workflow.CompareAsync(cohortId, new CompareRequest(Input.ToWeights(), Input.Objective), ct);
        if (outcome.IsNotFound) return NotFound();
        if (!this.Refused(outcome, prefix: "")) Comparison = outcome.Value;
        return await ReloadAsync(cohortId, ct);
    }

    /// <summary>After a change of the matching: the flash and the first page of proposals, or the reasons on this page.</summary>
    private Task<IActionResult> AfterAsync<T>(int cohortId, Outcome<T> outcome, Func<T, string> done, CancellationToken ct)
    {
        CohortId = cohortId;
        return this.AnswerAsync(outcome, done, _ => Redirect(Link(Q, 1)), () => LoadAsync(cohortId, ct), prefix: "");
    }

    private async Task<IActionResult> ReloadAsync(int cohortId, CancellationToken ct) => await LoadAsync(cohortId, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int cohortId, CancellationToken ct)
    {
        var cohort = await workflow.CohortAsync(cohortId, ct);
        if (cohort is null) return false;
        (CohortId, Cohort) = (cohortId, cohort);
        var upage = Paging.Parse(Request.Query["upage"]);
        Latest = (await workflow.LatestAsync(cohortId, Q, Paging.Parse(Request.Query["page"]), upage, ct))!;
        var unmatchedPage = Math.Clamp(upage, 1, Math.Max(1, (Latest.UnmatchedMenteeCount + ListSize - 1) / ListSize));
        Unmatched = new PageResponse<UnmatchedMenteeView>(Latest.UnmatchedMentees, unmatchedPage, ListSize, Latest.UnmatchedMenteeCount);
        People = await builder.GetAsync(cohortId, ct);
        Job = await jobs.LatestAsync(cohortId, ct);
        return true;
    }

    /// <summary>The page numbers a pager shows: the first, the last, and two either side of the current one.</summary>
    public static IReadOnlyList<int> PageWindow(int current, int last) =>
        new[] { 1, last }.Concat(Enumerable.Range(current - 2, 5)).Where(i => i >= 1 && i <= last).Distinct().Order().ToList();

    public string Link(string? q, int page, int? upage = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = q, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["upage"] = upage > 1 ? upage.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/Matching/{CohortId}", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
