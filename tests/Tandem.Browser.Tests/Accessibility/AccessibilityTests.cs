using System.Collections.Concurrent;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tandem.Browser.Tests.Accessibility;

/// <summary>
/// axe-core over every page of the app, as each kind of person sees it, in English and in Chinese, on the demo
/// program. Serious and critical violations fail the test; the report (artifacts/accessibility.md) also lists the
/// lesser ones. A page wider than a 390 px phone screen fails too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly string[] Languages = ["en", "zh-Hans"];
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Pages whose GET sends everyone elsewhere by design, with the pattern of where to: a sign-out link that only
    /// signs out on POST, the old closure list that moved into My pairs, a publish step with no matching run to publish, and the
    /// bulk decision step, which is only reached by posting the ticked applications.</summary>
    private static readonly Dictionary<string, string> RedirectsByDesign = new(StringComparer.Ordinal)
    {
        ["/Account/Logout"] = "/",
        ["/Closure/Index"] = "/Pairs/Mine",
        ["/Matching/Publish"] = @"/Matching/\d+",
        ["/Applications/Bulk"] = "/Applications",
        ["/Account/LoginWith2fa"] = "/",
    };

    /// <summary>Pages that render with a status other than 200 by design.</summary>
    private static readonly Dictionary<string, int> StatusByDesign = new(StringComparer.Ordinal) { ["/Account/AccessDenied"] = 403 };

    private enum Answer { Checked, Download, SignIn, AccessDenied, NotFound, Redirect, Unexpected }

    private sealed record Violation(string Rule, string Impact, string Target);

    private sealed record Visit(string Role, string Language, SitePage Page, Answer Answer, string Detail, IReadOnlyList<Violation> Violations, int Overflow, int Rules = 0);

    [Fact]
    public async Task EveryPageHasNoSeriousOrCriticalViolationsForEveryRoleInBothLanguages()
    {
        var ids = await SitePages.PrepareAsync(site.Factory);
        var visits = new ConcurrentBag<Visit>();
        var unfilled = new List<string>();
        var pages = DemoSite.Roles.ToDictionary(r => r.Role, r => SitePages.For(site.Factory, ids, r.Role, unfilled));
        unfilled.Distinct().ShouldBeEmpty("pages whose route parameters have no demo value");

        // Two roles at a time: the browser and the app share two cores, and more only queues. One role's two languages
        // run one after the other in its one signed-in context (the same account opening a page twice at once is not
        // a case the app promises to handle: the first visit to the calendar page creates the feed link).
        using var gate = new SemaphoreSlim(2);
        await Task.WhenAll(DemoSite.Roles.Select(role => Task.Run(async () =>
        {
            await gate.WaitAsync();
            try { await RoleAsync(role.Role, role.Email, role.Password, pages[role.Role], visits); }
            finally { gate.Release(); }
        })));

        var all = visits.OrderBy(v => v.Page.Url, StringComparer.Ordinal).ThenBy(v => v.Role, StringComparer.Ordinal).ThenBy(v => v.Language, StringComparer.Ordinal).ToList();
        var failures = Failures(all);
        WriteReport(all, failures);
        failures.ShouldBeEmpty();
    }

    private async Task RoleAsync(string role, string? email, string password, IReadOnlyList<SitePage> pages, ConcurrentBag<Visit> visits)
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        if (email is not null) await browser.SignInAsync(page, email, password);
        foreach (var language in Languages)
        {
            // The cookie the language switch sets, so each page is the one a person who chose this language sees.
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = site.BaseUrl }]);
            foreach (var sitePage in pages)
                visits.Add(await VisitAsync(context, page, role, language, sitePage));
        }
    }

    private async Task<Visit> VisitAsync(IBrowserContext context, IPage page, string role, string language, SitePage sitePage)
    {
        // The app's own answer first, without following redirects, so a refusal is seen as the redirect it is.
        var probe = await context.APIRequest.GetAsync(sitePage.Url, new() { MaxRedirects = 0 });
        var location = probe.Headers.TryGetValue("location", out var l) ? new Uri(new Uri(site.BaseUrl), l).AbsolutePath : "";
        var type = probe.Headers.TryGetValue("content-type", out var t) ? t : "";
        Visit Seen(Answer answer, string detail) => new(role, language, sitePage, answer, detail, [], 0);
        if (probe.Status is 301 or 302 or 303 or 307 or 308)
            return location switch
            {
                "/Account/Login" => Seen(Answer.SignIn, location),
                "/Account/AccessDenied" => Seen(Answer.AccessDenied, location),
                _ => Seen(Answer.Redirect, location),
            };
        if (probe.Status == 404) return Seen(Answer.NotFound, "404");
        if (probe.Status != StatusByDesign.GetValueOrDefault(sitePage.Page, 200)) return Seen(Answer.Unexpected, $"{probe.Status} {type}");
        if (!type.StartsWith("text/html", StringComparison.Ordinal)) return Seen(Answer.Download, type);
        return await CheckAsync(page, role, language, sitePage);
    }

    private static async Task<Visit> CheckAsync(IPage page, string role, string language, SitePage sitePage)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(sitePage.Url);
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        // Legacy mode runs axe once inside the page. The default mode finishes each run in a fresh blank page of its own,
        // which only guards against pages that tamper with axe (ours do not) and made this test five times slower.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations], Iframes = false });
