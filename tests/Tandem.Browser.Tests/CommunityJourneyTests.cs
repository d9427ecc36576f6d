using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Shared;

namespace Tandem.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CommunityJourneyTests(BrowserFixture app)
{
    private sealed record World(int Webinar, int Coffee, int Workbook);

    /// <summary>An active cohort with two mentees (one paired with a mentor), a webinar tomorrow, a coffee, a workbook.</summary>
    private async Task<World> WorldAsync()
    {
        var anna = await app.Factory.CreateUserAsync("anna.journey@example.com", profile: p => p.DisplayName = "Anna Journey");
        var bella = await app.Factory.CreateUserAsync("bella.journey@example.com", profile: p => p.DisplayName = "Bella Journey");
        var mentor = await app.Factory.CreateUserAsync("mentor.journey@example.com", profile: p => p.DisplayName = "Mentor Journey");
        var now = app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await app.Factory.WithDbAsync(async db =>
        {
            var programId = await ProgramDefaults.CurrentIdAsync(db, CancellationToken.None);
            var today = DateOnly.FromDateTime(now);
            var cohort = new Cohort { ProgramId = programId, Name = "Journey cohort", Status = CohortStatus.Active, ApplicationsOpenOn = today.AddDays(-60), ApplicationsCloseOn = today.AddDays(-30), StartsOn = today.AddDays(-10), EndsOn = today.AddMonths(6) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            Application Accepted(string user, ApplicationRole role) => new() { CohortId = cohort.Id, UserId = user, Role = role, Status = ApplicationStatus.Accepted, Capacity = 1, SubmittedAt = now, UpdatedAt = now };
            var annaApp = Accepted(anna, ApplicationRole.Mentee);
            var mentorApp = Accepted(mentor, ApplicationRole.Mentor);
            db.Applications.AddRange(annaApp, Accepted(bella, ApplicationRole.Mentee), mentorApp);
            await db.SaveChangesAsync();
            db.Pairs.Add(new Pair { CohortId = cohort.Id, MenteeId = anna, MentorId = mentor, MenteeApplicationId = annaApp.Id, MentorApplicationId = mentorApp.Id, Status = PairStatus.Active, PublishedAt = now });
            var webinar = new Webinar { CohortId = cohort.Id, Title = "Journey webinar", StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(1), Audience = Audience.Mentees };
            var coffee = new GroupEvent { Kind = EventKind.MorningCoffee, Title = "Journey coffee", StartsAt = now.AddDays(2), EndsAt = now.AddDays(2).AddHours(1), Capacity = 5 };
            var workbook = new Workbook
            {
                Title = "Journey workbook", Published = true,
                Sections = [new WorkbookSection { Position = 1, Title = "Goals", Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "In a year I want to" }] }],
            };
            db.Webinars.Add(webinar);
            db.Events.Add(coffee);
            db.Workbooks.Add(workbook);
            await db.SaveChangesAsync();
            return new World(webinar.Id, coffee.Id, workbook.Id);
        });
    }

    [Fact]
    public async Task AMenteePostsAnAnonymousDilemmaGetsHelpRsvpsToACoffeeAndSharesAWorkbookSection()
    {
        var world = await WorldAsync();

        var anna = await app.NewPageAsync();
        await app.SignInAsync(anna, "anna.journey@example.com");
        await anna.GotoAsync($"/Webinars/{world.Webinar}");
        await anna.GetByLabel("Your dilemma in a sentence").FillAsync("My manager takes credit for my work");
        await anna.GetByLabel("The situation").FillAsync("How do I raise it without a confrontation?");
        await anna.GetByLabel("Post anonymously").CheckAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Post the dilemma" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your dilemma was posted anonymously.");
        await Assertions.Expect(anna.Locator(".dilemma .author")).ToContainTextAsync("Anonymous");

        var bella = await app.NewPageAsync();
        await app.SignInAsync(bella, "bella.journey@example.com");
        await bella.GotoAsync($"/Webinars/{world.Webinar}");
        await Assertions.Expect(bella.Locator(".dilemma .author")).ToHaveTextAsync("Anonymous");
        await bella.GetByLabel("Suggest a solution").FillAsync("Send a written recap after each project.");
        await bella.GetByRole(AriaRole.Button, new() { Name = "Suggest", Exact = true }).ClickAsync();
        await Assertions.Expect(bella.Locator(".solution .text")).ToHaveTextAsync("Send a written recap after each project.");

        await anna.ReloadAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "This helped" }).ClickAsync();
        await Assertions.Expect(anna.Locator(".solution .helped")).ToHaveTextAsync("Helped");

        await anna.GotoAsync($"/Events/{world.Coffee}");
        await anna.GetByRole(AriaRole.Button, new() { Name = "RSVP" }).ClickAsync();
        await Assertions.Expect(anna.Locator("#my-rsvp")).ToHaveTextAsync("Going");

        await anna.GotoAsync($"/Workbooks/{world.Workbook}");
        await anna.GetByLabel("In a year I want to").FillAsync("Lead my team's quarterly planning");
        await anna.GetByLabel("In a year I want to").BlurAsync();
        await Assertions.Expect(anna.Locator(".exercise[data-saved=true]")).ToHaveCountAsync(1); // autosaved through the API
        await anna.GetByLabel("In a year I want to").FillAsync("Lead my team's quarterly planning.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(anna.Locator("#percent")).ToHaveTextAsync("100% done");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Share this section with my mentor" }).ClickAsync();
        await Assertions.Expect(anna.Locator(".shared .badge")).ToHaveTextAsync("Shared with my mentor");

        var mentor = await app.NewPageAsync();
        await app.SignInAsync(mentor, "mentor.journey@example.com");
        await mentor.GotoAsync("/Workbooks");
        await mentor.Locator("#shared-with-me a").ClickAsync();
        await Assertions.Expect(mentor.GetByLabel("In a year I want to")).ToHaveValueAsync("Lead my team's quarterly planning.");
    }
}
