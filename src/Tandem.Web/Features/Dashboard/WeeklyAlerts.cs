using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Dashboard;

/// <summary>
/// The optional weekly digest of the dashboard's alerts: each coordinator who chose it on the notification preferences
/// (it is off by default) gets, at most once every 7 days and only when there is something to look at, one notice
/// through the notice service, with the alerts written in their own language.
/// </summary>
public sealed class WeeklyAlertsJob(TandemDb db, ProgramDashboard dashboard, Notices notices, IStringLocalizer<DashboardText> t, TimeProvider clock)
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(7);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var kind = NoticeKinds.WeeklyAlerts;
        var since = clock.GetUtcNow().UtcDateTime - Every;
        // Instances poll at the same moment: the second waits here (PostgreSQL's lock; SQLite's BEGIN IMMEDIATE) and
        // then finds the first one's notices, so each coordinator gets one email a week however many instances run.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(92777440634222)", ct);
        var due = await (from p in db.NoticePreferences
                         join ur in db.UserRoles on p.UserId equals ur.UserId
                         join role in db.Roles on ur.RoleId equals role.Id
                         join u in db.Users on p.UserId equals u.Id
                         where p.Kind == kind.Key && p.Email != EmailChoice.Off && role.Name == Roles.Coordinator
                               && !db.Notifications.Any(n => n.UserId == p.UserId && n.Kind == kind.Key && n.CreatedAt > since)
                         select new { u.Id, u.Language }).AsNoTracking().ToListAsync(ct);
        if (due.Count == 0) return 0;

        var sent = 0;
        foreach (var language in due.GroupBy(d => Culture.Supported(d.Language) ?? Culture.English))
        {
            // Cohort names and alert lines in the readers' language: the alerts are read under that culture.
            var (before, beforeUi) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = Culture.Of(language.Key);
            try
            {
                var alerts = await dashboard.AlertsAsync(ct);
                if (alerts.Count == 0) continue;
                var lines = string.Join("\n", alerts.Select(a => "• " + a.Describe(t)));
                await notices.AddAsync(kind, language.Select(d => new Notice(d.Id, "/Dashboard", [NoticeArg.Number(alerts.Count), NoticeArg.Text(lines)])).ToList(), ct);
                sent += language.Count();
            }
            finally
            {
                (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (before, beforeUi);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sent;
    }
}

/// <summary>Runs <see cref="WeeklyAlertsJob"/> every <c>Notices:WeeklyAlertsPollMinutes</c> (default 60); the job itself keeps to once a week per person.</summary>
public sealed class WeeklyAlertsService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<WeeklyAlertsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Notices:WeeklyAlertsPollMinutes", 60))));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<WeeklyAlertsJob>().RunOnceAsync(stoppingToken);
                    if (sent > 0) logger.LogInformation("Weekly alerts: {Count} coordinators told", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Weekly alerts pass failed; the next pass retries");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
