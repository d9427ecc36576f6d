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

    public TandemFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's chromium (apt-get install chromium) or set TANDEM_CHROMIUM.");
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email, string password = TandemFactory.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
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
