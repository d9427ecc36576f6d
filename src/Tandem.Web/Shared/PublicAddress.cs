using Microsoft.Extensions.Options;

namespace Tandem.Web.Shared;

public sealed class AppOptions
{
    /// <summary>App:PublicUrl — where people reach Tandem (https://mentoring.example.org); every link in an email starts with it.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Absolute links for emails. They are built from the configured public address and never from the request:
/// a background job has no request, and a request's Host header is whatever the caller sent (a forged one
/// would put an attacker's host into a password-reset link). In-app links stay relative.
/// </summary>
public sealed class PublicAddress(IOptions<AppOptions> options)
{
    /// <summary>The configured address without a trailing slash (validated at start-up).</summary>
    public string Root { get; } = (options.Value.PublicUrl ?? "").TrimEnd('/');

    /// <summary>"/Pairs/4" → "https://mentoring.example.org/Pairs/4".</summary>
    public string Absolute(string path) => Root + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>A link someone else built (Identity's, from the request) moved onto the public address: only its path and query are kept.</summary>
    public string Rebase(string link) =>
        Absolute(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.PathAndQuery : link);

    /// <summary>Null when the setting is a usable http(s) address, else what is wrong with it.</summary>
    public static string? Validate(string? url) =>
        string.IsNullOrWhiteSpace(url)
            ? "App:PublicUrl is not set. Set it to the address people use to reach Tandem (for example https://mentoring.example.org); email links are built from it."
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                ? null
                : $"App:PublicUrl \"{url}\" is not an http(s) address without query or fragment (for example https://mentoring.example.org).";

    public static void AddPublicAddress(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection("App"))
            .Validate(o => Validate(o.PublicUrl) is null, "App:PublicUrl must be the http(s) address people use to reach Tandem, for example https://mentoring.example.org (Development defaults to http://localhost:5080).")
            .ValidateOnStart();
        services.AddSingleton<PublicAddress>();
    }
}
