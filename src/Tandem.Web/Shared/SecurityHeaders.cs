using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tandem.Web.Shared;

/// <summary>
/// What every answer carries so a browser defends the people using Tandem: a Content-Security-Policy that runs only
/// the site's own script files (no inline script, no event-handler attributes, nothing from elsewhere), no framing,
/// no MIME sniffing, no referrer to other sites and no powerful browser features. In Production (<c>Https:Required</c>)
/// also HSTS, a redirect from http to https and cookies marked Secure. Behind a reverse proxy the client's address and
/// scheme come from <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, trusted only from the proxies configured
/// (docs/operations.md, "Behind a reverse proxy").
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>Scripts and styles from this site only. Styles may be inline (Bootstrap's progress bars set a width);
    /// scripts may not, which is what stops injected markup from running.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static bool HttpsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Https:Required", environment.IsProduction());

    public static IServiceCollection AddTandemSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default (a proxy on the same host); anything else must be named.
            foreach (var proxy in List(configuration["ForwardedHeaders:KnownProxies"]))
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in List(configuration["ForwardedHeaders:KnownNetworks"]))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        if (!HttpsRequired(configuration, environment)) return services;
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = configuration.GetValue("Https:HstsIncludeSubDomains", false);
        });
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = configuration.GetValue<int?>("Https:Port") ?? 443;
        });
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>Runs first: the forwarded scheme and address must be known before anything reads them.</summary>
    public static void UseTandemSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (HttpsRequired(app.Configuration, app.Environment))
        {
            // Probes and scrapers talk plain http to each instance directly; everything else is https only.
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics"), https =>
            {
                https.UseHsts();
                https.UseHttpsRedirection();
            });
            app.UseCookiePolicy();
        }
        app.Use((http, next) =>
        {
            // At the start of the answer, so an error page (which clears the headers first) carries them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
        // The API reference (Scalar) starts itself with one inline module script; rather than allow inline scripts,
        // its page names that exact script by hash.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api/docs"), docs => docs.Use(AllowOwnInlineScriptsAsync));
    }

    private static async Task AllowOwnInlineScriptsAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value))) + "'")
                .Distinct();
            http.Response.Headers.ContentSecurityPolicy = Policy.Replace("script-src 'self'", "script-src 'self' " + string.Join(' ', hashes), StringComparison.Ordinal);
        }
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static IEnumerable<string> List(string? setting) =>
        (setting ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
