using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

[Authorize]
public sealed class IndexModel(Notifier notifier, ViewerTime time, IStringLocalizer<NotificationsText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public PageResponse<NotificationResponse> Result { get; private set; } = PageResponse<NotificationResponse>.Empty(Notifier.PageSize);
    public int PageNumber => Result.Page;
    public IReadOnlyList<NotificationResponse> Items => Result.Items;
    public int Total => Result.Total;
    public int LastPage => Result.TotalPages;
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await notifier.PageAsync(User.Id(), Unread, Paging.Parse(Request.Query["page"]), ct);
        Zone = await time.ZoneAsync(User.Id(), ct);
    }

    public async Task<IActionResult> OnPostReadAsync(int? id, CancellationToken ct)
    {
        if (!await notifier.MarkReadAsync(User.Id(), id, ct)) return NotFound();
        this.Flash(id is null ? t["All notifications marked as read."] : t["Notification marked as read."]);
        return RedirectToPage();
    }
}
