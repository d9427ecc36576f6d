using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Matching;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

/// <summary>Matching as a background job: its state is in the database, so reloads, cancels, restarts and a second instance all see the same job.</summary>
public sealed class MatchJobTests
{
    private static async Task<JsonElement> StartAsync(HttpClient client, int cohortId, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/matching/jobs", new { mode = "optimal" });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, int cohortId, int jobId)
    {
        var response = await client.GetAsync($"/api/v1/cohorts/{cohortId}/matching/jobs/{jobId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AStartedJobIsQueuedThenRunByTheWorkerAndStoresTheRun(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();

        var job = await StartAsync(client, small.Id);
        var id = job.GetProperty("id").GetInt32();
        job.GetProperty("state").GetString().ShouldBe("queued");
        job.GetProperty("active").GetBoolean().ShouldBeTrue();
        // One job per cohort at a time.
        (await StartAsync(client, small.Id, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain($"job {id}");
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(0);

        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(1);

        var done = await StatusAsync(client, small.Id, id);
        done.GetProperty("state").GetString().ShouldBe("completed");
        done.GetProperty("stage").GetString().ShouldBe("done");
        done.GetProperty("progress").GetInt32().ShouldBe(100);
        done.GetProperty("active").GetBoolean().ShouldBeFalse();
        done.GetProperty("matched").GetInt32().ShouldBe(3);
        done.GetProperty("mentees").GetInt32().ShouldBe(4);
        done.GetProperty("startedAt").ValueKind.ShouldBe(JsonValueKind.String);
        done.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var runId = done.GetProperty("runId").GetInt32();
        (await MatchingWorld.LatestAsync(client, small.Id)).GetProperty("run").GetProperty("id").GetInt32().ShouldBe(runId);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{small.Id}/matching/jobs/latest")).GetProperty("id").GetInt32().ShouldBe(id);
        // Finished jobs cannot be cancelled; unknown ones are not found.
        (await client.PostAsync($"/api/v1/cohorts/{small.Id}/matching/jobs/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/v1/cohorts/{small.Id}/matching/jobs/{id + 100}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInputIsRefusedBeforeAnyJobIsQueued()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/jobs", new { mode = "fastest" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await world.Factory.WithDbAsync(d => d.MatchJobs.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task CancellingLeavesThePreviousRunUntouched(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var first = await MatchingWorld.RunAsync(client, small.Id);

        // Cancelled while queued: it never runs.
        var queued = (await StartAsync(client, small.Id)).GetProperty("id").GetInt32();
        var cancel = await client.PostAsync($"/api/v1/cohorts/{small.Id}/matching/jobs/{queued}/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancel.JsonAsync()).GetProperty("state").GetString().ShouldBe("cancelled");
        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(0);

        // Cancelled while running (the request reached the database as the worker claimed it, e.g. from another
        // instance): the worker stops before saving.
        var running = (await StartAsync(client, small.Id)).GetProperty("id").GetInt32();
        await world.Factory.WithDbAsync(d => d.MatchJobs.Where(j => j.Id == running).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true)));
        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(1);
        var job = await StatusAsync(client, small.Id, running);
        job.GetProperty("state").GetString().ShouldBe("cancelled");
        job.GetProperty("runId").ValueKind.ShouldBe(JsonValueKind.Null);

        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(1);
        (await MatchingWorld.LatestAsync(client, small.Id)).GetProperty("run").GetProperty("id").GetInt32().ShouldBe(first.GetProperty("id").GetInt32());
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AJobLeftRunningByAStoppedInstanceIsResumedOrFailedWithTheReason(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var id = (await StartAsync(client, small.Id)).GetProperty("id").GetInt32();
        var stopped = MatchingWorld.Now.UtcDateTime;
        // Another instance claimed it and died: its heartbeat stops.
        await world.Factory.WithDbAsync(d => d.MatchJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, MatchJobState.Running).SetProperty(j => j.ClaimToken, "dead-instance")
            .SetProperty(j => j.HeartbeatAt, stopped).SetProperty(j => j.Attempts, 1).SetProperty(j => j.Stage, MatchJobStage.Solving)));

        // Within the lease it is still that instance's job.
        (await RecoverAsync(world)).ShouldBe(0);
        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(0);
        (await StatusAsync(client, small.Id, id)).GetProperty("state").GetString().ShouldBe("running");

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        (await RecoverAsync(world)).ShouldBe(1);
        (await world.Factory.RunMatchingJobsAsync()).ShouldBe(1);
        var job = await StatusAsync(client, small.Id, id);
        job.GetProperty("state").GetString().ShouldBe("completed");
        job.GetProperty("matched").GetInt32().ShouldBe(3);
        (await world.Factory.WithDbAsync(d => d.MatchJobs.Where(j => j.Id == id).Select(j => j.Attempts).SingleAsync())).ShouldBe(2);

        // A job whose instances keep dying is given up, with a message saying so.
        var doomed = (await StartAsync(client, small.Id)).GetProperty("id").GetInt32();
        var now = world.Clock.GetUtcNow().UtcDateTime;
        await world.Factory.WithDbAsync(d => d.MatchJobs.Where(j => j.Id == doomed).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, MatchJobState.Running).SetProperty(j => j.ClaimToken, "dead-again")
            .SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Attempts, MatchJobs.MaxAttempts)));
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        (await RecoverAsync(world)).ShouldBe(1);
        var failed = await StatusAsync(client, small.Id, doomed);
        failed.GetProperty("state").GetString().ShouldBe("failed");
        failed.GetProperty("error").GetString()!.ShouldContain("stopped 3 times");
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoWorkersClaimAJobOnce(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var id = (await StartAsync(client, small.Id)).GetProperty("id").GetInt32();

        using var a = world.Factory.Services.CreateScope();
        using var b = world.Factory.Services.CreateScope();
        var ran = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<MatchJobs>().RunNextAsync(CancellationToken.None)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<MatchJobs>().RunNextAsync(CancellationToken.None)));

        ran.Count(r => r).ShouldBe(1);
        (await world.Factory.WithDbAsync(d => d.MatchRuns.CountAsync())).ShouldBe(1);
        var job = await world.Factory.WithDbAsync(d => d.MatchJobs.SingleAsync(j => j.Id == id));
        job.State.ShouldBe(MatchJobState.Completed);
        job.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ThePageShowsTheRunningJobWithItsProgressBarAndCancelButtonAndThenItsOutcome()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var url = $"/Matching/{small.Id}";

        var start = await Pages.PostFormAsync(page, url, new() { ["Input.Mode"] = "optimal", ["Input.Objective"] = "mostMatchedThenScore" }, "Run");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var doc = await Pages.GetDocumentAsync(page, url);
        var box = doc.QuerySelector("#job")!;
        box.GetAttribute("data-active").ShouldBe("true");
        var status = box.GetAttribute("data-status")!;
        doc.QuerySelector("#job [role=progressbar]").ShouldNotBeNull();
        doc.QuerySelector("#job-stage")!.TextContent.ShouldBe("Waiting for a worker");
        doc.QuerySelector("#cancel-job").ShouldNotBeNull();
        doc.QuerySelector("#run")!.HasAttribute("disabled").ShouldBeTrue();
        doc.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(s => s.StartsWith("/js/matching-job.js", StringComparison.Ordinal));

        // The script's endpoint, with the page's cookie.
        (await page.GetFromJsonAsync<JsonElement>(status)).GetProperty("state").GetString().ShouldBe("queued");

        await world.Factory.RunMatchingJobsAsync();
        doc = await Pages.GetDocumentAsync(page, box.GetAttribute("data-done")!);
        doc.QuerySelector("#job")!.GetAttribute("data-active").ShouldBe("false");
        doc.QuerySelector("#job-outcome")!.TextContent.ShouldContain("Matched 3 of 4 mentees.");
        doc.QuerySelector("#matched")!.TextContent.ShouldBe("3");

        // Started again and cancelled from the page: the outcome says the previous run is unchanged.
        await Pages.PostFormAsync(page, url, new() { ["Input.Mode"] = "optimal", ["Input.Objective"] = "mostMatchedThenScore" }, "Run");
        var jobId = (await Pages.GetDocumentAsync(page, url)).QuerySelector("#job input[name=jobId]")!.GetAttribute("value")!;
        (await Pages.PostFormAsync(page, url, new() { ["jobId"] = jobId }, "Cancel")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        doc = await Pages.GetDocumentAsync(page, url);
        doc.QuerySelector("#job-outcome")!.TextContent.ShouldContain("the previous run is unchanged");
        doc.QuerySelector("#run")!.HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task ExplanationsAndUnmatchedDiagnosesReadInChineseOnTheChineseUi()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, small.Id);

        var english = await MatchingWorld.LatestAsync(client, small.Id);
        var chinese = await MatchingWorld.LatestAsync(client, small.Id, "?culture=zh-Hans");
        var why = english.GetProperty("proposals").GetProperty("items")[0].GetProperty("why").GetString()!;
        why.ShouldStartWith("Strongest on ");
        var zhWhy = chinese.GetProperty("proposals").GetProperty("items")[0].GetProperty("why").GetString()!;
        zhWhy.ShouldStartWith("主要契合点：");
        zhWhy.ShouldNotContain("Strongest");
        var unmatched = chinese.GetProperty("unmatchedMentees")[0];
        unmatched.GetProperty("summary").GetString().ShouldBe("全部 3 位可选导师都已满员，且其现有配对对本期更有价值。");
        english.GetProperty("unmatchedMentees")[0].GetProperty("summary").GetString().ShouldBe("All 3 allowed mentors are full with pairs worth more to the cohort.");
        foreach (var a in unmatched.GetProperty("alternatives").EnumerateArray())
            a.GetProperty("whatItWouldTake").GetString()!.ShouldMatch(@"^(已满|尚有空位|需要)");

        var page = await world.Factory.PageClientAsync(MatchingWorld.Coordinator);
        var doc = await Pages.GetDocumentAsync(page, $"/Matching/{small.Id}?culture=zh-Hans");
        doc.QuerySelector("#proposals tbody tr td.small")!.TextContent.ShouldStartWith("主要契合点：");
        doc.QuerySelector("#unmatched-mentees li .small")!.TextContent.ShouldContain("可选导师都已满员");
    }

    private static async Task<int> RecoverAsync(MatchingWorld world)
    {
        using var scope = world.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MatchJobs>().RecoverAsync(CancellationToken.None);
    }
}
