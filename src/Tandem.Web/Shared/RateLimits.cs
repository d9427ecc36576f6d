using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Shared;

/// <summary>
/// Limits on what a stranger could otherwise repeat without end (docs/operations.md, "Rate limits and lockout"):
/// <list type="bullet">
/// <item>sign-in: failures only, per caller address and account, in <see cref="Features.Account.SignInGuard"/>
/// (<c>RateLimits:SignIn</c>, 5 failures per 15 minutes; the account locks only after 10 failures);</item>
/// <item>what sends an email (register, forgot and reset password, resend confirmation), per caller address
/// (<c>RateLimits:AccountEmail</c>, 5 per 15 minutes);</item>
/// <item>the contact form, per caller address (<c>RateLimits:Contact</c>, 3 per 10 minutes);</item>
/// <item>each signed-in person's writes, pages and API alike (<c>RateLimits:Writes</c>, 120 a minute).</item>
/// </list>
/// A refused request gets 429 with <c>Retry-After</c>; the API answers with ProblemDetails, a page with the error page.
/// Pages and the API share one counter per kind, so switching between them gains nothing.
/// </summary>
public static class RateLimits
{
    private sealed record Limit(string Name, int Permits, TimeSpan Window);

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("RateLimits:Enabled", true);

    public static IServiceCollection AddTandemRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration)) return services;
        var email = Read(configuration, "AccountEmail", 5, TimeSpan.FromMinutes(15));
        var contact = Read(configuration, "Contact", 3, TimeSpan.FromMinutes(10));
        var writes = Read(configuration, "Writes", 120, TimeSpan.FromMinutes(1));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limit = KindOf(http.Request, email, contact);
                if (limit is not null) return Window(limit, limit.Name + "|" + Caller(http));
                if (IsWrite(http.Request) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user) return Window(writes, "writes|" + user);
                return RateLimitPartition.GetNoLimiter("none");
            });
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authentication, so each person's writes are counted as theirs.</summary>
    public static void UseTandemRateLimits(this WebApplication app)
    {
        if (Enabled(app.Configuration)) app.UseRateLimiter();
    }

    private static Limit Read(IConfiguration configuration, string name, int permits, TimeSpan window) => new(name,
        configuration.GetValue($"RateLimits:{name}:Permits", permits),
        TimeSpan.FromSeconds(configuration.GetValue($"RateLimits:{name}:WindowSeconds", (int)window.TotalSeconds)));

    private static RateLimitPartition<string> Window(Limit limit, string key) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static string Caller(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsWrite(HttpRequest r) => !HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method) && !HttpMethods.IsOptions(r.Method);

    private static Limit? KindOf(HttpRequest r, Limit email, Limit contact)
    {
        if (!HttpMethods.IsPost(r.Method)) return null;
        var path = (r.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
        return path switch
        {
            "/account/register" or "/account/forgotpassword" or "/account/resetpassword" or "/account/resendconfirmation"
                or "/api/v1/account/register" or "/api/v1/account/forgotpassword" or "/api/v1/account/resetpassword"
                or "/api/v1/account/resendconfirmationemail" => email,
            "/public/contact" or "/api/v1/public/contact" => contact,
            _ => null,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = SetRetryAfter(http, wait);
        // Pages get the error page (status code pages re-execute it); callers of the API a ProblemDetails.
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = TooMany(http, seconds) });
    }

    /// <summary>Sets 429 and Retry-After (whole seconds, at least one) and returns the seconds.</summary>
    public static int SetRetryAfter(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>The one 429 ProblemDetails, for the rate limiter and the sign-in guard alike.</summary>
    public static ProblemDetails TooMany(HttpContext http, int seconds)
    {
        var s = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        return new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = s["Too many requests"],
            Detail = s["Please wait {0} seconds and try again.", seconds],
        };
    }
}
