using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Tandem.Web.Features.Account;

/// <summary>Turning two-factor sign-in (an authenticator app's TOTP codes, RFC 6238) on and off for one account,
/// with Identity's own key, code check and recovery codes.</summary>
public sealed class Authenticator(UserManager<User> users)
{
    public const int RecoveryCodeCount = 10;

    public sealed record Setup(string SharedKey, string Uri, string QrSvg);

    /// <summary>The key to enter into the app: made on first use, and kept until two-factor sign-in is turned off.</summary>
    public async Task<Setup> SetupAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString("Tandem")}:{System.Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Tandem&digits=6");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new Setup(Grouped(key), uri, svg);
    }

    /// <summary>Turns it on when the code matches the key; returns the recovery codes (shown once), or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(User user, string? code)
    {
        var digits = Digits(code);
        if (digits.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(User user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();

    /// <summary>Turns it off and forgets the key, so turning it on again starts with a new one.</summary>
    public async Task DisableAsync(User user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Codes are typed with spaces or dashes ("123 456").</summary>
    public static string Digits(string? code) => new((code ?? "").Where(c => c is not (' ' or '-')).ToArray());

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
