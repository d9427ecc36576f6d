using System.Text;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <summary>One notice to one person.</summary>
/// <param name="Link">Where it leads, relative ("/Meetings/12"); emails get it absolute.</param>
/// <param name="Note">Words a person adds for the recipient (a coordinator's reason), emailed under the kind's <see cref="NoticeKind.NoteLabel"/>.
/// Never a pair's private content.</param>
public sealed record Notice(string UserId, string Link, IReadOnlyList<NoticeArg> Args, string? Note = null);

/// <summary>
/// The one way Tandem tells a person something: an in-app notification and, when the kind emails, a queued email in
/// the recipient's language and time zone with an absolute link. Both are only added to the context: the caller's
/// SaveChanges commits them together with the change that caused them, or neither. <see cref="EmailQueueService"/>
/// sends the email afterwards.
/// </summary>
/// <remarks>
/// The email is rendered now rather than at send time: the row then holds exactly what the person receives (a
/// retry sends the same words, and the record of what was sent is the text itself), and the sender needs no
/// localization. A language changed in the seconds between queueing and sending is the cost.
/// </remarks>
public sealed class Notices(TandemDb db, NoticeText text, PublicAddress site, TimeProvider clock, EmailQueueSignal signal)
{
    private bool wakesSender;

    public Task<int> AddAsync(NoticeKind kind, Notice notice, CancellationToken ct) => AddAsync(kind, [notice], ct);

    /// <summary>Adds the notices (the caller saves); returns how many emails were queued.</summary>
    public async Task<int> AddAsync(NoticeKind kind, IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = kind.CanEmail ? await RecipientsAsync(kind, notices.Select(n => n.UserId).Distinct().ToList(), ct) : [];
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var queued = 0;
        foreach (var notice in notices)
        {
            db.Notifications.Add(new Notification
            {
                UserId = notice.UserId, Kind = kind.Key, Text = kind.InApp, Args = NoticeArg.Serialize(notice.Args), Link = notice.Link, CreatedAt = now,
            });
            // The person's choice for this kind (else its default): a digest gathers the in-app line tomorrow (NoticeDigestJob).
            if (!recipients.TryGetValue(notice.UserId, out var to) || string.IsNullOrEmpty(to.Email) || kind.ChoiceOf(to.Choice) != EmailChoice.Immediately) continue;
            var culture = Culture.Of(to.Language);
            var zone = to.TimeZone is null ? TimeZones.Fallback : zones.TryGetValue(to.TimeZone, out var z) ? z : zones[to.TimeZone] = TimeZones.Find(to.TimeZone);
            db.QueuedEmails.Add(new QueuedEmail
            {
                UserId = notice.UserId, To = to.Email, Kind = kind.Key,
                Subject = Clip(OneLine(text.Render(kind.Subject!, notice.Args, culture, zone)), 400),
                Body = Clip(Body(kind, notice, culture, zone), 8000),
                Status = EmailStatus.Queued, CreatedAt = now, NextAttemptAt = now,
            });
            queued++;
        }
        if (queued > 0 && !wakesSender)
        {
            // Once the caller's save has committed the rows, this instance's sender need not wait for its next poll
            // (inside a caller's own transaction the wake comes too early, and the poll finds them).
            db.SavedChanges += (_, _) => signal.Wake();
            wakesSender = true;
        }
        return queued;
    }

    /// <summary>
    /// Saves the pending change, then the notices <paramref name="addNotices"/> adds (which may link to the change's new
    /// id), in one transaction: the change and its notices are committed together or not at all.
    /// </summary>
    public async Task SaveWithAsync(Func<Task> addNotices, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await addNotices();
        await db.SaveChangesAsync(ct);
        if (tx is null) return;
        await tx.CommitAsync(ct);
        // The wake on save came before the commit, when the sender could not see the rows yet.
        signal.Wake();
    }

    /// <summary>A person's display name for a <see cref="NoticeArg.Name"/> argument (their email when they have no profile).</summary>
    public async Task<string> NameAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => db.Profiles.Where(p => p.UserId == u.Id).Select(p => p.DisplayName).FirstOrDefault() ?? u.Email)
            .SingleOrDefaultAsync(ct) ?? "";

    private string Body(NoticeKind kind, Notice notice, System.Globalization.CultureInfo culture, TimeZoneInfo zone)
    {
        var body = new StringBuilder(text.Render(kind.Body!, notice.Args, culture, zone));
        if (!string.IsNullOrWhiteSpace(notice.Note) && kind.NoteLabel is not null)
            body.Append("\n\n").Append(text.Render(kind.NoteLabel, [], culture, zone)).Append('\n').Append(notice.Note.Trim());
        body.Append("\n\n").Append(site.Absolute(notice.Link));
        body.Append("\n\n-- \n").Append(text.Render(NoticeText.Footer, [NoticeArg.Text(site.Absolute("/Profiles/Edit#language"))], culture, zone));
        return body.ToString();
    }

    private sealed record Recipient(string Id, string? Email, string? Language, string? TimeZone, EmailChoice? Choice);

    private async Task<Dictionary<string, Recipient>> RecipientsAsync(NoticeKind kind, List<string> ids, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email, u.Language, db.Profiles.Where(p => p.UserId == u.Id).Select(p => p.TimeZone).FirstOrDefault(),
                db.NoticePreferences.Where(p => p.UserId == u.Id && p.Kind == kind.Key).Select(p => (EmailChoice?)p.Email).FirstOrDefault()))
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
