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
        "es" => t["Spanish"],
        "fr" => t["French"],
        "de" => t["German"],
        "pt" => t["Portuguese"],
        "it" => t["Italian"],
        "nl" => t["Dutch"],
        "ru" => t["Russian"],
        "ar" => t["Arabic"],
        "hi" => t["Hindi"],
        "ja" => t["Japanese"],
        "ko" => t["Korean"],
        "vi" => t["Vietnamese"],
        "th" => t["Thai"],
        "id" => t["Indonesian"],
        "ms" => t["Malay"],
        "tr" => t["Turkish"],
        "pl" => t["Polish"],
        "sv" => t["Swedish"],
        _ => code,
    };

    /// <summary>The languages a profile chooses from (the API still takes any well-formed code, and a stored one stays offered).</summary>
    public static readonly IReadOnlyList<string> CommonLanguages = ["en", "zh", "es", "fr", "de", "pt", "it", "nl", "ru", "ar", "hi", "ja", "ko", "vi", "th", "id", "ms", "tr", "pl", "sv"];
}
