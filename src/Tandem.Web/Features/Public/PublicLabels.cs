using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Public;

/// <summary>Readable, translated names for the codes the public pages show (seniority levels, language codes).</summary>
public static class PublicLabels
{
    public static string Seniority(IStringLocalizer<PublicText> t, string? level) => level switch
    {
        null => "",
        "Entry" => t["Entry level"],
        "Junior" => t["Junior"],
        "MidManagement" => t["Mid-management"],
        "Senior" => t["Senior"],
        "Executive" => t["Executive (C-suite)"],
        _ => level,
    };

    public static string Language(IStringLocalizer<PublicText> t, string code) => code switch
    {
        "en" => t["English"],
        "zh" => t["Mandarin Chinese"],
        "yue" => t["Cantonese"],
        "fr" => t["French"],
        "de" => t["German"],
        "ja" => t["Japanese"],
        "ko" => t["Korean"],
        "es" => t["Spanish"],
        _ => code,
    };
}
