using Microsoft.Playwright;

namespace Tandem.Browser.Tests;

/// <summary>The coordinator's navigation: one line at 1366 px in both languages, collapsed behind a button on a phone, and reaching every coordinator page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinateMenuTests(BrowserFixture app)
{
    private const string Coordinator = "menu.coordinator@example.com";

    [Fact]
    public async Task TheCoordinatorsNavigationFitsOneLineAtLaptopWidthAndCollapsesOnAPhone()
    {
        await app.Factory.CreateUserAsync(Coordinator, coordinator: true);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Coordinator);
        await page.SetViewportSizeAsync(1366, 800);

        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            await page.GotoAsync($"/Dashboard?culture={culture}");
            var tops = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('#nav .navbar-nav > .nav-item')].map(e => Math.round(e.getBoundingClientRect().top))");
            tops.Length.ShouldBeGreaterThan(8);
            tops.Distinct().Count().ShouldBe(1, $"the navigation wraps at 1366 px ({culture})");
            // An item whose words break inside it keeps its top but grows taller: every link is one line high.
            var heights = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('#nav .navbar-nav > .nav-item > .nav-link')].map(e => Math.round(e.getBoundingClientRect().height))");
            heights.Max().ShouldBeLessThan(heights.Min() + 8, $"a navigation item breaks onto two lines at 1366 px ({culture})");
        }

        await page.GotoAsync("/Dashboard?culture=en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Coordinate" }).ClickAsync();
        var hrefs = await page.Locator("#coordinate-menu a.dropdown-item").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        hrefs.ShouldBe(["/Dashboard", "/Cohorts", "/Applications", "/Pairs/Overview", "/Reports/Cohorts", "/Members", "/Imports/Members", "/Imports/Applications", "/Memberships", "/Events", "/Library/Manage",
            "/Workbooks", "/Matching/Settings", "/Programs/Edit", "/Audit", "/Faq/Manage"]);
        await page.Locator("#coordinate-menu a[href='/Reports/Cohorts']").ClickAsync();
        await page.WaitForURLAsync("**/Reports/Cohorts");

        await page.SetViewportSizeAsync(BrowserFixture.PhoneWidth, 844);
        await page.GotoAsync("/Dashboard");
        await Assertions.Expect(page.Locator("#nav")).Not.ToBeVisibleAsync();
        await page.Locator(".navbar-toggler").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Coordinate" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Coordinate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#coordinate-menu a[href='/Members']")).ToBeVisibleAsync();
        (await BrowserFixture.HorizontalOverflowAtPhoneWidthAsync(page)).ShouldBe(0);
    }
}
