using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Shared;

/// <summary>
/// The one place where input that cannot mean anything is turned away, before any rule runs, with an RFC 9457 400:
/// <list type="bullet">
/// <item>a body that is not JSON, or a value of the wrong type, and a query or route value that does not parse
/// (minimal APIs throw <see cref="BadHttpRequestException"/>, answered here in every environment);</item>
/// <item>a NUL character anywhere in the path, the query string or a form (PostgreSQL cannot store it, and no person types it);</item>
/// <item>in a JSON body: a NUL character, an enum value that is not one of its names (<c>"status": 123</c>), or null
/// where the request type says a value is required (Identity's <c>{"email": null}</c>).</item>
/// </list>
/// What is well-formed but wrong (a date out of range, an id that points at nothing) is for the feature's rules,
/// which use <see cref="InputChecks"/> and answer through the shared outcome.
/// </summary>
public static class BadInput
{
    public static IServiceCollection AddTandemBadInput(this IServiceCollection services)
    {
        // Without this, minimal APIs answer an unreadable body with a bare 400 outside Development and throw inside it
        // (a 500 there); throwing everywhere lets one handler answer the same way in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestAnswer>();
        return services;
    }

    /// <summary>Refuses NUL characters in the path, the query and forms, for pages and the API alike.</summary>
    public static IApplicationBuilder UseTandemBadInput(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        string? where = null;
        if (InputChecks.HasNul(request.Path.Value)) where = "path";
        else if (request.Query.FirstOrDefault(q => InputChecks.HasNul(q.Key) || q.Value.Any(InputChecks.HasNul)) is { Key: not null } q) where = q.Key;
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            if (form.FirstOrDefault(f => InputChecks.HasNul(f.Key) || f.Value.Any(InputChecks.HasNul)) is { Key: not null } f) where = f.Key;
            else if (form.Files.FirstOrDefault(f => InputChecks.HasNul(f.FileName) || InputChecks.HasNul(f.Name)) is { } file) where = file.Name;
        }
        if (where is null)
        {
            await next(http);
            return;
        }
        var s = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        await WriteAsync(http, Errors.One(InputChecks.Printable(where), s[InputChecks.NulMessage]));
    });

    /// <summary>The endpoint filter of the API group: checks every argument an endpoint binds from the request.</summary>
    public static EndpointFilterDelegate Guard(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var isService = factory.ApplicationServices.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var checkedArguments = factory.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => Shape.Of(x.Parameter.ParameterType) is not null && !isService.IsService(x.Parameter.ParameterType)
                        && x.Parameter.ParameterType != typeof(CancellationToken))
            .ToArray();
        if (checkedArguments.Length == 0) return next;
        return async context =>
        {
            var errors = new Errors();
            var s = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
            foreach (var (parameter, index) in checkedArguments)
                Walk(context.Arguments[index], parameter.ParameterType, Shape.NullableParameter(parameter), elementNullable: true, parameter.Name ?? "", errors, s, depth: 0);
            if (errors.Any) return errors.ToValidationProblem();
            return await next(context);
        };
    }

    private static void Walk(object? value, Type type, bool nullable, bool elementNullable, string path, Errors errors, IStringLocalizer<SharedText> s, int depth)
    {
        if (depth > 8) return;
        if (value is null)
        {
            // Only complex bodies say what is required; a missing query value was already handled by binding.
            if (!nullable && depth > 0) errors.Add(path, s["Please give a value for {0}.", path]);
            return;
        }
        switch (value)
        {
            case string text:
                if (InputChecks.HasNul(text)) errors.Add(path, s[InputChecks.NulMessage]);
                return;
            case Enum e:
                if (!InputChecks.IsDefined(e)) errors.Add(path, s["{0} is not one of the allowed values.", path]);
                return;
        }
        var shape = Shape.Of(type) ?? Shape.Of(value.GetType());
        switch (shape)
        {
            case { Kind: ShapeKind.Sequence, Element: var element }:
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null && IsPair(item.GetType())) WalkPair(item, path, errors, s, depth);
                    else Walk(item, element!, elementNullable, elementNullable: true, $"{path}[{i}]", errors, s, depth + 1);
                    i++;
                }
                return;
            case { Kind: ShapeKind.Object }:
                foreach (var p in shape.Properties)
                    Walk(p.Get(value), p.Type, p.Nullable, p.ElementNullable, path.Length == 0 || depth == 0 ? p.Name : path + "." + p.Name, errors, s, depth + 1);
                return;
        }
    }

    private static bool IsPair(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    private static void WalkPair(object pair, string path, Errors errors, IStringLocalizer<SharedText> s, int depth)
    {
        var type = pair.GetType();
        var key = type.GetProperty("Key")!.GetValue(pair);
        var value = type.GetProperty("Value")!.GetValue(pair);
        var name = $"{path}[{key}]";
        if (key is string k && InputChecks.HasNul(k)) errors.Add(path, s[InputChecks.NulMessage]);
        else if (value is not null) Walk(value, value.GetType(), nullable: true, elementNullable: true, name, errors, s, depth + 1);
    }

    private static async Task WriteAsync(HttpContext http, Errors errors)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var s = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(errors.ToDictionary()) { Status = 400, Title = s["The request is not valid."] },
        });
    }

    /// <summary>Answers what model binding could not read (minimal APIs' <see cref="BadHttpRequestException"/>) with a 400
    /// (or the exception's own 4xx: 413, 415) ProblemDetails naming the field where it can.</summary>
    private sealed class BadRequestAnswer(IStringLocalizer<SharedText> s) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad || http.Response.HasStarted) return false;
            var errors = new Errors();
            if (bad.InnerException is JsonException { Path: var jsonPath })
            {
                var field = FieldOf(jsonPath);
                errors.Add(field, field.Length == 0 ? s["The body is not valid JSON."] : s["{0} has a value of the wrong type.", field]);
            }
            else if (bad.StatusCode == StatusCodes.Status400BadRequest)
            {
                var name = ParameterName(bad.Message);
                errors.Add(name, bad.Message.StartsWith("Required", StringComparison.Ordinal) || bad.Message.Contains("no body", StringComparison.Ordinal)
                    ? s["Please give a value for {0}.", name]
                    : bad.Message.Contains("from the request body", StringComparison.Ordinal) ? s["The body is not valid JSON."] : s["{0} is not a valid value.", name]);
            }
            http.Response.Clear();
            http.Response.StatusCode = bad.StatusCode;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            var details = errors.Any
                ? new HttpValidationProblemDetails(errors.ToDictionary()) { Status = bad.StatusCode, Title = s["The request is not valid."] }
                : new ProblemDetails { Status = bad.StatusCode, Title = s["The request is not valid."] };
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
        }

        /// <summary>"$.goals[1].title" → "goals[1].title"; "$" → "".</summary>
        private static string FieldOf(string? jsonPath) =>
            InputChecks.Printable((jsonPath ?? "$").TrimStart('$').TrimStart('.'));

        /// <summary>The parameter's name in minimal APIs' messages: <c>Failed to bind parameter "int page" from "abc".</c></summary>
        private static string ParameterName(string message)
        {
            var start = message.IndexOf('"', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
            if (end < 0) return "";
            var declaration = message[(start + 1)..end];
            return declaration[(declaration.LastIndexOf(' ') + 1)..];
        }
    }

    private enum ShapeKind
    {
        Object,
        Sequence,
    }

    private sealed record Property(string Name, Type Type, bool Nullable, bool ElementNullable, Func<object, object?> Get);

    /// <summary>What the guard walks in a type: its public properties (named as JSON names them) or its elements.</summary>
    private sealed record Shape(ShapeKind Kind, Type? Element, IReadOnlyList<Property> Properties)
    {
        private static readonly ConcurrentDictionary<Type, Shape?> Cache = new();

        /// <summary>Null for what holds no text or enum to check (numbers, dates, services' own types are filtered by the caller).</summary>
        public static Shape? Of(Type type) => Cache.GetOrAdd(type, Build);

        public static bool NullableParameter(ParameterInfo p) =>
            !p.ParameterType.IsValueType ? new NullabilityInfoContext().Create(p).WriteState != NullabilityState.NotNull || p.HasDefaultValue
                                          : Nullable.GetUnderlyingType(p.ParameterType) is not null;

        private static Shape? Build(Type type)
        {
            var plain = Nullable.GetUnderlyingType(type) ?? type;
            if (plain == typeof(string) || plain.IsEnum) return new Shape(ShapeKind.Object, null, []);
            if (plain.IsPrimitive || plain == typeof(decimal) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset) || plain == typeof(DateOnly)
                || plain == typeof(TimeOnly) || plain == typeof(TimeSpan) || plain == typeof(Guid)) return null;
            if (plain.IsArray) return Shape.Of(plain.GetElementType()!) is null ? null : new Shape(ShapeKind.Sequence, plain.GetElementType(), []);
            if (typeof(IEnumerable).IsAssignableFrom(plain))
            {
                var element = plain.GetInterfaces().Append(plain)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
                return element is null ? null : new Shape(ShapeKind.Sequence, element, []);
            }
            // Only the request types of the app and of Identity's endpoints: never framework objects that happen to be bound.
            var ours = plain.Assembly == typeof(BadInput).Assembly || plain.Namespace == "Microsoft.AspNetCore.Identity.Data";
            if (!ours || plain.IsAbstract || plain.IsInterface || typeof(Delegate).IsAssignableFrom(plain)) return null;
            var nullability = new NullabilityInfoContext();
            var properties = plain.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p =>
                {
                    var info = nullability.Create(p);
                    // A list's items: List<string> may not hold a null, List<string?> may.
                    var item = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
                    return new Property(
                        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                        p.PropertyType,
                        p.PropertyType.IsValueType ? Nullable.GetUnderlyingType(p.PropertyType) is not null : info.WriteState != NullabilityState.NotNull,
                        item is null || (item.Type.IsValueType ? Nullable.GetUnderlyingType(item.Type) is not null : item.ReadState != NullabilityState.NotNull),
                        p.GetValue);
                })
                .ToList();
            return new Shape(ShapeKind.Object, null, properties);
        }
    }
}
