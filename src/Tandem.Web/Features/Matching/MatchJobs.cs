using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>A matching job as the page's progress bar and the API see it.</summary>
/// <param name="StageText">The stage in the reader's language.</param>
/// <param name="Active">Queued or running: the page keeps polling.</param>
public sealed record MatchJobView(int Id, int CohortId, string State, string Stage, string StageText, int Progress, bool Active,
    bool CancelRequested, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, string CreatedBy, string? Error,
    int? RunId, int? Matched, int? Mentees, string Message);

/// <summary>
/// Starting, reading and cancelling matching jobs, and running them (<see cref="RunNextAsync"/>, called by
/// <see cref="MatchJobService"/> and by tests). The run itself is <see cref="MatchingWorkflow.RunAsync"/>, the same
/// path as the synchronous API.
/// </summary>
public sealed class MatchJobs(TandemDb db, MatchingWorkflow workflow, IServiceScopeFactory scopes, MatchJobSignal signal,
    MatchJobRegistry registry, TimeProvider clock, IConfiguration configuration, IStringLocalizer<MatchingText> t, ILogger<MatchJobs> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A resumed job is given up after this many claims: something in it kills the instance.</summary>
    public const int MaxAttempts = 3;

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Matching:JobLeaseSeconds", 120)));
    private TimeSpan HeartbeatEvery => TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Matching:HeartbeatSeconds", 1.0)));

    /// <summary>Checks the request now (bad input changes nothing) and queues the run; one job per cohort at a time.</summary>
    public async Task<Outcome<MatchJobView>> StartAsync(int cohortId, RunRequest request, string userId, CancellationToken ct)
    {
        var check = await workflow.CheckRunAsync(cohortId, request, ct);
        if (check.Refusal is { } refused) return refused;
        if (await ActiveIdAsync(cohortId, ct) is int running)
            return Refusal.Conflict(t["A matching of this cohort is already running"],
                t["Wait for it to finish or cancel it (job {0}).", running]);
        var job = new MatchJob
        {
            CohortId = cohortId, State = MatchJobState.Queued, Stage = MatchJobStage.Waiting, CreatedById = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime, RequestJson = JsonSerializer.Serialize(request, Json),
        };
        db.MatchJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return View(job);
    }

    public Task<int?> ActiveIdAsync(int cohortId, CancellationToken ct) =>
        db.MatchJobs.AsNoTracking().Where(j => j.CohortId == cohortId && (j.State == MatchJobState.Queued || j.State == MatchJobState.Running))
            .OrderByDescending(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);

    public async Task<MatchJobView?> GetAsync(int cohortId, int jobId, CancellationToken ct) =>
        await db.MatchJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.CohortId == cohortId, ct) is { } job ? View(job) : null;

    /// <summary>The cohort's latest job, whatever its state.</summary>
    public async Task<MatchJobView?> LatestAsync(int cohortId, CancellationToken ct) =>
        await db.MatchJobs.AsNoTracking().Where(j => j.CohortId == cohortId).OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct) is { } job ? View(job) : null;

    /// <summary>
    /// A queued job is cancelled at once; a running one is asked to stop (its worker, on this instance or another,
    /// sees the request within a heartbeat and stops before saving). A finished job cannot be cancelled.
    /// </summary>
    public async Task<Outcome<MatchJobView>> CancelAsync(int cohortId, int jobId, CancellationToken ct)
    {
        var job = await db.MatchJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.CohortId == cohortId, ct);
        if (job is null) return Refusal.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.MatchJobs.Where(j => j.Id == jobId && j.State == MatchJobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, MatchJobState.Cancelled).SetProperty(j => j.CancelRequested, true).SetProperty(j => j.FinishedAt, now), ct);
        var asked = await db.MatchJobs.Where(j => j.Id == jobId && j.State == MatchJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        if (asked > 0) registry.Cancel(jobId);
        job = await db.MatchJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        if (job.State is MatchJobState.Completed or MatchJobState.Failed)
            return Refusal.Conflict(t["The matching has already finished"], t["This job is {0}: there is nothing to cancel.", StateText(job.State)]);
        return View(job);
    }

    /// <summary>
    /// Jobs left running by an instance that stopped (no heartbeat within the lease) are queued again to be resumed
    /// from the start, or failed with the reason after <see cref="MaxAttempts"/> claims. Returns how many it touched.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - Lease;
        string gaveUp = t["The instance running this matching stopped {0} times before it finished; nothing was saved. Start it again, and tell the administrator if it happens again.", MaxAttempts];
        string resumedNote = t["The instance running this matching stopped; it was started again from the beginning."];
        var failed = await db.MatchJobs
            .Where(j => j.State == MatchJobState.Running && (j.HeartbeatAt == null || j.HeartbeatAt < stale) && j.Attempts >= MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, MatchJobState.Failed).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.ClaimToken, (string?)null)
                .SetProperty(j => j.Error, gaveUp), ct);
        var resumed = await db.MatchJobs
            .Where(j => j.State == MatchJobState.Running && (j.HeartbeatAt == null || j.HeartbeatAt < stale))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, MatchJobState.Queued).SetProperty(j => j.Stage, MatchJobStage.Waiting).SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.ClaimToken, (string?)null)
                .SetProperty(j => j.Error, resumedNote), ct);
        if (failed + resumed > 0)
            logger.LogWarning("Matching jobs left running by a stopped instance: {Resumed} resumed, {Failed} failed", resumed, failed);
        return failed + resumed;
    }

    /// <summary>Claims the oldest queued job and runs it to the end; false when there was none to claim.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stopping)
    {
        while (true)
        {
            var next = await db.MatchJobs.AsNoTracking().Where(j => j.State == MatchJobState.Queued).OrderBy(j => j.Id)
                .Select(j => (int?)j.Id).FirstOrDefaultAsync(stopping);
            if (next is not int id) return false;
            var token = Guid.NewGuid().ToString("N");
            var now = clock.GetUtcNow().UtcDateTime;
            var loading = Percent(MatchJobStage.Loading);
            // The claim: the UPDATE checks the state itself, so of two workers that saw the same queued job one gets 1 row, the other 0.
            var claimed = await db.MatchJobs.Where(j => j.Id == id && j.State == MatchJobState.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, MatchJobState.Running).SetProperty(j => j.ClaimToken, token)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.Stage, MatchJobStage.Loading).SetProperty(j => j.Progress, loading), stopping);
            if (claimed == 0) continue;
            await RunClaimedAsync(id, token, stopping);
            return true;
        }
    }

    private async Task RunClaimedAsync(int id, string token, CancellationToken stopping)
    {
        var job = await db.MatchJobs.AsNoTracking().SingleAsync(j => j.Id == id, stopping);
        var request = JsonSerializer.Deserialize<RunRequest>(job.RequestJson, Json) ?? new();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var beat = new CancellationTokenSource();
        registry.Add(id, cts);
        var stage = (int)MatchJobStage.Loading;
        var heartbeat = HeartbeatAsync(id, token, () => (MatchJobStage)Volatile.Read(ref stage), cts, beat.Token);
        try
        {
            if (job.CancelRequested) cts.Cancel();
            // The engine is synchronous CPU work: it runs on the thread pool while the heartbeat keeps writing.
            var outcome = await Task.Run(() => workflow.RunAsync(job.CohortId, request, job.CreatedById,
                s => Volatile.Write(ref stage, (int)s), cts.Token), cts.Token);
            await StopAsync(beat, heartbeat);
            if (outcome.Refusal is { } refused)
                await FinishAsync(id, token, MatchJobState.Failed, Cut(string.Join(" ", refused.Messages.DefaultIfEmpty(refused.Title ?? ""))), null);
            else
                await FinishAsync(id, token, MatchJobState.Completed, null, outcome.Value);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await StopAsync(beat, heartbeat);
            if (stopping.IsCancellationRequested)
            {
                // This instance is shutting down: the job goes back to the queue for the next worker, here or elsewhere.
                await Mine(id, token).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, MatchJobState.Queued).SetProperty(j => j.Stage, MatchJobStage.Waiting)
                    .SetProperty(j => j.Progress, 0).SetProperty(j => j.ClaimToken, (string?)null), CancellationToken.None);
            }
            else
                await FinishAsync(id, token, MatchJobState.Cancelled, null, null);
        }
        catch (Exception ex)
        {
            await StopAsync(beat, heartbeat);
            logger.LogError(ex, "Matching job {Job} of cohort {Cohort} failed", id, job.CohortId);
            await FinishAsync(id, token, MatchJobState.Failed, Cut(t["The matching stopped with an error ({0}); nothing was saved and the previous run is unchanged.", ex.GetType().Name]), null);
        }
        finally
        {
            registry.Remove(id);
        }
    }

    private static async Task StopAsync(CancellationTokenSource beat, Task heartbeat)
    {
        await beat.CancelAsync();
        await heartbeat;
    }

    /// <summary>Every beat: the stage and progress, the heartbeat, and whether someone asked to cancel (from any instance).</summary>
    private async Task HeartbeatAsync(int id, string token, Func<MatchJobStage> stage, CancellationTokenSource cancel, CancellationToken stop)
    {
        using var scope = scopes.CreateScope();
        var beatDb = scope.ServiceProvider.GetRequiredService<TandemDb>();
        using var timer = new PeriodicTimer(HeartbeatEvery, clock);
        var written = (MatchJobStage)(-1);
        do
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var current = stage();
                if (current != written)
                {
                    var percent = Percent(current);
                    await beatDb.MatchJobs.Where(j => j.Id == id && j.ClaimToken == token).ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Stage, current).SetProperty(j => j.Progress, percent), CancellationToken.None);
                    written = current;
                }
                else
                    await beatDb.MatchJobs.Where(j => j.Id == id && j.ClaimToken == token).ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now), CancellationToken.None);
                if (await beatDb.MatchJobs.AsNoTracking().AnyAsync(j => j.Id == id && j.CancelRequested, CancellationToken.None))
                    await cancel.CancelAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database (SQLite while the run saves) skips a beat; the lease is many beats long.
                logger.LogDebug(ex, "Heartbeat of matching job {Job} skipped", id);
            }
        }
        while (await Wait(timer, stop));
    }

    private static async Task<bool> Wait(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Task FinishAsync(int id, string token, MatchJobState state, string? error, RunSummary? run)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stage = state == MatchJobState.Completed ? MatchJobStage.Done : MatchJobStage.Waiting;
        var progress = state == MatchJobState.Completed ? 100 : 0;
        int? runId = run?.Id, matched = run?.Matched, mentees = run?.Mentees;
        return Mine(id, token).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state).SetProperty(j => j.Stage, stage).SetProperty(j => j.Progress, progress)
            .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Error, error)
            .SetProperty(j => j.RunId, runId).SetProperty(j => j.Matched, matched).SetProperty(j => j.Mentees, mentees), CancellationToken.None);
    }

    private IQueryable<MatchJob> Mine(int id, string token) => db.MatchJobs.Where(j => j.Id == id && j.ClaimToken == token);

    /// <summary>Where the bar stands when a stage starts: roughly each stage's share of a large cohort's run.</summary>
    public static int Percent(MatchJobStage stage) => stage switch
    {
        MatchJobStage.Waiting => 0,
        MatchJobStage.Loading => 5,
        MatchJobStage.Scoring => 20,
        MatchJobStage.Solving => 40,
        MatchJobStage.Explaining => 65,
        MatchJobStage.Saving => 85,
        _ => 100,
    };

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..1000];

    public string StageText(MatchJobStage stage) => stage switch
    {
        MatchJobStage.Waiting => t["Waiting for a worker"],
        MatchJobStage.Loading => t["Loading the cohort"],
        MatchJobStage.Scoring => t["Scoring every pair"],
        MatchJobStage.Solving => t["Finding the best matching"],
        MatchJobStage.Explaining => t["Explaining every pair and every unmatched person"],
        MatchJobStage.Saving => t["Saving the proposals"],
        _ => t["Done"],
    };

    public string StateText(MatchJobState state) => state switch
    {
        MatchJobState.Queued => t["queued"],
        MatchJobState.Running => t["running"],
        MatchJobState.Completed => t["completed"],
        MatchJobState.Failed => t["failed"],
        _ => t["cancelled"],
    };

    private MatchJobView View(MatchJob j)
    {
        var active = j.State is MatchJobState.Queued or MatchJobState.Running;
        var message = j.State switch
        {
            MatchJobState.Completed => t["Matched {0} of {1} mentees.", j.Matched ?? 0, j.Mentees ?? 0].Value,
            MatchJobState.Cancelled => t["The matching was cancelled; the previous run is unchanged."].Value,
            MatchJobState.Failed => t["The matching failed: {0}", j.Error ?? ""].Value,
            _ when j.CancelRequested => t["Cancelling…"].Value,
            _ => StageText(j.Stage),
        };
        return new MatchJobView(j.Id, j.CohortId, Camel(j.State.ToString()), Camel(j.Stage.ToString()), StageText(j.Stage), j.Progress, active,
            j.CancelRequested, j.CreatedAt, j.StartedAt, j.FinishedAt, j.CreatedById, j.Error, j.RunId, j.Matched, j.Mentees, message);
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>The running jobs of this instance, so a cancel on the same instance stops the run at once.</summary>
public sealed class MatchJobRegistry
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public void Add(int id, CancellationTokenSource cts) => running[id] = cts;

    public void Remove(int id) => running.TryRemove(id, out _);

    public void Cancel(int id)
    {
        if (running.TryGetValue(id, out var cts))
        {
            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished meanwhile.
            }
        }
    }
}

/// <summary>Wakes this instance's worker when a request has just queued a job.</summary>
public sealed class MatchJobSignal : WakeSignal;

/// <summary>
/// The worker: one per instance, one job at a time. At start and then every <c>Matching:PollSeconds</c> (2), or
/// when a request on this instance queues a job, it recovers jobs of stopped instances and runs what is queued.
/// <c>Matching:RunJobs=false</c> turns it off (tests run the queue themselves with <see cref="MatchJobs.RunNextAsync"/>).
/// </summary>
public sealed class MatchJobService(IServiceScopeFactory scopes, MatchJobSignal signal, IConfiguration configuration, ILogger<MatchJobService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Matching:RunJobs", true)) return;
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Matching:PollSeconds", 2.0)));
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using (var scope = scopes.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<MatchJobs>().RecoverAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A fresh scope (and database context) per job.
                    using var scope = scopes.CreateScope();
                    if (!await scope.ServiceProvider.GetRequiredService<MatchJobs>().RunNextAsync(stoppingToken)) break;
                }
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment (a restart, a failover): try again on the next poll.
                logger.LogWarning(ex, "The matching worker's pass failed; trying again");
                await signal.WaitAsync(interval, stoppingToken);
            }
        }
    }
}
