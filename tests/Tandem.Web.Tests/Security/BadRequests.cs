using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Web.Tests.Security;

/// <summary>One generated request: what to send and a line that says what was wrong with it.</summary>
public sealed record BadRequest(string Method, string Url, string? Body, string ContentType, string What);

/// <summary>An API write route of the OpenAPI document: method, path template and who may call it.</summary>
public sealed record WriteRoute(string Method, string Path, string Caller, JsonElement Operation);

/// <summary>
/// Reads the app's OpenAPI document and generates bad requests for each write route: a well-formed baseline body
/// (built from the request schema), then the body broken as a whole (not JSON, truncated, too deep, the wrong
/// content type) and one field at a time (null, the wrong type, a NUL character, an overlong or broken string, an
/// enum value out of range, dates in year 1 and 9999, ids that point at nothing, huge numbers), plus bad query
/// values and path ids. Deterministic: the same document gives the same requests.
/// </summary>
public sealed class BadRequests(JsonElement document)
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    public IEnumerable<WriteRoute> WriteRoutes() => RoutesOf(WriteMethods);

    /// <summary>The GET routes: bad query values and path ids must be a 4xx there too.</summary>
    public IEnumerable<WriteRoute> ReadRoutes() => RoutesOf(["get"]);

    private IEnumerable<WriteRoute> RoutesOf(string[] methods)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject().Where(o => methods.Contains(o.Name)))
        {
            var description = op.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            var caller = description.Contains("**Who may call:** coordinators", StringComparison.Ordinal) ? "coordinator"
                : description.Contains("**Who may call:** anyone", StringComparison.Ordinal) ? "anyone" : "member";
            yield return new WriteRoute(op.Name.ToUpperInvariant(), path.Name, caller, op.Value);
        }
    }

    /// <summary>The bad requests for one route; <paramref name="ids"/> gives a real id for each path parameter.</summary>
    public IEnumerable<BadRequest> For(WriteRoute route, Func<string, string, int> ids)
    {
        var parameters = route.Operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
        var pathValues = parameters.Where(p => p.GetProperty("in").GetString() == "path")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => ids(route.Path, p.GetProperty("name").GetString()!).ToString(CultureInfo.InvariantCulture));
        var queries = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        string Url(Dictionary<string, string>? path = null, string? query = null)
        {
            var url = route.Path;
            foreach (var (name, value) in path ?? pathValues) url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
            return query is null ? url : url + "?" + query;
        }

        var schema = BodySchema(route.Operation);
        var baseline = schema is null ? null : Baseline(schema.Value, "", 0);
        var body = baseline?.ToJsonString();
        const string json = "application/json";

        // The path: ids that point at nothing, or are not ids at all.
        foreach (var name in pathValues.Keys)
        foreach (var bad in new[] { "0", "-1", "999999999", "2147483648", "abc" })
            yield return new(route.Method, Url(new(pathValues) { [name] = bad }), body, json, $"path {name}={bad}");

        // The query: values that do not parse or make no sense.
        foreach (var name in queries)
        foreach (var bad in new[] { "abc", "-1", "99999999999999999999", "%00", Uri.EscapeDataString(new string('x', 5000)), "1%2C2" })
            yield return new(route.Method, Url(query: $"{name}={bad}"), body, json, $"query {name}={bad}");

        if (schema is null)
        {
            // No body is expected: send one anyway, and the bare request.
            yield return new(route.Method, Url(), null, json, "no body");
            yield return new(route.Method, Url(), "not json", json, "an unexpected body");
            yield break;
        }

        // The body as a whole.
        foreach (var (text, what) in new[]
                 {
                     ("not json", "not JSON"), ("", "an empty body"), ("null", "null"), ("[]", "an array"), ("{", "truncated JSON"),
                     ("{\"a\":}", "a missing value"), ("123", "a number"), ("\"text\"", "a string"), ("{}", "an empty object"),
                     (new string('[', 300) + new string(']', 300), "300 levels of nesting"), ("{\"a\":\"\\u0000\"}", "an unknown field with NUL"),
                     (body! + " trailing", "trailing text"), ("\uFEFF" + body, "a byte order mark"),
                 })
            yield return new(route.Method, Url(), text, json, "body: " + what);
        yield return new(route.Method, Url(), body, "text/plain", "content type text/plain");
        yield return new(route.Method, Url(), body, "application/x-www-form-urlencoded", "content type form");

        // One field at a time (nested objects and array items too).
        foreach (var (pointer, fieldSchema) in Fields(schema.Value, []))
        foreach (var (value, what) in Breakers(fieldSchema, pointer.Count > 0 ? pointer[^1] : ""))
        {
            var broken = baseline!.DeepClone();
            Set(broken, pointer, value);
            yield return new(route.Method, Url(), broken.ToJsonString(), json, $"{string.Join('.', pointer)}: {what}");
        }
    }

    /// <summary>The values that break a field of this schema.</summary>
    private IEnumerable<(JsonNode? Value, string What)> Breakers(JsonElement schema, string name)
    {
        var s = Resolve(schema);
        var types = Types(s);
        yield return (null, "null");
        yield return (JsonValue.Create("a\u0000b"), "a NUL character");
        yield return (new JsonObject(), "an object");
        if (IsEnum(s, out _))
        {
            yield return (-1, "enum -1");
            yield return (123, "enum 123");
            yield return (JsonValue.Create("NotAValue"), "an unknown enum name");
            yield return (2.5, "a fraction for an enum");
            yield break;
        }
        var format = s.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("string") && format is "date-time" or "date")
        {
            foreach (var d in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01", "9999-12-31", "2026-02-30", "0001-01-01T00:00:00+14:00", "tomorrow" })
                yield return (JsonValue.Create(d), "date " + d);
            yield break;
        }
        if (types.Contains("integer"))
        {
            foreach (var n in new JsonNode?[] { -1, 0, 999999, 2147483647, JsonValue.Create(2147483648L), JsonValue.Create(1.5), JsonValue.Create("abc"), JsonValue.Create("") })
                yield return (n, "number " + n?.ToJsonString());
            yield break;
        }
        if (types.Contains("number"))
        {
            foreach (var n in new JsonNode?[] { -1, JsonValue.Create(1e308), JsonValue.Create("NaN"), JsonValue.Create("Infinity"), JsonValue.Create("abc") })
                yield return (n, "number " + n?.ToJsonString());
            yield break;
        }
        if (types.Contains("boolean"))
        {
            yield return (JsonValue.Create("yes"), "a string for a boolean");
            yield return (2, "a number for a boolean");
            yield break;
        }
        if (types.Contains("array"))
        {
            yield return (JsonValue.Create("x"), "a string for an array");
            yield return (new JsonArray(JsonValue.Create((string?)null)), "an array of null");
            yield return (new JsonArray(JsonValue.Create("\u0000")), "an array with a NUL string");
            yield return (new JsonArray(Enumerable.Range(0, 2000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()), "2000 items");
            yield break;
        }
        if (types.Contains("string"))
        {
            yield return (12345, "a number for a string");
            yield return (JsonValue.Create(new string('x', 20000)), "20000 characters");
            yield return (JsonValue.Create("\ud800 lone surrogate"), "a lone surrogate");
            yield return (JsonValue.Create("   "), "only spaces");
            if (name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("link", StringComparison.OrdinalIgnoreCase))
                yield return (JsonValue.Create("javascript:alert(1)"), "a javascript: address");
            if (name.Contains("email", StringComparison.OrdinalIgnoreCase))
                yield return (JsonValue.Create("not-an-email"), "not an email address");
            if (name.EndsWith("Id", StringComparison.Ordinal))
                yield return (JsonValue.Create("no-such-id"), "an id that points at nothing");
        }
    }

    /// <summary>Every field worth breaking: top-level properties, nested objects' properties and the first array item's.</summary>
    private IEnumerable<(List<string> Pointer, JsonElement Schema)> Fields(JsonElement schema, List<string> at)
    {
        var s = Resolve(schema);
        if (at.Count > 3) yield break;
        if (s.TryGetProperty("properties", out var properties))
        {
            foreach (var p in properties.EnumerateObject())
            {
                var here = new List<string>(at) { p.Name };
                yield return (here, p.Value);
                var inner = Resolve(p.Value);
                if (inner.TryGetProperty("properties", out _)) foreach (var x in Fields(p.Value, here)) yield return x;
                else if (inner.TryGetProperty("items", out var items) && Resolve(items).TryGetProperty("properties", out _))
                    foreach (var x in Fields(items, [.. here, "0"])) yield return x;
            }
        }
    }

    private static void Set(JsonNode root, List<string> pointer, JsonNode? value)
    {
        var node = root;
        for (var i = 0; i < pointer.Count - 1; i++)
            node = node is JsonArray a ? a[int.Parse(pointer[i], CultureInfo.InvariantCulture)]! : node[pointer[i]]!;
        if (node is JsonArray array) array[int.Parse(pointer[^1], CultureInfo.InvariantCulture)] = value;
        else node[pointer[^1]] = value;
    }

    /// <summary>A plausible value for every field, so that one broken field is what the rule meets.</summary>
    private JsonNode? Baseline(JsonElement schema, string name, int depth)
    {
        var s = Resolve(schema);
        if (IsEnum(s, out var first)) return JsonValue.Create(first);
        var types = Types(s);
        if (s.TryGetProperty("properties", out var properties))
        {
            var obj = new JsonObject();
            if (depth < 4) foreach (var p in properties.EnumerateObject()) obj[p.Name] = Baseline(p.Value, p.Name, depth + 1);
            return obj;
        }
        if (types.Contains("array"))
            return s.TryGetProperty("items", out var items) && depth < 4 ? new JsonArray(Baseline(items, name, depth + 1)) : new JsonArray();
        var format = s.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 1.5;
        if (types.Contains("boolean")) return false;
        if (format == "date-time") return JsonValue.Create(DateTimeOffset.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd'T'10:00:00'Z'", CultureInfo.InvariantCulture));
        if (format == "date") return JsonValue.Create(DateTimeOffset.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (name.Contains("email", StringComparison.OrdinalIgnoreCase)) return JsonValue.Create("fuzz@example.com");
        if (name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("link", StringComparison.OrdinalIgnoreCase))
            return JsonValue.Create("https://example.com/fuzz");
        return JsonValue.Create("Fuzz text");
    }

    private static JsonElement? BodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema") : null;

    /// <summary>Follows a $ref, and picks the non-null alternative of a oneOf/anyOf.</summary>
    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema.TryGetProperty("$ref", out var r))
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(r.GetString()!["#/components/schemas/".Length..]);
            else if (schema.TryGetProperty("oneOf", out var one) || schema.TryGetProperty("anyOf", out one))
                schema = one.EnumerateArray().FirstOrDefault(x => !(x.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            else break;
        }
        return schema;
    }

    private static bool IsEnum(JsonElement s, out string first)
    {
        first = "";
        if (!s.TryGetProperty("enum", out var values)) return false;
        first = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null) ?? "";
        return first.Length > 0;
    }

    private static HashSet<string> Types(JsonElement s) =>
        !s.TryGetProperty("type", out var t) ? []
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToHashSet()
        : [t.GetString()!];

    /// <summary>The request as an HttpRequestMessage.</summary>
    public static HttpRequestMessage Message(BadRequest r)
    {
        var message = new HttpRequestMessage(new HttpMethod(r.Method), r.Url);
        if (r.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(r.Body));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType + (r.ContentType.StartsWith("application/json", StringComparison.Ordinal) ? "; charset=utf-8" : ""));
        }
        return message;
    }
}
