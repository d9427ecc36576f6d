using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

/// <summary>Localized names for seniority levels and languages, used wherever a profile or track is shown.</summary>
public static class ProfileLabels
{
    public static string Seniority(Seniority level, IStringLocalizer<ProfilesText> t) => level switch
    {
        Shared.Seniority.Entry => t["Entry"],
        Shared.Seniority.Junior => t["Junior"],
        Shared.Seniority.MidManagement => t["Mid-management"],
        Shared.Seniority.Senior => t["Senior"],
        Shared.Seniority.Executive => t["Executive/C-suite"],
        _ => level.ToString(),
    };

    public static string Levels(SeniorityLevels levels, IStringLocalizer<ProfilesText> t) =>
        string.Join(", ", levels.Members().Select(l => Seniority(l, t)));

    public static string Language(string code, IStringLocalizer<ProfilesText> t) => code switch
    {
        "en" => t["English"],
        "zh" => t["Chinese"],
        _ => code,
    };

    /// <summary>The languages offered as checkboxes; any other code can be typed in.</summary>
    public static readonly IReadOnlyList<string> CommonLanguages = ["en", "zh"];
}
