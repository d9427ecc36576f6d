using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatchingJourneyTests(BrowserFixture app)
{
    private const string Coordinator = "matching.coordinator@example.com";

    [Fact]
    public async Task ACoordinatorRunsTheMatchingTriesWeightsLiveLocksAPairAndPublishes()
    {
        var cohortId = await SeedAsync();
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Coordinator);

        await page.GotoAsync($"/Cohorts/{cohortId}");
        await page.Locator("#matching").ClickAsync();
        await page.WaitForURLAsync($"**/Matching/{cohortId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run with these weights" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Matched 6 of 8 mentees.", new() { Timeout = 60_000 });
        var total = await page.Locator("#total-score").TextContentAsync();

        // Moving a slider re-matches on the server without reloading the page.
        await page.EvaluateAsync("() => window.journeyMarker = 'still here'");
        var slider = page.GetByRole(AriaRole.Slider, new() { Name = "Shared interests" });
        await slider.FocusAsync();
        await slider.PressAsync("End");
        await Assertions.Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-matched")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("#preview-total")).Not.ToHaveTextAsync(total!);
        await Assertions.Expect(page.Locator("#preview-total-change")).Not.ToHaveTextAsync("");
        (await page.EvaluateAsync<string>("() => window.journeyMarker")).ShouldBe("still here");
        (await page.Locator("#total-score").TextContentAsync()).ShouldBe(total);

        var firstRow = page.Locator("#proposals tbody tr").First;
        await firstRow.GetByRole(AriaRole.Button, new() { Name = "Lock" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Locked");
        await Assertions.Expect(page.Locator("#rules li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#proposals .locked")).ToHaveCountAsync(1);

        // Publish is at the top and asks for confirmation, listing who will be told what.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish the pairs" }).ClickAsync();
        await page.WaitForURLAsync($"**/Matching/{cohortId}/Publish");
        await Assertions.Expect(page.Locator("#consequences")).ToContainTextAsync("2 accepted mentees left without a mentor are told so.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish 6 pairs anyway" }).ClickAsync();
        await page.WaitForURLAsync($"**/Matching/{cohortId}");
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Published 6 pairs");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("#published")).ToContainTextAsync("This matching is published: 6 pairs");
        (await app.Factory.WithDbAsync(d => d.Pairs.CountAsync(p => p.CohortId == cohortId))).ShouldBe(6);
    }

    /// <summary>Eight mentees and six mentors with different interests and industries, in a cohort in Matching.</summary>
    private async Task<int> SeedAsync()
    {
        await app.Factory.CreateUserAsync(Coordinator, coordinator: true);
        var (programId, standard) = await app.Factory.WithDbAsync(async d =>
        {
            var id = await ProgramDefaults.CurrentIdAsync(d, CancellationToken.None);
            return (id, await d.Tracks.Where(t => t.ProgramId == id && t.Code == "standard").Select(t => t.Id).SingleAsync());
        });
        var cohortId = await app.Factory.WithDbAsync(async d =>
        {
            var cohort = new Cohort
            {
                ProgramId = programId, Name = "Journey matching cohort", Status = CohortStatus.Matching,
                ApplicationsOpenOn = new DateOnly(2027, 3, 1), ApplicationsCloseOn = new DateOnly(2027, 3, 31), StartsOn = new DateOnly(2027, 4, 15), EndsOn = new DateOnly(2027, 10, 15),
            };
            d.Cohorts.Add(cohort);
            await d.SaveChangesAsync();
            return cohort.Id;
        });
        string[] interests = ["reading", "hiking", "chess", "tea", "music", "travel"];
        string[] industries = ["Finance", "Tech", "Health"];
        for (var i = 0; i < 14; i++)
        {
            var mentor = i >= 8;
            var userId = await app.Factory.CreateUserAsync($"journey.{(mentor ? "mentor" : "mentee")}{i}@example.com", profile: p =>
            {
                p.Seniority = mentor ? Seniority.Senior : Seniority.Junior;
                p.Industry = industries[i % 3];
                p.Interests = TagList.Format([interests[i % 6], interests[(i * 2 + 1) % 6]]);
            });
            await app.Factory.WithDbAsync(async d =>
            {
                d.Applications.Add(new Application
                {
                    CohortId = cohortId, UserId = userId, Role = mentor ? ApplicationRole.Mentor : ApplicationRole.Mentee, Status = ApplicationStatus.Accepted,
                    Languages = ",en,", Availability = 0b111, MeetingMode = MeetingMode.Online, TrackId = mentor ? null : standard,
                    Flourish = mentor ? null : "Lead negotiations for my team within a year.", FocusAreas = mentor ? "" : ",negotiation,",
                    Capacity = 1, TracksServed = mentor ? TagList.Format([standard.ToString(System.Globalization.CultureInfo.InvariantCulture)]) : "",
                    Expertise = mentor ? TagList.Format([i % 2 == 0 ? "negotiation" : "marketing"]) : "",
                });
                await d.SaveChangesAsync();
            });
        }
        return cohortId;
    }
}
