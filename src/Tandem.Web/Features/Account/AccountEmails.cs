using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Account;

/// <summary>
/// Identity's account emails (confirm, reset), in the person's own language: the one stored on the account, else
/// that of the request asking for the email. They are sent at once rather than queued with the notices: the person
/// is waiting for them, and a password-reset link is a key that should not sit in a table. The link is moved onto
/// App:PublicUrl, since Identity builds it from the request's Host header.
/// </summary>
public sealed class AccountEmails(IEmailSender sender, PublicAddress site, IStringLocalizer<AccountText> t) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(user, email, () => (t["Confirm your Tandem account"], t["Please confirm your account by opening this link:"]), Link(confirmationLink));

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(user, email, () => (t["Reset your Tandem password"], t["Reset your password by opening this link:"]), Link(resetLink));

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(user, email, () => (t["Your Tandem password reset code"], t["Your password reset code is:"]), resetCode);

    private string Link(string link) => site.Rebase(WebUtility.HtmlDecode(link));

    private Task SendAsync(User user, string email, Func<(LocalizedString Subject, LocalizedString Lead)> texts, string value)
    {
        var culture = Culture.Of(Culture.Supported(user.Language) ?? Culture.Current);
        var (subject, lead) = Culture.In(culture, () => { var (s, l) = texts(); return (s.Value, l.Value); });
        return sender.SendAsync(new EmailMessage(email, subject, $"{lead}\n{value}"));
    }
}
