namespace Tandem.Web.Shared;

/// <summary>
/// Short lists (languages, tags, interests) are stored as one delimited column, ",a,b,", so that
/// "has tag x" is a plain LIKE '%,x,%' on SQLite and PostgreSQL alike. EF's primitive collections
/// (JSON columns) would now work on both too; moving to them means a data migration of every list
/// column for no measurable gain at a program's size, so the format stays.
/// </summary>
public static class TagList
{
    public static string Format(IEnumerable<string>? items)
    {
        var clean = Normalize(items);
        return clean.Count == 0 ? "" : "," + string.Join(',', clean) + ",";
    }

    public static IReadOnlyList<string> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits user input on commas, semicolons, Chinese commas and new lines.</summary>
    public static IReadOnlyList<string> FromInput(string? input) =>
        Normalize(input?.Split([',', ';', '，', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    public static string ToInput(string? stored) => string.Join(", ", Parse(stored));

    /// <summary>The LIKE pattern matching rows whose list contains <paramref name="item"/>.</summary>
    public static string Pattern(string item) => "%," + Clean(item) + ",%";

    private static List<string> Normalize(IEnumerable<string>? items) =>
        items is null ? [] : items.Select(Clean).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Clean(string s) => s.Replace(",", " ").Trim().ToLowerInvariant();
}
