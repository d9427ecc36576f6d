using System.Globalization;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <summary>Renders a notice's text and typed arguments in a given language and time zone.</summary>
public sealed class NoticeText(IStringLocalizer<NotificationsText> t)
{
    /// <summary>The closing line of every notice email.</summary>
    public const string Footer = "You receive this email because you take part in a Tandem mentoring program. To read Tandem and its emails in another language, choose it on your profile: {0}";

    /// <summary>How a time is written: {0} the local date and time, {1} the zone's name, {2} its offset from UTC.</summary>
    public const string TimeWithZone = "{0} ({1}, UTC{2})";

    public string Render(string key, IReadOnlyList<NoticeArg> args, CultureInfo culture, TimeZoneInfo zone) =>
        Culture.In(culture, () => t[key, args.Select(a => (object)Arg(a, culture, zone)).ToArray()].Value);

    private string Arg(NoticeArg arg, CultureInfo culture, TimeZoneInfo zone) => arg.Type switch
    {
        NoticeArgType.Time when DateTime.TryParse(arg.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var utc) => When(utc, culture, zone),
        NoticeArgType.Date when DateOnly.TryParseExact(arg.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("D", culture),
        NoticeArgType.Number when int.TryParse(arg.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n.ToString("N0", culture),
        NoticeArgType.Term => t[arg.Value],
        _ => arg.Value,
    };

    /// <summary>"Tuesday, March 3, 2026 10:00 AM (Asia/Shanghai, UTC+08:00)": local to the reader, with the zone named so nobody has to guess.</summary>
    private string When(DateTime utc, CultureInfo culture, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var offset = zone.GetUtcOffset(utc);
        var signed = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        // ICU puts a narrow no-break space before AM/PM; plain-text mail readers do better with a plain one.
        return t[TimeWithZone, local.ToString("f", culture).Replace('\u202F', ' '), zone.Id, signed];
    }
}
