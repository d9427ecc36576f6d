using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Audit;

/// <summary>Marker for the Audit pages' strings: Resources/Features/Audit/AuditText.zh-Hans.resx.</summary>
public sealed class AuditText;

public static class AuditLabels
{
    public static string Action(string action, IStringLocalizer<AuditText> t) => action switch
    {
        AuditActions.ApplicationDecided => t["Application decided"],
        AuditActions.CohortMoved => t["Cohort status changed"],
        AuditActions.MatchingPublished => t["Matching published"],
        AuditActions.PairLocked => t["Pair locked"],
        AuditActions.PairForbidden => t["Pair forbidden"],
        AuditActions.RuleRemoved => t["Lock or forbid removed"],
        AuditActions.PairsSwapped => t["Mentors swapped"],
        AuditActions.PairRepaired => t["Mentee re-paired"],
        AuditActions.PairClosedEarly => t["Pair closed early"],
        AuditActions.Imported => t["Import"],
        AuditActions.ProgramChanged => t["Program settings changed"],
        AuditActions.TrackSaved => t["Track saved"],
        AuditActions.MatchSettingsChanged => t["Matching settings changed"],
        _ => action,
    };
}
