namespace Tandem.Web.Shared;

/// <summary>
/// Validation errors by field, produced once by a feature's rules. A rule returns them as a refused
/// <see cref="Outcome{T}"/>; <see cref="OutcomeApi"/> turns them into an RFC 9457 ValidationProblem and
/// <see cref="OutcomePages"/> into form errors. The empty field name means "the form as a whole".
/// </summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public IEnumerable<string> Fields => byField.Keys;

    /// <summary>Every message, field by field, for a summary.</summary>
    public IEnumerable<string> Messages => byField.Values.SelectMany(m => m);

    public IEnumerable<(string Field, string Message)> Each => byField.SelectMany(kv => kv.Value.Select(m => (kv.Key, m)));

    public Errors Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> ToDictionary() => byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public static Errors One(string field, string message) => new Errors().Add(field, message);
}
