using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

[Authorize]
public sealed class IndexModel(Notifier notifier, IStringLocalizer<NotificationsText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<NotificationResponse> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int LastPage => Math.Max(1, (Total + Notifier.PageSize - 1) / Notifier.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
        (Items, Total) = await notifier.PageAsync(User.Id(), Unread, PageNumber, ct);
        PageNumber = Math.Min(PageNumber, LastPage);
    }

    public async Task<IActionResult> OnPostReadAsync(int? id, CancellationToken ct)
    {
        if (!await notifier.MarkReadAsync(User.Id(), id, ct)) return NotFound();
        TempData["Flash"] = id is null ? t["All notifications marked as read."].Value : t["Notification marked as read."].Value;
        return RedirectToPage();
    }
}
