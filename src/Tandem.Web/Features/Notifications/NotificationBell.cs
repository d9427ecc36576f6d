using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <summary>The layout's bell: a link to /Notifications with the unread count, for signed-in people.</summary>
public sealed class NotificationBellViewComponent(Notifier notifier, IStringLocalizer<NotificationsText> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.IdOrNull() is not { } userId) return Content("");
        var unread = await notifier.UnreadCountAsync(userId, HttpContext.RequestAborted);
        var label = HtmlEncoder.Default.Encode(t["Notifications"]);
        // The name comes from the link's own text (no aria-label), so a screen reader hears the count that is shown.
        var count = unread == 0 ? "" : $" <span class=\"badge text-bg-danger\" id=\"unread-count\">{unread}</span><span class=\"visually-hidden\"> {HtmlEncoder.Default.Encode(t["unread notices"])}</span>";
        var html = $"<a class=\"nav-link\" id=\"bell\" href=\"/Notifications\" title=\"{label}\"><span aria-hidden=\"true\">🔔</span><span class=\"visually-hidden\">{label}</span>{count}</a>";
        return new HtmlContentViewComponentResult(new HtmlString(html));
    }
}
