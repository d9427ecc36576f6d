using Microsoft.AspNetCore.Http.HttpResults;

namespace Tandem.Web.Shared;

/// <summary>
/// The one mapping from a rule's <see cref="Outcome{T}"/> to an API answer: the value becomes the endpoint's
/// success result, a refusal an RFC 9457 answer (ValidationProblem, 404, 409 ProblemDetails or 403).
/// <code>
/// private static async Task&lt;Results&lt;Ok&lt;CohortResponse&gt;, NotFound, ValidationProblem&gt;&gt; Update(...) =>
///     (await editor.UpdateAsync(id, request, ct)).ToApi(c => TypedResults.Ok(c.ToResponse()));
/// </code>
/// The handler still declares its typed result union, so the OpenAPI document lists exactly the answers it
/// can give; the <see cref="ApiAnswer{TOk}"/> converts to that union.
/// </summary>
public static class OutcomeApi
{
    public static ApiAnswer<TOk> ToApi<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok) where TOk : IResult =>
        outcome.Refusal is { } refusal ? new(default, refusal) : new(ok(outcome.Value!), null);

    /// <summary>For success results that need another read (the saved thing, projected for the caller).</summary>
    public static async Task<ApiAnswer<TOk>> ToApiAsync<T, TOk>(this Outcome<T> outcome, Func<T, Task<TOk>> ok) where TOk : IResult =>
        outcome.Refusal is { } refusal ? new(default, refusal) : new(await ok(outcome.Value!), null);

    public static ValidationProblem ToValidationProblem(this Errors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    internal static ProblemHttpResult ToConflict(this Refusal refusal) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Messages.FirstOrDefault());
}

/// <summary>
/// An outcome on its way to an endpoint's typed result union. A refusal the union does not declare is a
/// programming error (the rule can refuse in a way the endpoint never documented), so it throws.
/// </summary>
public readonly struct ApiAnswer<TOk>(TOk? ok, Refusal? refusal) where TOk : IResult
{
    public static implicit operator Results<TOk, ValidationProblem>(ApiAnswer<TOk> a) =>
        a.Refused(out var r) ? r.Kind switch
        {
            RefusalKind.Invalid => r.Errors.ToValidationProblem(),
            _ => throw Undeclared(r),
        } : a.Success;

    public static implicit operator Results<TOk, NotFound>(ApiAnswer<TOk> a) =>
        a.Refused(out var r) ? r.Kind switch
        {
            RefusalKind.NotFound => TypedResults.NotFound(),
            _ => throw Undeclared(r),
        } : a.Success;

    public static implicit operator Results<TOk, NotFound, ValidationProblem>(ApiAnswer<TOk> a) =>
        a.Refused(out var r) ? r.Kind switch
        {
            RefusalKind.NotFound => TypedResults.NotFound(),
            RefusalKind.Invalid => r.Errors.ToValidationProblem(),
            _ => throw Undeclared(r),
        } : a.Success;

    public static implicit operator Results<TOk, NotFound, ValidationProblem, ProblemHttpResult>(ApiAnswer<TOk> a) =>
        a.Refused(out var r) ? r.Kind switch
        {
            RefusalKind.NotFound => TypedResults.NotFound(),
            RefusalKind.Invalid => r.Errors.ToValidationProblem(),
            RefusalKind.Conflict => r.ToConflict(),
            _ => throw Undeclared(r),
        } : a.Success;

    public static implicit operator Results<TOk, ForbidHttpResult>(ApiAnswer<TOk> a) =>
        a.Refused(out var r) ? r.Kind switch
        {
            RefusalKind.Forbidden => TypedResults.Forbid(),
            _ => throw Undeclared(r),
        } : a.Success;

    private TOk Success => ok!;

    private bool Refused(out Refusal r)
    {
        r = refusal!;
        return refusal is not null;
    }

    private static InvalidOperationException Undeclared(Refusal r) =>
        new($"The rule refused with {r.Kind}, which this endpoint's result type does not declare.");
}
