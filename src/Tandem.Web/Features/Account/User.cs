using Microsoft.AspNetCore.Identity;

namespace Tandem.Web.Features.Account;

/// <summary>An account. Profile data lives in <see cref="Profiles.Profile"/>; mentee and mentor are
/// not global roles but come from accepted applications in a cohort.</summary>
public sealed class User : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>"en" or "zh-Hans": the language the person reads Tandem in, and so the one their notices and
    /// emails are written in. Null for accounts made before it was stored (they read English).</summary>
    public string? Language { get; set; }

    /// <summary>When the last failed sign-in was: failures further apart than the lockout window are forgotten.</summary>
    public DateTimeOffset? LastFailedSignInAt { get; set; }

    /// <summary>When the person deleted their account. The row stays, emptied of everything that identifies them,
    /// so what they shared with a partner still has an author: shown as "former member".</summary>
    public DateTime? DeletedAt { get; set; }
}

public static class Roles
{
    public const string Coordinator = "Coordinator";
}
