using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Account;

/// <summary>Identity's password and account messages in the visitor's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["Passwords must be at least {0} characters.", length] };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = t["Passwords must contain a digit (0-9)."] };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = t["Passwords must contain a lower-case letter (a-z)."] };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = t["Passwords must contain an upper-case letter (A-Z)."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["An account with this email already exists. Sign in or reset your password."] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["An account with this email already exists. Sign in or reset your password."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["Please enter a valid email address."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = t["Please enter a valid email address."] };
}
