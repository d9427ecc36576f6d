using Microsoft.Extensions.Options;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Observability;

namespace Tandem.Web.Tests.Notifications;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("")]
    [InlineData("mentoring.example.org")]
    [InlineData("ftp://mentoring.example.org")]
    [InlineData("https://mentoring.example.org/?x=1")]
    public void WithoutAUsablePublicAddressProductionRefusesToStartAndSaysWhy(string url)
    {
        using var factory = new ProductionFactory(new() { ["App:PublicUrl"] = url });
        Should.Throw<OptionsValidationException>(() => factory.CreateClient()).Message.ShouldContain("App:PublicUrl");
    }

    [Theory]
    [InlineData("https://mentoring.example.org", "/Pairs/4", "https://mentoring.example.org/Pairs/4")]
    [InlineData("https://example.org/tandem/", "/Pairs/4", "https://example.org/tandem/Pairs/4")]
    public void LinksAreBuiltOnTheConfiguredAddress(string root, string path, string expected)
    {
        var site = new PublicAddress(Options.Create(new AppOptions { PublicUrl = root }));
        site.Absolute(path).ShouldBe(expected);
        // A link Identity built from a forged Host keeps only its path and query.
        site.Rebase("http://evil.example:8080/Account/ConfirmEmail?userId=1&code=x").ShouldBe(root.TrimEnd('/') + "/Account/ConfirmEmail?userId=1&code=x");
    }
}
