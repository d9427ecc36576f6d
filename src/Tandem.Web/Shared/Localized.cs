using System.Globalization;

namespace Tandem.Web.Shared;

/// <summary>
/// Program content a coordinator writes in English with an optional Chinese version (a cohort's name, an event's
/// title): the Chinese UI shows the Chinese text when there is one and falls back to English.
/// </summary>
public static class Localized
{
    /// <summary>The text for the current UI culture (a request's, or the one <see cref="Culture.In{T}"/> set for an email).</summary>
    public static string Pick(string en, string? zh) => Pick(en, zh, CultureInfo.CurrentUICulture);

    public static string Pick(string en, string? zh, CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(zh) ? zh : en;

    /// <summary>An optional Chinese field from a form or request: trimmed, and null when empty.</summary>
    public static string? Clean(string? zh) => string.IsNullOrWhiteSpace(zh) ? null : zh.Trim();
}
