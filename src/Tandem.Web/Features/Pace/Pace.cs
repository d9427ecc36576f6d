using System.Text.Json.Serialization;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Pace;

[JsonConverter(typeof(JsonStringEnumConverter<PaceStatus>))]
public enum PaceStatus
{
    OnTrack = 0,
    Behind = 1,
    AtRisk = 2,
    Completed = 3,
    ClosedEarly = 4,
    /// <summary>The cohort ended before the pair held the minimum number of meetings.</summary>
    BelowMinimum = 5,
}

/// <summary>What pace needs to know about one pair (engagement facts, never content).</summary>
/// <param name="LastContactAt">The latest contact between the two that is not a held meeting (UTC), if any.</param>
public sealed record PaceFacts(
    PairStatus Status, DateOnly CohortStartsOn, DateOnly CohortEndsOn, DateTime PublishedAt,
    int Held, DateTime? LastHeldAt, DateTime? LastContactAt);

/// <param name="Expected">Meetings expected by now.</param>
/// <param name="NotMetYet">Active, no held meeting, and the pair's first 4 weeks are over.</param>
public sealed record PaceResult(PaceStatus Status, bool NotMetYet, int Expected, int Held, int Minimum, int DaysLeft);

/// <summary>
/// Where an active pair stands against the cohort calendar and the program's minimum number of meetings
/// (the rules are also in docs/pace.md):
/// <list type="bullet">
/// <item>The pair's period runs from the cohort's start (or the pair's publication, when later — a re-paired
/// mentee) to the end of the cohort's last day. Elapsed and total are counted in whole days.</item>
/// <item><b>Expected by now</b> = ceil(minimum × elapsed ÷ total), in integers: (minimum·elapsed + total − 1) div total.
/// So the first meeting is expected as soon as the period has begun, the second after a third of it, and so on.</item>
/// <item><b>Behind</b>: held meetings &lt; expected.</item>
/// <item><b>At risk</b>: behind by 2 or more; or neither a held meeting nor any other contact in the last
/// 6 weeks (counting from the period's start when there was none); or fewer days left than 2 weeks per
/// meeting still missing.</item>
/// <item><b>Not met yet</b>: no held meeting once the first 4 weeks are over (a flag next to the status).</item>
/// <item>Closed pairs show their closed state (Completed, BelowMinimum, ClosedEarly) and are never behind or at risk.</item>
/// </list>
/// Only meetings with status Held count.
/// </summary>
public sealed class PaceRules(TimeProvider clock)
{
    public static readonly TimeSpan Silence = TimeSpan.FromDays(42);
    public static readonly TimeSpan FirstMeetingWindow = TimeSpan.FromDays(28);
    public const int DaysPerMissingMeeting = 14;

    public PaceResult Evaluate(PaceFacts facts, int minimum) => Evaluate(facts, minimum, clock.GetUtcNow().UtcDateTime);

    public static PaceResult Evaluate(PaceFacts f, int minimum, DateTime now)
    {
        var start = Start(f);
        var end = f.CohortEndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var total = Math.Max(1, (int)(end - start).TotalDays);
        var elapsed = Math.Clamp((int)Math.Floor((now - start).TotalDays), 0, total);
        var expected = (minimum * elapsed + total - 1) / total;
        var daysLeft = (int)Math.Floor((end - now).TotalDays);

        if (f.Status == PairStatus.Completed) return new(PaceStatus.Completed, false, expected, f.Held, minimum, daysLeft);
        if (f.Status == PairStatus.ClosedEarly) return new(PaceStatus.ClosedEarly, false, expected, f.Held, minimum, daysLeft);
        if (f.Status == PairStatus.BelowMinimum) return new(PaceStatus.BelowMinimum, false, expected, f.Held, minimum, daysLeft);

        var started = now >= start;
        var notMetYet = f.Held == 0 && now - start >= FirstMeetingWindow;
        var missing = minimum - f.Held;
        var lastSign = Max(Max(f.LastHeldAt, f.LastContactAt), start);
        var atRisk = started && (
            expected - f.Held >= 2
            || now - lastSign >= Silence
            || (missing > 0 && (end - now).TotalDays < DaysPerMissingMeeting * missing));
        var status = atRisk ? PaceStatus.AtRisk : f.Held < expected ? PaceStatus.Behind : PaceStatus.OnTrack;
        return new(status, notMetYet, expected, f.Held, minimum, daysLeft);
    }

    /// <summary>The start of the pair's period: the cohort's start, or the publication when later.</summary>
    public static DateTime Start(PaceFacts f)
    {
        var cohortStart = f.CohortStartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return f.PublishedAt > cohortStart ? DateTime.SpecifyKind(f.PublishedAt, DateTimeKind.Utc) : cohortStart;
    }

    private static DateTime Max(DateTime? a, DateTime? b) =>
        a is null ? b ?? DateTime.MinValue : b is null ? a.Value : a.Value > b.Value ? a.Value : b.Value;
}
