using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

public static class MatchingApi
{
    public static RouteGroupBuilder MapMatching(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/program/match-settings").WithTags("Matching").RequireAuthorization(Roles.Coordinator);
        settings.MapGet("/", GetSettings).WithSummary("The program's matching weights and rules.");
        settings.MapPut("/", PutSettings).WithSummary("Changes the program's matching weights and rules.");

        var m = api.MapGroup("/cohorts/{id:int}/matching").WithTags("Matching").RequireAuthorization(Roles.Coordinator);
        m.MapPost("/runs", Run).WithSummary("Matches the cohort (mode optimal|stable, objective mostMatchedThenScore|totalScore) and stores the proposals.");
        m.MapPost("/jobs", StartJob).WithSummary("Starts matching the cohort in the background (same body as /runs); answers 202 with the job to poll. One job per cohort at a time (409 while one runs).");
        m.MapGet("/jobs/latest", LatestJob).WithSummary("The cohort's latest matching job: state (queued|running|completed|failed|cancelled), stage, progress 0–100, error, the run it stored.");
        m.MapGet("/jobs/{jobId:int}", GetJob).WithSummary("One matching job: state, stage, progress 0–100, started/finished, error, the run it stored.");
        m.MapPost("/jobs/{jobId:int}/cancel", CancelJob).WithSummary("Cancels a queued or running job; the latest run stays as it was. 409 when the job has finished.");
        m.MapGet("/runs/latest", Latest).WithSummary("The latest run: totals, one page of proposals (?q=, ?page=), the unmatched with reasons, locks and forbids.");
        m.MapPost("/locks", Lock).WithSummary("Locks a pair and re-matches the rest around it.");
        m.MapDelete("/locks/{ruleId:int}", Remove).WithSummary("Removes a lock or a forbid and re-matches.");
        m.MapPost("/forbids", Forbid).WithSummary("Forbids a pair and re-matches.");
        m.MapDelete("/forbids/{ruleId:int}", Remove).WithSummary("Removes a lock or a forbid and re-matches.");
        m.MapPost("/swap", Swap).WithSummary("Swaps the proposed mentors of two mentees (saved as two locks) and re-matches.");
        m.MapPost("/explain", Explain).WithSummary("Whether a hand-picked pair is allowed, and its score breakdown.");
        m.MapPost("/manual", Manual).WithSummary("Pairs a mentee and a mentor by hand (saved as a lock) and re-matches.");
        m.MapPost("/preview", Preview).WithSummary("What-if: matches with the given weights without saving; totals and the difference from the latest run.");
        m.MapPost("/compare", Compare).WithSummary("Matches optimal and stable without saving: matched, total, gap, pairs that differ.");
        m.MapPost("/publish", Publish).WithSummary("With \"confirm\": true, publishes the latest run's pairs, tells both people of each pair, the accepted mentees left unmatched and the waitlisted, and moves the cohort to Active; without it, answers the consequences and warnings and changes nothing.");

        var rank = api.MapGroup("/cohorts/{id:int}/my-ranking").WithTags("Matching").RequireAuthorization();
        rank.MapGet("/", GetRanking).WithSummary("The signed-in mentee's ranking of this cohort's published mentors.");
        rank.MapPut("/", PutRanking).WithSummary("Replaces the signed-in mentee's ranking (up to five mentor application ids, best first) while applications are open.");
        return m;
    }

    private static async Task<Ok<MatchSettingsRequest>> GetSettings(MatchSettingsEditor editor, CancellationToken ct) =>
        TypedResults.Ok(MatchSettingsRequest.From(await editor.LoadAsync(ct)));

    private static async Task<Results<Ok<MatchSettingsRequest>, ValidationProblem>> PutSettings(MatchSettingsRequest request, MatchSettingsEditor editor, CancellationToken ct) =>
        (await editor.UpdateAsync(request, ct)).ToApi(s => TypedResults.Ok(MatchSettingsRequest.From(s)));

