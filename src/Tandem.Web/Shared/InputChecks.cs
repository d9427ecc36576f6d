using Microsoft.Extensions.Localization;

namespace Tandem.Web.Shared;

/// <summary>
/// Checks every feature's rules share, so a date or an enum is refused with the same words everywhere. A rule adds
/// them to its <see cref="Errors"/> and so answers through the shared outcome (a ValidationProblem, or form errors):
/// <code>
/// var errors = new Errors().Date(nameof(r.StartsAt), r.StartsAt, s).Defined(nameof(r.Status), r.Status, s);
/// </code>
/// <see cref="BadInput"/> uses the same character and enum tests at the edge of the API.
/// </summary>
public static class InputChecks
{
    /// <summary>The dates Tandem accepts: a program's past and future, not year 1 or 9999 (which break time-zone
    /// arithmetic and calendar files).</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const string NulMessage = "Text cannot contain NUL characters.";

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>A name to echo back in an error: control characters removed, at most 100 characters.</summary>
    public static string Printable(string name) => new(name.Where(c => !char.IsControl(c)).Take(100).ToArray());

    /// <summary>A path on this site ("/", "/Pairs/3?x=1"), as ASP.NET Core's <c>Url.IsLocalUrl</c> decides it: never
    /// "//host", "/\host" or a path with a control character (<c>/%09/evil.example</c> is "//evil.example" to a browser).</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl)));

    public static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), false)) return Enum.IsDefined(type, value);
        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0L, (bits, v) => bits | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~all) == 0;
    }

    public static bool InRange(DateTime value) => value >= Earliest && value < Latest;

    public static Errors Date(this Errors errors, string field, DateTimeOffset? value, IStringLocalizer<SharedText> s) =>
        value is { } v && !InRange(v.UtcDateTime) ? errors.Add(field, s["Please enter a date between 2000 and 2099."]) : errors;

    public static Errors Date(this Errors errors, string field, DateTime? value, IStringLocalizer<SharedText> s) =>
        value is { } v && !InRange(v) ? errors.Add(field, s["Please enter a date between 2000 and 2099."]) : errors;

    public static Errors Date(this Errors errors, string field, DateOnly? value, IStringLocalizer<SharedText> s) =>
        value is { } v && !InRange(v.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) ? errors.Add(field, s["Please enter a date between 2000 and 2099."]) : errors;

    /// <summary>An enum value that is one of its names (a form or a caller can send any number).</summary>
    public static Errors Defined<TEnum>(this Errors errors, string field, TEnum? value, IStringLocalizer<SharedText> s) where TEnum : struct, Enum =>
        value is { } v && !IsDefined(v) ? errors.Add(field, s["{0} is not one of the allowed values.", field]) : errors;
}
