using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Audit;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Applications;

/// <summary>One decision for many applications: a preview that changes nothing, then the decisions with their notices.</summary>
public sealed class BulkDecisionTests
{
    private static async Task<(ApplicationWorld W, int Cohort, List<int> Ids, int Withdrawn, int Elsewhere)> WorldAsync(Db provider)
    {
        var w = await ApplicationWorld.CreateAsync(provider);
        await w.MemberAsync("coord@example.com", coordinator: true);
        var cohort = await w.CohortAsync();
        var other = await w.CohortAsync("Autumn 2027");
        var ids = new List<int>();
        int withdrawn = 0, elsewhere = 0;
        for (var i = 1; i <= 5; i++)
        {
            var user = await w.MemberAsync($"applicant{i}@example.com");
            var (cohortId, status) = i switch { 4 => (cohort, ApplicationStatus.Withdrawn), 5 => (other, ApplicationStatus.Submitted), _ => (cohort, ApplicationStatus.Submitted) };
            var id = await w.Factory.WithDbAsync(async d =>
            {
                var a = new Application { CohortId = cohortId, UserId = user, Role = ApplicationRole.Mentee, Status = status, TrackId = w.Standard, Languages = "en", Availability = 1, SubmittedAt = ApplicationWorld.Now.UtcDateTime, UpdatedAt = ApplicationWorld.Now.UtcDateTime };
                d.Applications.Add(a);
                await d.SaveChangesAsync();
                return a.Id;
            });
            if (i == 4) withdrawn = id;
            else if (i == 5) elsewhere = id;
            else ids.Add(id);
        }
        return (w, cohort, ids, withdrawn, elsewhere);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task WithoutConfirmNothingChangesThenConfirmedDecisionsAreSavedWithTheirNotices(Db provider)
    {
        var (w, cohort, ids, withdrawn, elsewhere) = await WorldAsync(provider);
        using var _ = w;
        var api = await w.Factory.ApiClientAsync("coord@example.com");
        var body = new { ids = ids.Append(withdrawn).Append(elsewhere).ToArray(), decision = "Waitlist", reason = "The cohort is full for now." };

        var preview = await api.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications/bulk", body);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var p = await preview.JsonAsync();
        p.GetProperty("done").GetBoolean().ShouldBeFalse();
        p.GetProperty("count").GetInt32().ShouldBe(3);
        p.GetProperty("decided").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["applicant1", "applicant2", "applicant3"]);
        p.GetProperty("refused").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ShouldBe([withdrawn, elsewhere]);
        (await w.ApplicationsAsync()).Count(a => a.Status == ApplicationStatus.Waitlisted).ShouldBe(0);
        (await w.Factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(0);
        (await w.Factory.WithDbAsync(d => d.AuditEntries.CountAsync())).ShouldBe(0);

        var done = await (await api.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications/bulk", body with { } is var b ? new { b.ids, b.decision, b.reason, confirm = true } : null)).JsonAsync();
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        var after = await w.ApplicationsAsync();
        after.Where(a => ids.Contains(a.Id)).ShouldAllBe(a => a.Status == ApplicationStatus.Waitlisted && a.DecisionReason == "The cohort is full for now.");
        after.Single(a => a.Id == withdrawn).Status.ShouldBe(ApplicationStatus.Withdrawn);
        after.Single(a => a.Id == elsewhere).Status.ShouldBe(ApplicationStatus.Submitted);
        (await w.Factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(3);
        (await w.Factory.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationDecided))).ShouldBe(3);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task BadRequestsAreRefusedWithReasonsAndNonCoordinatorsAreForbidden(Db provider)
    {
        var (w, cohort, ids, _, _) = await WorldAsync(provider);
        using var _w = w;
        var api = await w.Factory.ApiClientAsync("coord@example.com");
        var noReason = await api.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications/bulk", new { ids, decision = "Decline", confirm = true });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ErrorFieldsAsync()).ShouldBe(["Reason"]);
        var empty = await api.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications/bulk", new { ids = Array.Empty<int>(), decision = "Maybe", confirm = true });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsJsonAsync("/api/v1/cohorts/9999/applications/bulk", new { ids, decision = "Accept" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.Factory.ApiClientAsync("applicant1@example.com")).PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications/bulk", new { ids, decision = "Accept", confirm = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.ApplicationsAsync()).ShouldAllBe(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Withdrawn);
    }

    [Fact]
    public async Task ThePageSelectsAllOnThePageShowsWhoAndDecidesOnlyOnConfirmation()
    {
        var (w, cohort, ids, withdrawn, _) = await WorldAsync(Db.Sqlite);
        using var _w = w;
        var browser = await w.Factory.PageClientAsync("coord@example.com");
        var list = await Pages.GetDocumentAsync(browser, $"/Applications?cohortId={cohort}");
        list.QuerySelectorAll("#applications input[type=checkbox][form=bulk]").Length.ShouldBe(4);
        var token = list.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("AllOnPage", "true"), new("Decision", "Accept") };
        fields.AddRange(list.QuerySelectorAll("#bulk input[name=PageIds]").Select(i => new KeyValuePair<string, string>("PageIds", i.GetAttribute("value")!)));
        var previewResponse = await browser.PostAsync($"/Applications/Bulk?handler=Preview&cohortId={cohort}", new FormUrlEncodedContent(fields));
        previewResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await Pages.ParseAsync(await previewResponse.Content.ReadAsStringAsync());
        preview.QuerySelectorAll("#decided li").Length.ShouldBe(3);
        preview.QuerySelector($"#refused li[data-id='{withdrawn}']").ShouldNotBeNull();
        (await w.ApplicationsAsync()).Count(a => a.Status == ApplicationStatus.Accepted).ShouldBe(0);

        var confirm = preview.QuerySelector("#confirm")!.Closest("form")!.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var done = await browser.PostAsync($"/Applications/Bulk?handler=Confirm&cohortId={cohort}", new FormUrlEncodedContent(confirm));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldStartWith("/Applications?");
        (await w.ApplicationsAsync()).Where(a => ids.Contains(a.Id)).ShouldAllBe(a => a.Status == ApplicationStatus.Accepted);
    }
}