    private static async Task<Results<Accepted<MatchJobView>, NotFound, ValidationProblem, ProblemHttpResult>> StartJob(int id, RunRequest? request, MatchJobs jobs, HttpContext http, CancellationToken ct) =>
        (await jobs.StartAsync(id, request ?? new(), http.User.Id(), ct)).ToApi(v => TypedResults.Accepted($"/api/v1/cohorts/{id}/matching/jobs/{v.Id}", v));

    private static async Task<Results<Ok<MatchJobView>, NotFound>> GetJob(int id, int jobId, MatchJobs jobs, CancellationToken ct) =>
        await jobs.GetAsync(id, jobId, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Ok<MatchJobView>, NotFound>> LatestJob(int id, MatchJobs jobs, CancellationToken ct) =>
        await jobs.LatestAsync(id, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Ok<MatchJobView>, NotFound, ValidationProblem, ProblemHttpResult>> CancelJob(int id, int jobId, MatchJobs jobs, CancellationToken ct) =>
        (await jobs.CancelAsync(id, jobId, ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<RunSummary>, NotFound, ValidationProblem, ProblemHttpResult>> Run(int id, RunRequest? request, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.RunAsync(id, request ?? new(), http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<LatestRunResponse>, NotFound>> Latest(int id, string? q, int? page, MatchingWorkflow w, CancellationToken ct) =>
        await w.LatestAsync(id, q, page, ct) is { } latest ? TypedResults.Ok(latest) : TypedResults.NotFound();

    private static async Task<Results<Ok<RuleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Lock(int id, PairRequest request, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.LockAsync(id, request, http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<RuleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Forbid(int id, PairRequest request, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.ForbidAsync(id, request, http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<RuleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Manual(int id, PairRequest request, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.ManualAsync(id, request, http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<RuleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Swap(int id, SwapRequest request, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.SwapAsync(id, request, http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<ExplainResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Explain(int id, PairRequest request, MatchingWorkflow w, CancellationToken ct) =>
        (await w.ExplainAsync(id, request, ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Remove(int id, int ruleId, MatchingWorkflow w, HttpContext http, CancellationToken ct) =>
        (await w.RemoveRuleAsync(id, ruleId, http.User.Id(), ct)).ToApi(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<PreviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Preview(int id, PreviewRequest? request, MatchingWorkflow w, CancellationToken ct) =>
        (await w.PreviewAsync(id, request ?? new(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<CompareResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Compare(int id, CompareRequest? request, MatchingWorkflow w, CancellationToken ct) =>
        (await w.CompareAsync(id, request ?? new(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<PublishResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Publish(int id, PublishRequest? request, MatchPublisher publisher, CancellationToken ct)
    {
        var preview = await publisher.PreviewAsync(id, ct);
        if (preview.Refusal is not null || request?.Confirm != true)
            return preview.ToApi(p => TypedResults.Ok(new PublishResponse(false, id, CohortStatus.Matching.ToString(), p.Pairs, 0, p.Step.Consequences, p.Step.Warnings)));
        var step = preview.Value!.Step;
        return (await publisher.PublishAsync(id, request?.Version, ct)).ToApi(v => TypedResults.Ok(v with { Consequences = step.Consequences, Warnings = step.Warnings }));
    }

    private static async Task<Results<Ok<MyRankingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetRanking(int id, MentorRankings rankings, HttpContext http, CancellationToken ct) =>
        (await rankings.GetAsync(id, http.User.Id(), ct)).ToApi(v => TypedResults.Ok(v));

    private static async Task<Results<Ok<MyRankingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PutRanking(int id, RankingRequest request, MentorRankings rankings, HttpContext http, CancellationToken ct) =>
        (await rankings.SaveAsync(id, http.User.Id(), request, ct)).ToApi(v => TypedResults.Ok(v));
}
