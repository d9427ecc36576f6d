using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tandem.Web.Shared;

/// <summary>
/// Validation errors by field, produced once by a feature's rules and shown either as form errors
/// (<see cref="AddTo"/>) or as an RFC 9457 ValidationProblem from the API.
/// </summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public Errors Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> ToDictionary() => byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    /// <summary>Adds the errors to a page's ModelState; field names are prefixed (e.g. "Input.").</summary>
    public void AddTo(ModelStateDictionary modelState, string prefix = "Input.")
    {
        foreach (var (field, messages) in byField)
            foreach (var message in messages)
                modelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
    }

    public static Errors One(string field, string message) => new Errors().Add(field, message);
}

/// <summary>The outcome of a write that can be refused by a business rule.</summary>
public readonly record struct Outcome<T>(T? Value, Errors? Refusal)
{
    public bool Ok => Refusal is null;
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Errors errors) => new(default, errors);
}
