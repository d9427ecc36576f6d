using System.Globalization;
using System.Text.Json;

namespace Tandem.Web.Features.Notifications;

public enum NoticeArgType
{
    /// <summary>Shown as given (a cohort's or an event's name, an email address).</summary>
    Text,
    /// <summary>A person's display name.</summary>
    Name,
    /// <summary>A UTC instant, shown in the reader's time zone and language, with the zone named.</summary>
    Time,
    /// <summary>A calendar date, shown in the reader's language.</summary>
    Date,
    /// <summary>A whole number, shown in the reader's language.</summary>
    Number,
    /// <summary>An English key of NotificationsText, shown translated ("mentee" → "学员").</summary>
    Term,
}

/// <summary>
/// One argument of a notice's text. It is kept typed (not pre-rendered) because the same notice is read in the
/// app by the recipient in whatever language and zone they use at the time, and written into an email in the
/// language and zone they have chosen.
/// </summary>
public sealed record NoticeArg(NoticeArgType Type, string Value)
{
    public static NoticeArg Text(string value) => new(NoticeArgType.Text, value);
    public static NoticeArg Name(string value) => new(NoticeArgType.Name, value);
    public static NoticeArg Time(DateTime utc) => new(NoticeArgType.Time, DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
    public static NoticeArg Date(DateOnly date) => new(NoticeArgType.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    public static NoticeArg Number(int value) => new(NoticeArgType.Number, value.ToString(CultureInfo.InvariantCulture));
    public static NoticeArg Term(string key) => new(NoticeArgType.Term, key);

    /// <summary>The JSON stored with an in-app notification: [{"type":"Time","value":"2026-…Z"}, …].</summary>
    public static string Serialize(IReadOnlyList<NoticeArg> args) => JsonSerializer.Serialize(args, Json);

    /// <summary>Reads stored arguments; rows written before arguments were typed hold plain strings, read as text.</summary>
    public static IReadOnlyList<NoticeArg> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [];
            return doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                    ? Text(e.GetString() ?? "")
                    : e.Deserialize<NoticeArg>(Json) ?? Text(""))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter<NoticeArgType>() },
    };
}
