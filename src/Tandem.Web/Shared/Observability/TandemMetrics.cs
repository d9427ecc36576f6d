using System.Diagnostics.Metrics;

namespace Tandem.Web.Shared.Observability;

/// <summary>
/// Tandem's own counters, exported on /metrics next to the ASP.NET Core, database and runtime meters. Static so that a
/// feature counts with one line; OpenTelemetry listens to meters by name, so a DI-made meter would not be any more
/// isolated.
/// </summary>
public static class TandemMetrics
{
    public const string MeterName = "Tandem";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Emails handed to the SMTP relay or written to the pickup folder; tag <c>tandem.email.delivery</c> says which.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("tandem.emails.sent", "{email}", "Emails sent (relayed over SMTP or written to the pickup folder).");

    /// <summary>Reminders claimed and sent by the reminders job (one per reminder, whatever its number of recipients).</summary>
    public static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>("tandem.reminders.sent", "{reminder}", "Reminders sent by the reminders job.");

    /// <summary>Times the matching engine matched a whole cohort (a coordinator's run or a re-run after a lock, forbid or swap).</summary>
    public static readonly Counter<long> MatchingRuns = Meter.CreateCounter<long>("tandem.matching.runs", "{run}", "Matching runs over a whole cohort.");
}
