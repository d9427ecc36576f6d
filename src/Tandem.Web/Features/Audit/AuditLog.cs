using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Audit;

/// <summary>The actions the log records (stored as these keys; <see cref="AuditLabels"/> names them in each language).</summary>
public static class AuditActions
{
    public const string ApplicationDecided = "application.decided";
    public const string CohortMoved = "cohort.moved";
    public const string MatchingPublished = "matching.published";
    public const string PairLocked = "matching.locked";
    public const string PairForbidden = "matching.forbidden";
    public const string RuleRemoved = "matching.rule-removed";
    public const string PairsSwapped = "matching.swapped";
    public const string PairRepaired = "pair.repaired";
    public const string PairClosedEarly = "pair.closed-early";
    public const string Imported = "import.done";
    public const string ProgramChanged = "program.changed";
    public const string TrackSaved = "program.track-saved";
    public const string MatchSettingsChanged = "program.match-settings";

    public static readonly IReadOnlyList<string> All =
    [
        ApplicationDecided, CohortMoved, MatchingPublished, PairLocked, PairForbidden, RuleRemoved, PairsSwapped,
        PairRepaired, PairClosedEarly, Imported, ProgramChanged, TrackSaved, MatchSettingsChanged,
    ];
}

/// <summary>
/// Writes an audit entry into the caller's unit of work: the entry is added to the same <see cref="TandemDb"/> before the
/// action's own SaveChanges, so it is saved (or rolled back) with the action, never without it. The actor is the
/// signed-in user of the request.
/// </summary>
public sealed class AuditLog(TandemDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxSummary = 300;

    public void Add(string action, string targetType, object? targetId, int? cohortId, string summary)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = http.HttpContext?.User.IdOrNull(),
            Action = action,
            TargetType = targetType,
            TargetId = targetId is null ? null : Convert.ToString(targetId, System.Globalization.CultureInfo.InvariantCulture),
            CohortId = cohortId,
            Summary = summary.Length > MaxSummary ? summary[..MaxSummary] : summary,
        });
    }
}
