using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Identity's sign-in with <see cref="SignInGuard"/> in front: a caller who failed this account too often is refused
/// before the password or code is even checked, so their guesses never reach the account's lockout. The sign-in page
/// and the API's login (password and two-factor code alike) come through here.
/// </summary>
public sealed class TandemSignInManager(
    UserManager<User> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<User> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<User> confirmation, SignInGuard guard)
    : SignInManager<User>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
        await GuardedAsync(userName ?? "", () => base.PasswordSignInAsync(userName!, password, isPersistent, lockoutOnFailure));

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await GuardedAsync(await TwoFactorAccountAsync(), () => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await GuardedAsync(await TwoFactorAccountAsync(), () => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    private async Task<string> TwoFactorAccountAsync() => (await GetTwoFactorAuthenticationUserAsync())?.UserName ?? "";

    private async Task<SignInResult> GuardedAsync(string account, Func<Task<SignInResult>> signIn)
    {
        if (guard.RetryAfter(Context, account) is not null) return SignInResult.Failed;
        var result = await signIn();
        // An unconfirmed address (IsNotAllowed) is refused before the password is checked: nothing was guessed.
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsNotAllowed) guard.Failed(Context, account);
        return result;
    }
}
