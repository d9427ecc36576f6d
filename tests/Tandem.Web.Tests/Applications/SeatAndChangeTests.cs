using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Applications;

/// <summary>One membership is one cohort seat; edits stop when the window closes; withdrawing frees the seat.</summary>
public sealed class SeatAndChangeTests
{
    private const string SeatTaken =
        "Your membership covering 5/1/2027 already holds your seat in Spring 2027. One membership grants one cohort seat: get a second membership to join Summer 2027 too.";

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task OneMembershipHoldsOneSeatUntilWithdrawnAndASecondMembershipAddsASeat(Db db)
    {
        using var world = await ApplicationWorld.CreateAsync(db);
        var spring = await world.CohortAsync();
        var summer = await world.CohortAsync("Summer 2027", starts: new DateOnly(2027, 5, 1));
        var userId = await world.MemberAsync("seat@example.com");
        var client = await world.Factory.ApiClientAsync("seat@example.com");

        var first = await world.ApplyApiAsync(client, spring, world.MenteeBody());
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var second = await world.ApplyApiAsync(client, summer, world.MenteeBody());
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).ShouldContain(SeatTaken);
        (await world.ApplicationsAsync()).Count.ShouldBe(1);

        // Withdrawing the first frees its seat for the other cohort.
        (await client.PostAsync($"/api/v1/applications/{firstId}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withdrawn = (await world.ApplicationsAsync()).Single();
        withdrawn.Status.ShouldBe(ApplicationStatus.Withdrawn);
        withdrawn.MembershipId.ShouldBeNull();
        (await world.ApplyApiAsync(client, summer, world.MenteeBody())).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Now the spring cohort needs a second membership; with one, re-applying takes up the withdrawn row again.
        var again = await world.ApplyApiAsync(client, spring, world.MenteeBody());
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var second2027 = await world.MembershipAsync(userId, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        var retaken = await world.ApplyApiAsync(client, spring, world.MenteeBody());
        retaken.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retaken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ShouldBe(firstId);

        var all = await world.ApplicationsAsync();
        all.Count.ShouldBe(2);
        all.ShouldAllBe(a => a.Status == ApplicationStatus.Submitted && a.MembershipId != null);
        all.Select(a => a.MembershipId).Distinct().Count().ShouldBe(2);
        all.Single(a => a.Id == firstId).MembershipId.ShouldBe(second2027);
    }

    [Fact]
    public async Task TheSeatRefusalIsShownOnTheApplyPageToo()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var spring = await world.CohortAsync();
        var summer = await world.CohortAsync("Summer 2027", starts: new DateOnly(2027, 5, 1));
        await world.MemberAsync("page-seat@example.com");
        var browser = await world.Factory.PageClientAsync("page-seat@example.com");
        (await Pages.PostFormAsync(browser, $"/Applications/Apply?cohortId={spring}&role=Mentee", world.MenteeForm())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await Pages.GetDocumentAsync(browser, $"/Applications/Apply?cohortId={summer}&role=Mentee");
        Pages.Errors(page).ShouldContain(SeatTaken);
        var posted = await ApplyTests.PostAsync(browser, $"/Applications/Apply?cohortId={summer}&role=Mentee", world.MenteeForm());
        Pages.Errors(await Pages.ParseAsync(await posted.Content.ReadAsStringAsync())).ShouldContain(SeatTaken);
        (await world.ApplicationsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TheOwnerEditsUntilTheWindowClosesAndNotAfter()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("edit@example.com");
        var api = await world.Factory.ApiClientAsync("edit@example.com");
        var id = (await (await world.ApplyApiAsync(api, cohort, world.MenteeBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var put = await api.PutAsJsonAsync($"/api/v1/applications/{id}", world.MenteeBody(flourish: ApplicationWorld.Flourish + " And speak at a conference."));
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.ApplicationsAsync()).Single().Flourish.ShouldEndWith("And speak at a conference.");

        var browser = await world.Factory.PageClientAsync("edit@example.com");
        var form = await Pages.GetDocumentAsync(browser, $"/Applications/Edit/{id}");
        form.QuerySelector("textarea[name='Input.Flourish']")!.TextContent.ShouldEndWith("And speak at a conference.");
        form.QuerySelector("input[name='Input.Availability'][value='2']")!.HasAttribute("checked").ShouldBeTrue();
        var saved = await Pages.PostFormAsync(browser, $"/Applications/Edit/{id}", world.MenteeForm(flourish: ApplicationWorld.Flourish + " Edited on the page."));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.ApplicationsAsync()).Single().Flourish.ShouldEndWith("Edited on the page.");

        // 1 April 2027: the window (1–31 March) has closed.
        world.Clock.Now = new DateTimeOffset(2027, 4, 1, 0, 30, 0, TimeSpan.Zero);
        var before = (await world.ApplicationsAsync()).Single();
        const string closed = "Applications for Spring 2027 closed on 3/31/2027, so this application can no longer be edited.";
        var late = await (await world.Factory.ApiClientAsync("edit@example.com")).PutAsJsonAsync($"/api/v1/applications/{id}", world.MenteeBody(flourish: ApplicationWorld.Flourish + " Too late."));
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).ShouldContain(closed);

        var lateBrowser = await world.Factory.PageClientAsync("edit@example.com");
        var page = await Pages.GetDocumentAsync(lateBrowser, $"/Applications/Edit/{id}");
        page.QuerySelector("#edit-refused")!.TextContent.ShouldBe(closed);
        var latePost = await ApplyTests.PostAsync(lateBrowser, $"/Applications/Edit/{id}", world.MenteeForm(flourish: ApplicationWorld.Flourish + " Too late."));
        Pages.Errors(await Pages.ParseAsync(await latePost.Content.ReadAsStringAsync())).ShouldContain(closed);
        var after = (await world.ApplicationsAsync()).Single();
        after.Flourish.ShouldBe(before.Flourish);
        after.UpdatedAt.ShouldBe(before.UpdatedAt);

        var mine = await Pages.GetDocumentAsync(lateBrowser, "/Applications/Mine");
        mine.QuerySelector($"a[href='/Applications/Edit/{id}']").ShouldBeNull();
        mine.QuerySelector($"a[href='/Applications/Withdraw/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task WithdrawingThroughTheConfirmPageFreesTheSeatAndIsRefusedOnceTheCohortIsActive()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("leave@example.com");
        var browser = await world.Factory.PageClientAsync("leave@example.com");
        await Pages.PostFormAsync(browser, $"/Applications/Apply?cohortId={cohort}&role=Mentee", world.MenteeForm());
        var id = (await world.ApplicationsAsync()).Single().Id;

        var confirm = await Pages.GetDocumentAsync(browser, $"/Applications/Withdraw/{id}");
        confirm.QuerySelector("main p")!.TextContent.ShouldContain("Withdraw your application to Spring 2027 as a mentee?");
        var done = await Pages.PostFormAsync(browser, $"/Applications/Withdraw/{id}", []);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var withdrawn = (await world.ApplicationsAsync()).Single();
        withdrawn.Status.ShouldBe(ApplicationStatus.Withdrawn);
        withdrawn.MembershipId.ShouldBeNull();
        var mine = await Pages.GetDocumentAsync(browser, "/Applications/Mine");
        mine.QuerySelector(".alert-success")!.TextContent.ShouldBe("Your application to Spring 2027 is withdrawn.");

        // Applied again, then the cohort starts: withdrawing is refused and nothing changes.
        await Pages.PostFormAsync(browser, $"/Applications/Apply?cohortId={cohort}&role=Mentee", world.MenteeForm());
        await world.Factory.WithDbAsync(async d => await d.Cohorts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CohortStatus.Active)));
        const string started = "Spring 2027 has already started, so applications can no longer be withdrawn. Please contact the coordinator.";
        var api = await world.Factory.ApiClientAsync("leave@example.com");
        var refused = await api.PostAsync($"/api/v1/applications/{id}/withdraw", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(started);
        (await Pages.GetDocumentAsync(browser, $"/Applications/Withdraw/{id}")).QuerySelector("#withdraw-refused")!.TextContent.ShouldBe(started);
        var app = (await world.ApplicationsAsync()).Single();
        app.Status.ShouldBe(ApplicationStatus.Submitted);
        app.MembershipId.ShouldNotBeNull();
    }

    [Fact]
    public async Task AnotherMemberCannotReadEditOrWithdrawSomeonesApplication()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("owner@example.com");
        await world.MemberAsync("other@example.com");
        var owner = await world.Factory.ApiClientAsync("owner@example.com");
        var id = (await (await world.ApplyApiAsync(owner, cohort, world.MenteeBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var before = (await world.ApplicationsAsync()).Single();

        var other = await world.Factory.ApiClientAsync("other@example.com");
        (await other.GetAsync($"/api/v1/applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/applications/{id}", world.MenteeBody(flourish: ApplicationWorld.Flourish + " Hijacked."))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/applications/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/api/v1/applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var browser = await world.Factory.PageClientAsync("other@example.com");
        (await browser.GetAsync($"/Applications/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/Applications/Withdraw/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApplyTests.PostAsync(browser, $"/Applications/Withdraw/{id}", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/me/applications")).GetArrayLength().ShouldBe(0);

        var after = (await world.ApplicationsAsync()).Single();
        (after.Status, after.Flourish, after.UpdatedAt).ShouldBe((before.Status, before.Flourish, before.UpdatedAt));
    }

    [Fact]
    public async Task MyApplicationsListsEveryCohortWithStatusReasonAndActionsAndTheOpenCohorts()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var spring = await world.CohortAsync();
        var summer = await world.CohortAsync("Summer 2027", CohortStatus.Matching, starts: new DateOnly(2027, 6, 1));
        var userId = await world.MemberAsync("mine@example.com");
        await world.MembershipAsync(userId, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        await world.Factory.WithDbAsync(async d =>
        {
            d.Applications.Add(new Application
            {
                CohortId = summer, UserId = userId, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Declined,
                DecisionReason = "The Advanced track is full this round.", SubmittedAt = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc),
                Availability = 1, Languages = ",en,",
            });
            await d.SaveChangesAsync();
        });
        var api = await world.Factory.ApiClientAsync("mine@example.com");
        (await world.ApplyApiAsync(api, spring, world.MentorBody())).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // a Junior cannot mentor
        (await world.ApplyApiAsync(api, spring, world.MenteeBody())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/applications");
        var items = mine.EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items[0].GetProperty("cohortName").GetString().ShouldBe("Spring 2027");
        items[0].GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        items[1].GetProperty("status").GetString().ShouldBe("Declined");
        items[1].GetProperty("decisionReason").GetString().ShouldBe("The Advanced track is full this round.");
        items[1].GetProperty("canWithdraw").GetBoolean().ShouldBeFalse();

        var page = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("mine@example.com"), "/Applications/Mine");
        page.QuerySelectorAll("#my-applications tbody tr").Length.ShouldBe(2);
        page.QuerySelector("#my-applications .reason")!.ParentElement!.ParentElement!.TextContent.ShouldContain("The Advanced track is full this round.");
        var open = page.QuerySelectorAll("#open-cohorts li");
        open.Length.ShouldBe(1);
        open[0].QuerySelector($"a[href='/Applications/Apply?cohortId={spring}&role=Mentor']").ShouldNotBeNull();
    }
}
