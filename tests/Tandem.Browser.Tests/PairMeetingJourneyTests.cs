using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Programs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests;

/// <summary>
/// A mentee and her mentor arrange a meeting in two real browsers. This journey runs its own app on Kestrel with a
/// clock the test moves, so the meeting can take place; it borrows the shared Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PairMeetingJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task TheMenteeProposesTheMentorAcceptsBothLogItAsHeldAndEachSeesOnlyTheirOwnNote()
    {
        var clock = new FakeClock(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddHours(2), TimeSpan.Zero));
        using var factory = new TandemFactory(clock: clock);
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var pairId = await PairAsync(factory, clock.GetUtcNow().UtcDateTime);

        var mentee = await PageAsync(baseUrl);
        await app.SignInAsync(mentee, "lin.mei@example.com");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "My pairs" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Guo Hua" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Meetings and contacts" }).ClickAsync();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime.AddDays(2), shanghai);
        await mentee.Locator("#Input_StartsAt").FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await mentee.GetByLabel("Minutes").FillAsync("45");
        await mentee.GetByLabel("Format").SelectOptionAsync("Video");
        await mentee.GetByLabel("Place or link").FillAsync("https://meet.example.com/lin");
        await mentee.GetByLabel("Your questions for this meeting").FillAsync("1. How do I ask for the team-lead role?\n2. What should my first 90 days look like?");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Propose this meeting" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is sent.");

        var mentor = await PageAsync(baseUrl);
        await app.SignInAsync(mentor, "guo.hua@example.com");
        await mentor.GotoAsync($"/Meetings/Pair/{pairId}");
        await mentor.Locator("#meetings a").First.ClickAsync();
        await Assertions.Expect(mentor.Locator("#agenda")).ToContainTextAsync("team-lead role");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(mentor.Locator("#status")).ToContainTextAsync("Accepted");
        var meetingUrl = mentor.Url;

        clock.Advance(TimeSpan.FromDays(2.5)); // the meeting takes place

        await mentor.ReloadAsync();
        await mentor.GetByLabel("What you talked about (both of you see this)").FillAsync("Mapped the team-lead conversation; drafted a 90-day plan.");
        await mentor.Locator("#log-held").ClickAsync();
        await Assertions.Expect(mentor.Locator("#status")).ToContainTextAsync("Held");
        await mentor.Locator("#Input_Note").FillAsync("Mentor's own note: she undersells her results.");
        await mentor.Locator("#save-note").ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your private note is saved.");

        await mentee.GotoAsync(meetingUrl);
        await Assertions.Expect(mentee.Locator("#status")).ToContainTextAsync("Held");
        await mentee.Locator("#log-held").ClickAsync(); // logging it again as held keeps the shared summary
        await Assertions.Expect(mentee.Locator("#Input_Summary")).ToHaveValueAsync("Mapped the team-lead conversation; drafted a 90-day plan.");
        await mentee.Locator("#Input_Note").FillAsync("Mentee's own note: ask about budget ownership next time.");
        await mentee.Locator("#save-note").ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your private note is saved.");
        await Assertions.Expect(mentee.Locator("#Input_Note")).ToHaveValueAsync("Mentee's own note: ask about budget ownership next time.");
        (await mentee.ContentAsync()).ShouldNotContain("she undersells her results");

        await mentor.ReloadAsync();
        await Assertions.Expect(mentor.Locator("#Input_Note")).ToHaveValueAsync("Mentor's own note: she undersells her results.");
        (await mentor.ContentAsync()).ShouldNotContain("budget ownership");
    }

    private async Task<IPage> PageAsync(string baseUrl)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A published pair, written as the matching feature would leave it.</summary>
    private static async Task<int> PairAsync(TandemFactory factory, DateTime now)
    {
        var menteeId = await factory.CreateUserAsync("lin.mei@example.com", profile: p => { p.DisplayName = "Lin Mei"; p.TimeZone = "Asia/Shanghai"; });
        var mentorId = await factory.CreateUserAsync("guo.hua@example.com", profile: p => { p.DisplayName = "Guo Hua"; p.TimeZone = "Europe/London"; });
        return await factory.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(now);
            var cohort = new Cohort
            {
                ProgramId = await ProgramDefaults.CurrentIdAsync(db, default), Name = "Journey cohort", Status = CohortStatus.Active,
                ApplicationsOpenOn = today.AddDays(-90), ApplicationsCloseOn = today.AddDays(-60), StartsOn = today.AddDays(-30), EndsOn = today.AddDays(150),
            };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            var a = new Application { CohortId = cohort.Id, UserId = menteeId, Role = ApplicationRole.Mentee, Status = ApplicationStatus.Accepted };
            var b = new Application { CohortId = cohort.Id, UserId = mentorId, Role = ApplicationRole.Mentor, Status = ApplicationStatus.Accepted, Capacity = 1 };
            db.Applications.AddRange(a, b);
            await db.SaveChangesAsync();
            var pair = new Pair { CohortId = cohort.Id, MenteeId = menteeId, MentorId = mentorId, MenteeApplicationId = a.Id, MentorApplicationId = b.Id, PublishedAt = now.AddDays(-29) };
            db.Pairs.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });
    }
}
