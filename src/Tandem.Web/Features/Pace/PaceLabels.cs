using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Pace;

public static class PaceLabels
{
    public static string Status(PaceStatus status, IStringLocalizer<PaceText> t) => status switch
    {
        PaceStatus.OnTrack => t["On track"],
        PaceStatus.Behind => t["Behind"],
        PaceStatus.AtRisk => t["At risk"],
        PaceStatus.Completed => t["Completed"],
        PaceStatus.BelowMinimum => t["Ended below the minimum"],
        _ => t["Closed early"],
    };

    public static string Badge(PaceStatus status) => status switch
    {
        PaceStatus.OnTrack => "text-bg-success",
        PaceStatus.Behind => "text-bg-warning",
        PaceStatus.AtRisk => "text-bg-danger",
        PaceStatus.Completed => "text-bg-primary",
        PaceStatus.BelowMinimum => "text-bg-dark",
        _ => "text-bg-secondary",
    };
}
