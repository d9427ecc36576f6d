using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Tandem.Web.Shared.OpenApi;

/// <summary>
/// Schema names in the OpenAPI document. By default a schema is named after its type's short name, so two features'
/// <c>ContactRequest</c> records (the public contact form's and a pair's contact log) became one schema and
/// <c>POST /api/v1/pairs/{id}/contacts</c> documented the contact form's body. A name that more than one Tandem type
/// carries is prefixed with its feature (<c>PublicContactRequest</c>, <c>MeetingsContactRequest</c>); other names stay.
/// </summary>
public static class SchemaNames
{
    private static readonly HashSet<string> Shared = typeof(SchemaNames).Assembly.GetTypes()
        .Where(t => t.IsPublic || t.IsNestedPublic)
        .GroupBy(t => t.Name)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);

    public static string? Create(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null || !Shared.Contains(type.Type.Name) || type.Type.Assembly != typeof(SchemaNames).Assembly) return name;
        return Feature(type.Type) + name;
    }

    /// <summary>The feature folder's noun (<c>Tandem.Web.Features.Meetings</c> → Meetings), or the namespace's last part.</summary>
    private static string Feature(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        var features = Array.IndexOf(parts, "Features");
        var noun = features >= 0 && features + 1 < parts.Length ? parts[features + 1] : parts[^1];
        return type.DeclaringType is { } outer ? noun + outer.Name : noun;
    }
}
