using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests.Accessibility;

/// <summary>The app with the demo program loaded (as a newcomer's first run shows it) on a port of its own,
/// plus one signed-up member who has not applied to any cohort yet.</summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string Newcomer = "newcomer@example.com";

    public TandemFactory Factory { get; } = new(extra: new() { ["Demo:Seed"] = "true" });
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(Factory);
        await Factory.CreateUserAsync(Newcomer);
    }

    /// <summary>Who looks at the pages: email and password, or none for a visitor.</summary>
    public static readonly IReadOnlyList<(string Role, string? Email, string Password)> Roles =
    [
        ("anonymous", null, ""),
        ("member", Newcomer, TandemFactory.Password),
        ("mentee", DemoData.SignIns.Single(s => s.Role == "mentee").Email, DemoData.Password),
        ("mentor", DemoData.SignIns.Single(s => s.Role == "mentor").Email, DemoData.Password),
        ("coordinator", DemoData.SignIns.Single(s => s.Role == "coordinator").Email, DemoData.Password),
    ];

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