#pragma warning restore CS0618
        var violations = result.Violations
            .SelectMany(v => v.Nodes.Select(n => new Violation(v.Id, v.Impact ?? "", n.Target?.ToString() ?? "")))
            .ToList();
        var overflow = await BrowserFixture.HorizontalOverflowAtPhoneWidthAsync(page);
        var rules = result.Passes.Length + result.Violations.Length + result.Incomplete.Length + result.Inapplicable.Length;
        return new(role, language, sitePage, Answer.Checked, lang ?? "", violations, overflow, rules);
    }

    private static List<string> Failures(List<Visit> visits)
    {
        var failures = new List<string>();
        foreach (var v in visits)
        {
            var where = $"{v.Page.Url} [{v.Language}, {v.Role}]";
            switch (v.Answer)
            {
                case Answer.Checked:
                    if (v.Detail != v.Language) failures.Add($"{where}: <html lang=\"{v.Detail}\">, expected {v.Language}");
                    if (v.Rules < 50) failures.Add($"{where}: axe ran only {v.Rules} rules");
                    failures.AddRange(v.Violations.Where(x => Failing.Contains(x.Impact)).Select(x => $"{where}: {x.Rule} ({x.Impact}) at {x.Target}"));
                    if (v.Overflow > 0) failures.Add($"{where}: {v.Overflow} px wider than a {BrowserFixture.PhoneWidth} px phone screen");
                    break;
                case Answer.SignIn when v.Role != "anonymous":
                    failures.Add($"{where}: a signed-in person was sent to sign in");
                    break;
                case Answer.AccessDenied when v.Role is "anonymous" or "coordinator":
                    failures.Add($"{where}: access denied");
                    break;
                case Answer.Redirect when !(RedirectsByDesign.TryGetValue(v.Page.Page, out var to) && System.Text.RegularExpressions.Regex.IsMatch(v.Detail ?? "", $"^{to}$")):
                    failures.Add($"{where}: redirected to {v.Detail}, neither to sign-in nor to access denied");
                    break;
                case Answer.Unexpected:
                    failures.Add($"{where}: answered {v.Detail}");
                    break;
                case Answer.NotFound when !visits.Any(o => o.Page.Url == v.Page.Url && o.Answer is Answer.Checked or Answer.Download):
                    // Private pages (a pair's space, someone's application) tell others they do not exist, but their owner must get in.
                    failures.Add($"{where}: 404, and no role could open this URL");
                    break;
            }
        }
        foreach (var page in visits.GroupBy(v => v.Page.Page).Where(g => !g.Any(v => v.Answer is Answer.Checked or Answer.Download or Answer.Redirect)))
            failures.Add($"{page.Key}: no role could open this page, so it was never checked");
        return failures;
    }

    private static void WriteReport(List<Visit> visits, List<string> failures)
    {
        var checkedVisits = visits.Where(v => v.Answer == Answer.Checked).ToList();
        var report = new StringBuilder()
            .AppendLine("# Accessibility (axe-core 4.14) and phone width")
            .AppendLine()
            .AppendLine($"{visits.Select(v => v.Page.Page).Distinct().Count()} pages ({visits.Select(v => v.Page.Url).Distinct().Count()} URLs) × {DemoSite.Roles.Count} roles × {Languages.Length} languages = {visits.Count} visits: "
                + $"{checkedVisits.Count} checked with axe, {visits.Count(v => v.Answer == Answer.Download)} downloads (not HTML), "
                + $"{visits.Count(v => v.Answer == Answer.SignIn)} sent to sign in, {visits.Count(v => v.Answer == Answer.AccessDenied)} access denied, "
                + $"{visits.Count(v => v.Answer == Answer.NotFound)} private (404 to all but the owner), {visits.Count(v => v.Answer == Answer.Redirect)} redirects by design. "
                + $"axe rules per checked page: {(checkedVisits.Count == 0 ? 0 : checkedVisits.Min(v => v.Rules))}.")
            .AppendLine()
            .AppendLine($"## Serious or critical ({failures.Count} failures)")
            .AppendLine();
        foreach (var f in failures) report.AppendLine($"- {f}");
        report.AppendLine().AppendLine("## Moderate and minor (not failing)").AppendLine();
        foreach (var g in checkedVisits.SelectMany(v => v.Violations.Where(x => !Failing.Contains(x.Impact)).Select(x => (v, x))).GroupBy(p => (p.x.Rule, p.x.Impact)))
            report.AppendLine($"- {g.Key.Rule} ({g.Key.Impact}): {string.Join(", ", g.Select(p => p.v.Page.Url).Distinct().Take(12))}");
        report.AppendLine().AppendLine($"## Wider than a {BrowserFixture.PhoneWidth} px phone screen (each one is a failure above)").AppendLine();
        foreach (var g in checkedVisits.Where(v => v.Overflow > 0).GroupBy(v => v.Page.Url).OrderBy(g => g.Key, StringComparer.Ordinal))
            report.AppendLine($"- {g.Key}: up to {g.Max(v => v.Overflow)} px ({string.Join(", ", g.Select(v => $"{v.Role}/{v.Language}").Distinct())})");

        var text = report.ToString();
        TestContext.Current.SendDiagnosticMessage(text);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tandem.slnx"))) root = root.Parent;
        if (root is null) return;
        Directory.CreateDirectory(Path.Combine(root.FullName, "artifacts"));
        File.WriteAllText(Path.Combine(root.FullName, "artifacts", "accessibility.md"), text);
    }
}
