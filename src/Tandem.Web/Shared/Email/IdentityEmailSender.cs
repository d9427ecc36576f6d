using System.Net;
using Microsoft.AspNetCore.Identity;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Shared.Email;

/// <summary>Identity's account emails (confirm, reset) through the same sender.</summary>
public sealed class IdentityEmailSender(IEmailSender sender) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        sender.SendAsync(new EmailMessage(email, "Confirm your Tandem account / 确认您的 Tandem 账户",
            $"Please confirm your account by opening this link:\n{WebUtility.HtmlDecode(confirmationLink)}\n\n请打开以上链接确认您的账户。"));

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        sender.SendAsync(new EmailMessage(email, "Reset your Tandem password / 重置 Tandem 密码",
            $"Reset your password by opening this link:\n{WebUtility.HtmlDecode(resetLink)}\n\n请打开以上链接重置密码。"));

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        sender.SendAsync(new EmailMessage(email, "Your Tandem password reset code / 密码重置码",
            $"Your password reset code is: {resetCode}\n\n您的密码重置码：{resetCode}"));
}
