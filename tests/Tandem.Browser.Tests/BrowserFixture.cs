using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a real port) and Debian's Chromium driven by Playwright. Playwright's own
/// browser download is never used. A missing browser fails the tests with a clear message; it never
/// skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("TANDEM_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>The phone width the pages must fit (an iPhone 12–15 in portrait).</summary>
    public const int PhoneWidth = 390;

    // The browser sees the app as a person does: matching runs as the background job the page starts and polls.
    public TandemFactory Factory { get; } = new(extra: new() { ["Matching:RunJobs"] = "true" });
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's chromium (apt-get install chromium) or set TANDEM_CHROMIUM.");
        BaseUrl = StartOnKestrel(Factory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Serves the factory's app on a real port (the browser needs one) and answers its base address.</summary>
    public static string StartOnKestrel(TandemFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async Task<IPage> NewPageAsync() => await (await NewContextAsync(BaseUrl)).NewPageAsync();

    /// <summary>A fresh browser context (its own cookies) on any app this browser talks to.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task SignInAsync(IPage page, string email, string password = TandemFactory.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>How far the open page overflows a phone screen sideways: 0 when it fits. Resizes the page to
    /// <see cref="PhoneWidth"/> for the measurement and leaves it at that width.</summary>
    public static async Task<int> HorizontalOverflowAtPhoneWidthAsync(IPage page)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        // Measured in the next frame, once the page has laid itself out at the new width.
        var widths = await page.EvaluateAsync<int[]>("() => new Promise(done => requestAnimationFrame(() => done([document.documentElement.scrollWidth, window.innerWidth])))");
        widths[1].ShouldBe(PhoneWidth, "the page did not take the phone width");
        return Math.Max(0, widths[0] - widths[1]);
    }

    /// <summary>Opens the page at <see cref="PhoneWidth"/> px and fails when it scrolls sideways.</summary>
    public static async Task AssertFitsPhoneWidthAsync(IPage page, string url)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.GotoAsync(url);
        var overflow = await HorizontalOverflowAtPhoneWidthAsync(page);
        overflow.ShouldBe(0, $"{url} is {overflow} px wider than a {PhoneWidth} px screen");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
