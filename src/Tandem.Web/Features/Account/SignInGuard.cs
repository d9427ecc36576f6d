using System.Collections.Concurrent;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Counts failed sign-ins (wrong password, wrong two-factor code) per caller address and account, and per caller
/// address alone, and refuses a caller who failed too often within the window (docs/operations.md, "Rate limits and
/// lockout"). Successes are not counted, so colleagues behind one office address never block each other, and a
/// stranger is stopped well before the account's own lockout (10 failures) could count up: one address can fail an
/// account only 5 times in 15 minutes. Kept in memory, per instance, like the other rate limits.
/// </summary>
public sealed class SignInGuard(TimeProvider clock, IConfiguration configuration)
{
    private const string RefusedItem = "Tandem.SignInRefusedFor";

    private readonly int perAccount = configuration.GetValue("RateLimits:SignIn:Permits", 5);
    private readonly int perAddress = configuration.GetValue("RateLimits:SignInPerAddress:Permits", 50);
    private readonly TimeSpan window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:SignIn:WindowSeconds", 15 * 60));
    private readonly bool enabled = configuration.GetValue("RateLimits:Enabled", true);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();
    private int recorded;

    /// <summary>How long the caller must wait before trying this account again, or null when they may try now.</summary>
    public TimeSpan? RetryAfter(HttpContext http, string account)
    {
        if (!enabled) return null;
        var now = clock.GetUtcNow();
        var wait = Wait(AccountKey(http, account), perAccount, now) ?? Wait(AddressKey(http), perAddress, now);
        if (wait is not null) http.Items[RefusedItem] = wait;
        return wait;
    }

    public void Failed(HttpContext http, string account)
    {
        if (!enabled) return;
        var now = clock.GetUtcNow();
        Add(AccountKey(http, account), now);
        Add(AddressKey(http), now);
        // Forget callers who stopped failing, so the table stays as small as the current trouble.
        if (Interlocked.Increment(ref recorded) % 1000 == 0)
            foreach (var (key, times) in failures)
                lock (times)
                    if (Prune(times, now) == 0) failures.TryRemove(key, out _);
    }

    /// <summary>The wait of a sign-in refused during this request: the page and the API answer 429 with it.</summary>
    public static TimeSpan? RefusedWait(HttpContext http) => http.Items.TryGetValue(RefusedItem, out var wait) ? wait as TimeSpan? : null;

    /// <summary>On the API's account endpoints: a refused login answers 429 with Retry-After, not Identity's 401.</summary>
    public static async ValueTask<object?> AnswerRefusalsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (RefusedWait(context.HttpContext) is not { } wait) return result;
        var seconds = Shared.RateLimits.SetRetryAfter(context.HttpContext, wait);
        return TypedResults.Problem(Shared.RateLimits.TooMany(context.HttpContext, seconds));
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    private static string AccountKey(HttpContext http, string account) => Address(http) + "|" + account.Trim().ToUpperInvariant();
    private static string AddressKey(HttpContext http) => Address(http);

    private TimeSpan? Wait(string key, int permits, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times)) return null;
        lock (times)
        {
            if (Prune(times, now) < permits) return null;
            // The oldest counted failure leaves the window first; then one more try is allowed.
            var wait = times.ElementAt(times.Count - permits) + window - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }
    }

    private void Add(string key, DateTimeOffset now)
    {
        var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Prune(times, now);
            times.Enqueue(now);
        }
    }

    private int Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - window) times.Dequeue();
        return times.Count;
    }
}
