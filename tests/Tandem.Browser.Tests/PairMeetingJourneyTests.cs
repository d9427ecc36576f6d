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
    public async Task APairLivesThroughMeetingsNotesCheckInFeedbackClosureAndCertificate()
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
        await mentor.GetByRole(AriaRole.Link, new() { Name = "My pairs" }).ClickAsync();
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Lin Mei" }).ClickAsync();
        await mentor.Locator("#next-meeting a").ClickAsync();
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

        // Month 2: both answer the check-in.
        clock.Advance(TimeSpan.FromDays(31));
        foreach (var (page, email) in new[] { (mentee, "lin.mei@example.com"), (mentor, "guo.hua@example.com") })
        {
            await app.SignInAsync(page, email);
            await page.GotoAsync($"/Pairs/{pairId}");
            await page.Locator("#pair-links").GetByRole(AriaRole.Link, new() { Name = "Check-ins" }).ClickAsync();
            await page.Locator("#progress").SelectOptionAsync("4");
            await page.Locator("#relationship").SelectOptionAsync("5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send check-in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send check-in" })).ToHaveCountAsync(0);
        }

        // Goals reached early: the mentee closes the pair, then both give feedback and feedforward.
        await mentee.Locator("#pair-home").ClickAsync();
        await mentee.Locator("#pair-links").GetByRole(AriaRole.Link, new() { Name = "Close the pair early" }).ClickAsync();
        await mentee.Locator("#reason").SelectOptionAsync("GoalsReached");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Close the pair early" }).ClickAsync();
        // Nothing is closed until she has seen what closing does and confirmed it.
        await Assertions.Expect(mentee.Locator("#confirm-close")).ToContainTextAsync("read-only");
        await Assertions.Expect(mentee.Locator("#closed")).ToHaveCountAsync(0);
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Yes, close the pair" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#closed")).ToBeVisibleAsync();

        foreach (var (page, feedforward) in new[] { (mentee, "Keep sharing your own failures; they helped most."), (mentor, "Ask for the team-lead role before you feel ready.") })
        {
            await page.GotoAsync($"/Feedback/{pairId}");
            await page.Locator("#rating").SelectOptionAsync("5");
            await page.Locator("#went-well").FillAsync("Specific questions every time.");
            await page.Locator("#better").FillAsync("More time between meetings to act on the advice.");
            await page.Locator("#feedforward").FillAsync(feedforward);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Assertions.Expect(page.Locator("#mine")).ToBeVisibleAsync();
        }
        await mentee.ReloadAsync();
        await Assertions.Expect(mentee.Locator("#from-other")).ToContainTextAsync("Ask for the team-lead role before you feel ready.");

        // Closing words, a gratitude note the mentor sees, and the mentee's certificate.
        await mentee.GotoAsync($"/Closure/{pairId}");
        await mentee.Locator("#reflection").FillAsync("I learned to ask for what I want.");
        await mentee.Locator("#gratitude-note").FillAsync("Thank you for every hour, Guo Hua.");
        await mentee.Locator("#plan").FillAsync("Apply for the team-lead role in January.");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save my closing words" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#mine")).ToBeVisibleAsync();
        await mentor.GotoAsync($"/Closure/{pairId}");
        await Assertions.Expect(mentor.Locator("#gratitude")).ToContainTextAsync("Thank you for every hour, Guo Hua.");
        (await mentor.ContentAsync()).ShouldNotContain("Apply for the team-lead role in January.");

        await mentee.GotoAsync($"/Closure/{pairId}/Certificate");
        await Assertions.Expect(mentee.Locator("#name")).ToHaveTextAsync("Lin Mei");
        await Assertions.Expect(mentee.Locator("#meetings")).ToContainTextAsync("1");
    }

    [Fact]
    public async Task OnAPhoneTheMenteeProposesASuggestedTimeTheMentorCountersAndTheThreadShowsBothTimes()
    {
        var clock = new FakeClock(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddHours(2), TimeSpan.Zero));
        using var factory = new TandemFactory(clock: clock);
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var pairId = await PairAsync(factory, clock.GetUtcNow().UtcDateTime);

        var mentee = await PageAsync(baseUrl);
        await mentee.SetViewportSizeAsync(BrowserFixture.PhoneWidth, 844);
        await app.SignInAsync(mentee, "lin.mei@example.com");
        await mentee.GotoAsync($"/Meetings/Pair/{pairId}");
        await Assertions.Expect(mentee.Locator("#assistant button.suggestion")).ToHaveCountAsync(3);
        (await BrowserFixture.HorizontalOverflowAtPhoneWidthAsync(mentee)).ShouldBe(0);
        await mentee.GetByLabel("Your questions, sent with the time you pick").FillAsync("How do I negotiate my first raise?");
        await mentee.Locator("#assistant button.suggestion").First.ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is sent.");

        var mentor = await PageAsync(baseUrl);
        await mentor.SetViewportSizeAsync(BrowserFixture.PhoneWidth, 844);
        await app.SignInAsync(mentor, "guo.hua@example.com");
        await mentor.GotoAsync($"/Meetings/Pair/{pairId}");
        await mentor.Locator("#meetings a").First.ClickAsync();
        await Assertions.Expect(mentor.Locator("#current-proposal")).ToContainTextAsync("for Lin Mei (Asia/Shanghai)");
        (await BrowserFixture.HorizontalOverflowAtPhoneWidthAsync(mentor)).ShouldBe(0);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var counter = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, london).Date.AddDays(4).AddHours(10);
        await mentor.Locator("#Input_StartsAt").FillAsync(counter.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Propose another time" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status)).ToContainTextAsync("You proposed another time.");
        var meetingUrl = mentor.Url;

        await mentee.GotoAsync(meetingUrl);
        await Assertions.Expect(mentee.Locator("#history li")).ToHaveCountAsync(2);
        await Assertions.Expect(mentee.Locator("#current-proposal")).ToContainTextAsync("Guo Hua proposed this time");
        await Assertions.Expect(mentee.Locator("#current-proposal")).ToContainTextAsync("for Guo Hua (Europe/London)");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#status")).ToContainTextAsync("Accepted");
        (await mentee.ContentAsync()).ShouldNotContain("Declined");

        // Plans change: she moves the accepted meeting; it stays accepted and one thread, and her mentor is told.
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var moved = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, shanghai).Date.AddDays(6).AddHours(19);
        await mentee.Locator("#Reschedule_StartsAt").FillAsync(moved.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Move the meeting" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status)).ToContainTextAsync("You moved the meeting; Guo Hua is told.");
        await Assertions.Expect(mentee.Locator("#history li")).ToHaveCountAsync(3);
        await Assertions.Expect(mentee.Locator("#status")).ToContainTextAsync("Accepted");
        (await BrowserFixture.HorizontalOverflowAtPhoneWidthAsync(mentee)).ShouldBe(0);
        await mentee.Locator("#pair-home").ClickAsync();
        await Assertions.Expect(mentee.Locator("#next-meeting")).ToContainTextAsync(moved.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));

        await mentor.GotoAsync("/Notifications");
        await Assertions.Expect(mentor.Locator("#notifications li").First).ToContainTextAsync("Lin Mei moved your meeting to");
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
