using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;
using Tandem.Web.Shared.Email;

namespace Tandem.Web.Features.Notifications;

/// <summary>
/// Sends the queued notice emails through <see cref="IEmailSender"/>. Each row is claimed before it is sent: one
/// UPDATE stamps it with this pass's token and a lease, and only rows still unclaimed match it, so of several
/// senders (threads or instances on one database) exactly one sends each email. A failed send is tried again
/// later (1, 5, 30, 120 minutes) up to <c>Notices:MaxAttempts</c> (5) times, then marked failed with the error.
/// A sender that dies between sending and recording leaves its lease to expire, and the email is sent again:
/// SMTP cannot take part in the database's transaction, so at most that crash can duplicate one.
/// </summary>
public sealed class EmailQueue(TandemDb db, IEmailSender sender, TimeProvider clock, IConfiguration configuration, ILogger<EmailQueue> logger)
{
    public const int BatchSize = 50;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    private int MaxAttempts => Math.Max(1, configuration.GetValue("Notices:MaxAttempts", 5));

    /// <summary>Sends every email that is due; returns how many this call sent. Tests call it to deliver the queue.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (await ClaimAsync(ct) is { Count: > 0 } batch)
            foreach (var email in batch)
                if (await DeliverAsync(email, ct)) sent++;
        return sent;
    }

    private async Task<List<QueuedEmail>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.QueuedEmails.AsNoTracking()
            .Where(e => e.Status == EmailStatus.Queued && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return [];
        var token = Guid.NewGuid().ToString("N");
        // The claim: the condition is checked again by the UPDATE itself, so a row another sender claimed meanwhile is skipped.
        await db.QueuedEmails
            .Where(e => due.Contains(e.Id) && e.Status == EmailStatus.Queued && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimToken, token)
                .SetProperty(e => e.ClaimedUntil, now + Lease)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        var mine = await db.QueuedEmails.AsNoTracking().Where(e => e.ClaimToken == token).OrderBy(e => e.Id).ToListAsync(ct);
        // Everything due was taken by others: look again (the next query no longer sees their rows).
        return mine.Count > 0 ? mine : await ClaimAsync(ct);
    }

    private async Task<bool> DeliverAsync(QueuedEmail email, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(new EmailMessage(email.To, email.Subject, email.Body), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = email.Attempts >= MaxAttempts;
            var retryAt = clock.GetUtcNow().UtcDateTime + Backoff[Math.Min(email.Attempts, Backoff.Length) - 1];
            var error = $"{ex.GetType().Name}: {ex.Message}";
            await Mine(email).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, failed ? EmailStatus.Failed : EmailStatus.Queued)
                .SetProperty(e => e.NextAttemptAt, retryAt)
                .SetProperty(e => e.ClaimedUntil, (DateTime?)null)
                .SetProperty(e => e.LastError, error.Length > 1000 ? error[..1000] : error), CancellationToken.None);
            if (failed) logger.LogError(ex, "Email {Id} ({Kind}) to user {User} failed {Attempts} times; giving up", email.Id, email.Kind, email.UserId, email.Attempts);
            else logger.LogWarning(ex, "Email {Id} ({Kind}) to user {User} failed (attempt {Attempts}); retrying at {RetryAt:u}", email.Id, email.Kind, email.UserId, email.Attempts, retryAt);
            return false;
        }
        // Recorded even if the pass is being cancelled: the email is out, and must not go out twice.
        await Mine(email).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EmailStatus.Sent)
            .SetProperty(e => e.SentAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(e => e.ClaimedUntil, (DateTime?)null)
            .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    private IQueryable<QueuedEmail> Mine(QueuedEmail email) => db.QueuedEmails.Where(e => e.Id == email.Id && e.ClaimToken == email.ClaimToken);
}

/// <summary>Wakes this instance's sender when a request has just queued emails, so they need not wait for the next poll.</summary>
public sealed class EmailQueueSignal : WakeSignal;

/// <summary>
/// Delivers the queue in the background: at start, whenever a request on this instance queues emails, and every
/// <c>Notices:PollSeconds</c> (30) for what other instances queued or a retry made due. <c>Notices:SendEmails=false</c>
/// turns it off (the tests deliver the queue themselves with <see cref="EmailQueue.DeliverDueAsync"/>).
/// </summary>
public sealed class EmailQueueService(IServiceScopeFactory scopes, EmailQueueSignal signal, IConfiguration configuration, ILogger<EmailQueueService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Notices:SendEmails", true)) return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Notices:PollSeconds", 30)));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<EmailQueue>().DeliverDueAsync(stoppingToken);
                    if (sent > 0) logger.LogInformation("Notice emails: {Count} sent", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Sending queued emails failed; the next pass retries");
                }
                await signal.WaitAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
