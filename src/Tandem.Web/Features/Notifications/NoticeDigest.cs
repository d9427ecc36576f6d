using System.Text;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <summary>
/// The daily digest: for each person who chose it for some kinds, one email a day listing those notices (their in-app
/// lines, in the person's language and zone, with absolute links) since the last digest. It goes out at the person's own
/// morning hour (<c>Notices:DigestHour</c>, default 8, in their profile's zone, else the program's): a person in Shanghai
/// and one in New York each find it with their morning mail, not at one UTC hour. Each digest is claimed by
/// moving the person's <see cref="NoticeDigest.LastSentAt"/> in the same transaction that queues the email, so of
/// several instances exactly one sends it, and a failed pass leaves it for the next.
/// </summary>
public sealed class NoticeDigestJob(TandemDb db, NoticeText text, PublicAddress site, TimeProvider clock, EmailQueueSignal signal, IConfiguration configuration)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);
    public const int DefaultHour = 8;
    public const string Kind = "digest";
    public const string Subject = "Your Tandem digest: {0} notices";
    public const string Intro = "Here is what happened in Tandem since your last digest:";
    public const string Settings = "Choose which notices you receive and how: {0}";

    /// <summary>Queues the digests that are due; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await db.NoticePreferences.AsNoTracking().Where(p => p.Email == EmailChoice.DailyDigest).Select(p => p.UserId).Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var userId in people)
            if (await DigestAsync(userId, now, ct)) queued++;
        if (queued > 0) signal.Wake();
        return queued;
    }

    /// <summary>Today's digest hour in the person's zone, as UTC; null while it is still earlier in their day.</summary>
    private DateTime? MorningOf(DateTime now, TimeZoneInfo zone)
    {
        var hour = Math.Clamp(configuration.GetValue("Notices:DigestHour", DefaultHour), 0, 23);
        var local = TimeZones.ToLocal(now, zone);
        if (local.Hour < hour) return null;
        var morning = local.Date.AddHours(hour);
        // A morning skipped by a daylight-saving jump starts at the first valid local time after it.
        while (zone.IsInvalidTime(morning)) morning = morning.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(morning, DateTimeKind.Unspecified), zone);
    }

    private async Task<bool> DigestAsync(string userId, DateTime now, CancellationToken ct)
    {
        var last = await db.NoticeDigests.AsNoTracking().Where(d => d.UserId == userId).Select(d => (DateTime?)d.LastSentAt).SingleOrDefaultAsync(ct);
        var to = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Language, Zone = db.Profiles.Where(p => p.UserId == u.Id).Select(p => p.TimeZone).FirstOrDefault() }).SingleAsync(ct);
        var zone = to.Zone is null ? TimeZones.Fallback : TimeZones.Find(to.Zone);
        if (MorningOf(now, zone) is not { } morning || last >= morning) return false;
        var kinds = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId && p.Email == EmailChoice.DailyDigest).Select(p => p.Kind).ToListAsync(ct);
        var since = last ?? morning - Every;
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && kinds.Contains(n.Kind) && n.CreatedAt > since && n.CreatedAt <= now)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Take(100).ToListAsync(ct);
        if (items.Count == 0) return false;
        if (string.IsNullOrEmpty(to.Email)) return false;
        var culture = Culture.Of(to.Language);

        var body = new StringBuilder(text.Render(Intro, [], culture, zone)).Append("\n\n");
        foreach (var n in items)
        {
            body.Append("- ").Append(text.Render(n.Text, NoticeArg.Parse(n.Args), culture, zone).ReplaceLineEndings(" "));
            if (n.Link is not null) body.Append("\n  ").Append(site.Absolute(n.Link));
            body.Append('\n');
        }
        body.Append('\n').Append(text.Render(Settings, [NoticeArg.Text(site.Absolute("/Notifications/Preferences"))], culture, zone));
        body.Append("\n\n-- \n").Append(text.Render(NoticeText.Footer, [NoticeArg.Text(site.Absolute("/Profiles/Edit#language"))], culture, zone));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (last is null)
                db.NoticeDigests.Add(new NoticeDigest { UserId = userId, LastSentAt = now });
            else if (await db.NoticeDigests.Where(d => d.UserId == userId && d.LastSentAt == last).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSentAt, now), ct) == 0)
                return false;  // another instance sent it
            db.QueuedEmails.Add(new QueuedEmail
            {
                UserId = userId, To = to.Email, Kind = Kind,
                Subject = text.Render(Subject, [NoticeArg.Number(items.Count)], culture, zone),
                Body = body.Length <= 8000 ? body.ToString() : body.ToString(0, 7999) + "…",
                Status = EmailStatus.Queued, CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the first claim at the same moment: its digest goes out.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Runs the digest job every <c>Notices:DigestPollMinutes</c> (default 30); each person gets at most one digest a day.</summary>
public sealed class NoticeDigestService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<NoticeDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Notices:DigestPollMinutes", 30))));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var queued = await scope.ServiceProvider.GetRequiredService<NoticeDigestJob>().RunOnceAsync(stoppingToken);
                    if (queued > 0) logger.LogInformation("Notice digests: {Count} queued", queued);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Notice digest pass failed; the next pass retries");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
