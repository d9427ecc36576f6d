using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Pairs;

/// <summary>
/// Email notices between the two people of a pair. They carry times and a link, never the pair's private
/// content. The recipient's language is not known, so they go in English and Chinese, like the account emails.
/// </summary>
public sealed class PairNotices(TandemDb db, IEmailSender email, IHttpContextAccessor http)
{
    public async Task SendAsync(string toUserId, string path, Func<(string Subject, string Body)> compose, CancellationToken ct)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == toUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (to is null) return;
        var request = http.HttpContext?.Request;
        var link = request is null ? path : $"{request.Scheme}://{request.Host}{path}";
        var en = In("en", compose);
        var zh = In("zh-Hans", compose);
        await email.SendAsync(new EmailMessage(to, en.Subject + " / " + zh.Subject, $"{en.Body}\n{link}\n\n----\n\n{zh.Body}\n{link}"), ct);
    }

    public async Task<string> NameAsync(string userId, CancellationToken ct) =>
        await db.Profiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct) ?? "";

    private static (string Subject, string Body) In(string culture, Func<(string Subject, string Body)> compose)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return compose(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous; }
    }
}
