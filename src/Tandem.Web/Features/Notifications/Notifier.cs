using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

public sealed record NotificationResponse(int Id, string Kind, string Text, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>Writes in-app notifications and renders them in the reader's language.</summary>
public sealed class Notifier(TandemDb db, IStringLocalizer<NotificationsText> t, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Adds a notification to the context (the caller saves, so it commits with whatever caused it).</summary>
    public static Notification Add(TandemDb db, string userId, string kind, string textKey, IReadOnlyList<string> args, string? link, DateTime now)
    {
        var n = new Notification { UserId = userId, Kind = kind, Text = textKey, Args = JsonSerializer.Serialize(args), Link = link, CreatedAt = now };
        db.Notifications.Add(n);
        return n;
    }

    /// <summary>The text in the current UI culture.</summary>
    public string Render(string textKey, string args) => t[textKey, Args(args)];

    /// <summary>The text in a given culture (for bilingual emails).</summary>
    public string Render(string textKey, IReadOnlyList<string> args, CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return t[textKey, args.Cast<object>().ToArray()];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public Task<PageResponse<NotificationResponse>> PageAsync(string userId, bool unreadOnly, int? page, CancellationToken ct) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null)).OrderByDescending(n => n.Id)
            .ToPageAsync(page, PageSize, async rows => (await rows.ToListAsync(ct))
                .Select(n => new NotificationResponse(n.Id, n.Kind, Render(n.Text, n.Args), n.Link, n.CreatedAt, n.ReadAt)).ToList(), ct);

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

    private static object[] Args(string json)
    {
        try { return JsonSerializer.Deserialize<string[]>(json)?.Cast<object>().ToArray() ?? []; }
        catch (JsonException) { return []; }
    }
}
