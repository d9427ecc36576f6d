using Microsoft.Playwright;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Programs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task AMemberCompletesHerProfileAppliesAsAMenteeIsAcceptedAndSeesItInBothLanguages()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await app.Factory.WithDbAsync(async db =>
        {
            db.Cohorts.Add(new Cohort
            {
                ProgramId = await ProgramDefaults.CurrentIdAsync(db, default), Name = "Journey Spring", Status = CohortStatus.Open,
                ApplicationsOpenOn = today.AddDays(-5), ApplicationsCloseOn = today.AddDays(10), StartsOn = today.AddDays(20), EndsOn = today.AddDays(200),
            });
            await db.SaveChangesAsync();
        });
        await app.Factory.CreateUserAsync("journey.coordinator@example.com", coordinator: true);
        await app.Factory.CreateUserAsync("wu.fang@example.com", profile: p => p.DisplayName = "Wu Fang");

        // The coordinator records her membership: mentees must be members.
        var coordinator = await app.NewPageAsync();
        await app.SignInAsync(coordinator, "journey.coordinator@example.com");
        await coordinator.GotoAsync("/Memberships/Record");
        await coordinator.GetByLabel("Member's email").FillAsync("wu.fang@example.com");
        await coordinator.GetByLabel("Fee").FillAsync("500");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record membership" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // She completes her profile.
        var mentee = await app.NewPageAsync();
        await app.SignInAsync(mentee, "wu.fang@example.com");
        await mentee.GotoAsync("/Profiles/Edit");
        await mentee.GetByLabel("City").FillAsync("Beijing");
        await mentee.GetByLabel("Time zone").SelectOptionAsync("Asia/Shanghai");
        await mentee.GetByLabel("Employer").FillAsync("Bright Bank");
        await mentee.GetByLabel("Job title").FillAsync("Analyst");
        await mentee.GetByLabel("Seniority").SelectOptionAsync(new SelectOptionValue { Label = "Junior" });
        await mentee.GetByLabel("Industry").FillAsync("Finance");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#missing")).ToHaveCountAsync(0);

        // She applies as a mentee.
        await mentee.GotoAsync("/Applications/Mine");
        await mentee.Locator("#open-cohorts").GetByRole(AriaRole.Link, new() { Name = "Apply as a mentee" }).ClickAsync();
        await mentee.GetByLabel("Standard").CheckAsync();
        await mentee.GetByLabel("How do you want to flourish in the next year?")
            .FillAsync("Lead my first client project end to end and learn to negotiate scope with confidence.");
        await mentee.Locator("#slot-0").CheckAsync();
        await mentee.Locator("#slot-4").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await mentee.GotoAsync("/Applications/Mine");
        await Assertions.Expect(mentee.Locator("#my-applications .status")).ToHaveTextAsync("Submitted");

        // The coordinator finds and accepts it.
        await coordinator.GotoAsync("/Applications?q=Wu+Fang");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Wu Fang" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#status")).ToHaveTextAsync("Accepted");

        // She sees it, in English and in Chinese.
        await mentee.ReloadAsync();
        await Assertions.Expect(mentee.Locator("#my-applications .status")).ToHaveTextAsync("Accepted");
        await mentee.Locator("#lang-switch").ClickAsync();
        await Assertions.Expect(mentee.Locator("#my-applications .status")).ToHaveTextAsync("已接受");
        await Assertions.Expect(mentee.Locator("h1")).Not.ToHaveTextAsync("My applications");
        (await app.Factory.MailAsync()).ShouldContain(m => m.To == "wu.fang@example.com");
    }
}
