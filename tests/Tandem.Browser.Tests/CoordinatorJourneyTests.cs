using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CoordinatorJourneyTests(BrowserFixture app)
{
    private const string Coordinator = "hub.coordinator@example.com";

    [Fact]
    public async Task ACoordinatorImportsReviewsMatchesPublishesClosesAndReadsTheReport()
    {
        var (cohortId, csv) = await SeedAsync();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Coordinator);

        // Import: the dry run first, then the import with its progress.
        await page.GotoAsync("/Imports/Applications");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "applications.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#check").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-counts li[data-count=created]")).ToHaveTextAsync("6 new applications");
        await page.Locator("#confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#import-done")).ToHaveTextAsync("Imported: 6 new applications, 0 updated, 0 unchanged.");
        await Assertions.Expect(page.Locator("#import-bar")).ToHaveAttributeAsync("value", "6");

        // Review: select the whole page, accept, see who, confirm.
        await page.GotoAsync($"/Applications?cohortId={cohortId}");
        await page.Locator("#all-on-page").CheckAsync();
        await Assertions.Expect(page.Locator("#applications input[type=checkbox]:checked")).ToHaveCountAsync(6);
        await page.Locator("#bulk-accept").ClickAsync();
        await Assertions.Expect(page.Locator("#decided li")).ToHaveCountAsync(6);
        (await app.Factory.WithDbAsync(d => d.Applications.CountAsync(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Accepted))).ShouldBe(0);
        await page.Locator("#confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("6 applications decided");

        // Match and publish with confirmation.
        await page.GotoAsync($"/Matching/{cohortId}");
        await page.Locator("#run").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Matched 3 of 3 mentees.", new() { Timeout = 60_000 });
        await page.Locator("#publish").ClickAsync();
        await page.WaitForURLAsync($"**/Matching/{cohortId}/Publish");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publish 3 pairs") }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Active");

        await page.GotoAsync("/Dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Program dashboard", Level = 1 })).ToBeVisibleAsync();

        // Closing, then closed: each step shows its consequences and moves only on its button.
        foreach (var to in new[] { "Closing", "Closed" })
        {
            await page.GotoAsync($"/Cohorts/{cohortId}/Transition/{to}");
            await Assertions.Expect(page.Locator("#consequences li").First).ToBeVisibleAsync();
            (await app.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Status.ToString()).SingleAsync())).ShouldNotBe(to);
            await page.Locator("#confirm").ClickAsync();
            await page.WaitForURLAsync($"**/Cohorts/{cohortId}");
        }
        (await app.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Closed);

        await page.GotoAsync($"/Reports/Cohorts/{cohortId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Outcome report: Journey import cohort");

        // Every step above is in the audit log.
        await page.GotoAsync($"/Audit?cohortId={cohortId}");
        await Assertions.Expect(page.Locator("#audit tbody tr[data-action='matching.published']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#audit tbody tr[data-action='application.decided']")).ToHaveCountAsync(6);
    }

    /// <summary>A coordinator, a cohort in Matching, and three mentees and three mentors who are members; the CSV applies them.</summary>
    private async Task<(int CohortId, string Csv)> SeedAsync()
    {
        await app.Factory.CreateUserAsync(Coordinator, coordinator: true);
        var programId = await app.Factory.WithDbAsync(d => ProgramDefaults.CurrentIdAsync(d, CancellationToken.None));
        var cohortId = await app.Factory.WithDbAsync(async d =>
        {
            var cohort = new Cohort
            {
                ProgramId = programId, Name = "Journey import cohort", Status = CohortStatus.Matching,
                ApplicationsOpenOn = new DateOnly(2026, 1, 1), ApplicationsCloseOn = new DateOnly(2026, 2, 1), StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 9, 1),
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            return cohort.Id;
        });
        var csv = new System.Text.StringBuilder("cohort,email,role,track,languages,expertise,focus_areas\n");
        for (var i = 0; i < 6; i++)
        {
            var mentor = i >= 3;
            var email = $"journey.import.{(mentor ? "mentor" : "mentee")}{i}@example.com";
            var userId = await app.Factory.CreateUserAsync(email, profile: p =>
            {
                p.Seniority = mentor ? Seniority.Senior : Seniority.Junior;
                p.Industry = "Finance";
                p.Interests = TagList.Format(["reading", "tea"]);
            });
            await app.Factory.WithDbAsync(async d =>
            {
                d.Memberships.Add(new Membership { ProgramId = programId, UserId = userId, StartsOn = new DateOnly(2025, 6, 1), EndsOn = new DateOnly(2027, 6, 1), FeeMinor = 10000, Currency = "CNY", PaidOn = new DateOnly(2025, 6, 1) });
                await d.SaveChangesAsync();
            });
            csv.Append($"Journey import cohort,{email},{(mentor ? "mentor" : "mentee")},standard,en,{(mentor ? "negotiation" : "")},{(mentor ? "" : "negotiation")}\n");
        }
        return (cohortId, csv.ToString());
    }
}
