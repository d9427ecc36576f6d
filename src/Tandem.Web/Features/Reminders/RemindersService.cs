namespace Tandem.Web.Features.Reminders;

/// <summary>
/// Runs <see cref="RemindersJob.RunOnceAsync"/> every few minutes (Reminders:IntervalMinutes, default 5;
/// Reminders:Enabled=false turns it off). The first pass waits one interval, so startup and migrations
/// come first. Several instances may run it at once: the job's claims keep every reminder single.
/// </summary>
public sealed class RemindersService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<RemindersService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Reminders:IntervalMinutes", 5)));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<RemindersJob>().RunOnceAsync(stoppingToken);
                    if (sent > 0) logger.LogInformation("Reminders: {Count} sent", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Reminders pass failed; the next pass retries");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
