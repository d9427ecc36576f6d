using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Identity's user manager with two of Tandem's rules: every new account is stamped with the language of the request
/// that makes it (the registration page, the API's register endpoint, the demo), so the first email already speaks it;
/// and failed sign-ins are forgotten after <see cref="FailureWindow"/>, so a few typos spread over months never lock
/// anyone out. Lockout reads the injected clock, so its rules are tested without waiting.
/// </summary>
public sealed class TandemUserManager(
    IUserStore<User> store, IOptions<IdentityOptions> options, IPasswordHasher<User> hasher, IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators, ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services,
    ILogger<UserManager<User>> logger)
    : UserManager<User>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    /// <summary>Failures further apart than this start the count again.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    private readonly TimeProvider clock = services.GetRequiredService<TimeProvider>();

    public override Task<IdentityResult> CreateAsync(User user)
    {
        user.Language ??= Culture.Current;
        return base.CreateAsync(user);
    }

    public override async Task<IdentityResult> AccessFailedAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        if (user.LastFailedSignInAt is not { } last || now - last >= FailureWindow) user.AccessFailedCount = 0;
        user.AccessFailedCount++;
        user.LastFailedSignInAt = now;
        if (user.AccessFailedCount >= Options.Lockout.MaxFailedAccessAttempts)
        {
            user.LockoutEnd = now + Options.Lockout.DefaultLockoutTimeSpan;
            user.AccessFailedCount = 0;
        }
        return await UpdateUserAsync(user);
    }

    public override Task<bool> IsLockedOutAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow());
    }
}
