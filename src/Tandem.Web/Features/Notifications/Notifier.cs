using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

public sealed record NotificationResponse(int Id, string Kind, string Text, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>Reads a person's in-app notifications, rendered in the language and time zone they read them in.</summary>
public sealed class Notifier(TandemDb db, NoticeText text, ViewerTime viewer, TimeProvider clock)
{
    public const int PageSize = 25;

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<PageResponse<NotificationResponse>> PageAsync(string userId, bool unreadOnly, int? page, CancellationToken ct)
    {
        var zone = await viewer.ZoneAsync(userId, ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null)).OrderByDescending(n => n.Id)
            .ToPageAsync(page, PageSize, async rows => (await rows.ToListAsync(ct))
                .Select(n => new NotificationResponse(n.Id, n.Kind, text.Render(n.Text, NoticeArg.Parse(n.Args), CultureInfo.CurrentUICulture, zone),
                    n.Link, n.CreatedAt, n.ReadAt)).ToList(), ct);
    }

    /// <summary>Marks one (or, with null, all) of the user's notifications read; false when it is not theirs.</summary>
    public async Task<bool> MarkReadAsync(string userId, int? id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        if (id is not null && rows.Count == 0 && !await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == userId, ct)) return false;
        foreach (var n in rows) n.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
