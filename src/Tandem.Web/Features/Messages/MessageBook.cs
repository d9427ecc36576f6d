using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Messages;

public sealed record MessageRequest(string? Body);

public sealed record MessageResponse(int Id, string SenderId, string SenderName, bool Mine, string Body, DateTime SentAt, DateTime? ReadAt);

/// <summary>The pair's message thread. The other person gets a notice without the content, once per unread batch.</summary>
public sealed class MessageBook(TandemDb db, TimeProvider clock, Notices notices, IStringLocalizer<MessagesText> t, IStringLocalizer<PairsText> pt)
{
    public const int PageSize = 25;

    public async Task<Outcome<Message>> SendAsync(int pairId, string me, MessageRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (string.IsNullOrWhiteSpace(r.Body)) return Errors.One(nameof(r.Body), t["Please write a message."]);
        if (r.Body.Length > Message.MaxBody) return Errors.One(nameof(r.Body), t["Please keep a message under {0} characters.", Message.MaxBody]);

        // One notice per unread batch: while earlier messages wait unread, the other person has already been told.
        var alreadyTold = await db.Messages.AnyAsync(m => m.PairId == pairId && m.SenderId == me && m.ReadAt == null, ct);
        var message = new Message { PairId = pairId, SenderId = me, Body = r.Body.Trim(), SentAt = clock.GetUtcNow().UtcDateTime };
        db.Messages.Add(message);
        if (!alreadyTold)
            await notices.AddAsync(NoticeKinds.MessageReceived, new Notice(pair.OtherId, $"/Messages/{pairId}", [NoticeArg.Name(await notices.NameAsync(me, ct))]), ct);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>A page of the thread, oldest first within the page; page 1 holds the newest messages. Opening it marks the other's messages read.</summary>
    public async Task<PageResponse<MessageResponse>?> ThreadAsync(int pairId, string me, int? page, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Messages.Where(m => m.PairId == pairId && m.SenderId != me && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        var newestFirst = await db.Messages.AsNoTracking().Where(m => m.PairId == pairId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Select(m => new MessageResponse(m.Id, m.SenderId, db.Profiles.Where(p => p.UserId == m.SenderId).Select(p => p.DisplayName).FirstOrDefault() ?? "",
                m.SenderId == me, m.Body, m.SentAt, m.ReadAt))
            .ToPageAsync(page, PageSize, ct);
        return newestFirst with { Items = newestFirst.Items.Reverse().ToList() };
    }
}
