namespace Tandem.Web.Shared;

public enum RefusalKind
{
    /// <summary>The input breaks a rule: field errors (RFC 9457 ValidationProblem, form errors).</summary>
    Invalid,
    /// <summary>Nothing the caller may see has that id (404).</summary>
    NotFound,
    /// <summary>The thing is in a state that forbids the change, or someone else changed it meanwhile (409).</summary>
    Conflict,
    /// <summary>The caller may see it but not do this (403).</summary>
    Forbidden,
}

/// <summary>Why a rule said no. Nothing was written.</summary>
public sealed class Refusal
{
    private Refusal(RefusalKind kind, Errors errors, string? title = null)
    {
        Kind = kind;
        Errors = errors;
        Title = title;
    }

    public RefusalKind Kind { get; }

    /// <summary>Field errors for <see cref="RefusalKind.Invalid"/>; for a conflict, its message under the empty field.</summary>
    public Errors Errors { get; }

    /// <summary>A conflict's short title (the ProblemDetails title); its detail is the one message in <see cref="Errors"/>.</summary>
    public string? Title { get; }

    /// <summary>The messages as sentences, for a page's summary or a flash.</summary>
    public IEnumerable<string> Messages => Errors.Messages;

    public static Refusal NotFound { get; } = new(RefusalKind.NotFound, new Errors());

    public static Refusal Forbidden { get; } = new(RefusalKind.Forbidden, new Errors());

    public static Refusal Invalid(Errors errors) => new(RefusalKind.Invalid, errors);

    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, Errors.One(field, message));

    public static Refusal Conflict(string title, string detail) => new(RefusalKind.Conflict, Errors.One("", detail), title);
}

/// <summary>
/// The outcome of a write that a business rule can refuse: the value, or a <see cref="Shared.Refusal"/>.
/// Rules return it; <see cref="OutcomeApi"/> maps it to the API's typed results and <see cref="OutcomePages"/>
/// to a page, so each feature writes neither mapping again.
/// </summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Ok => Refusal is null;

    public bool IsNotFound => Refusal?.Kind == RefusalKind.NotFound;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public static implicit operator Outcome<T>(Errors errors) => new(default, Shared.Refusal.Invalid(errors));
}
