using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Faq;

public sealed record FaqMoveRequest(string? Direction);

public static class FaqApi
{
    public static RouteGroupBuilder MapFaq(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faq").WithTags("Faq");
        group.MapGet("/", List).AllowAnonymous().WithSummary("The FAQ in order; shownQuestion and shownAnswerHtml follow the request's language.");
        group.MapPost("/", Create).RequireAuthorization(Roles.Coordinator).WithSummary("Adds an FAQ entry at the end (coordinators).");
        group.MapPut("/{id:int}", Update).RequireAuthorization(Roles.Coordinator).WithSummary("Edits an FAQ entry in either language (coordinators).");
        group.MapDelete("/{id:int}", Delete).RequireAuthorization(Roles.Coordinator).WithSummary("Deletes an FAQ entry (coordinators).");
        group.MapPost("/{id:int}/move", Move).RequireAuthorization(Roles.Coordinator).WithSummary("Moves an FAQ entry one place up or down (coordinators).");
        return group;
    }

    /// <summary>The FAQ in order; <c>shownQuestion</c>/<c>shownAnswerHtml</c> follow the request's language.</summary>
    private static async Task<Ok<IReadOnlyList<FaqEntryResponse>>> List(FaqEditor faq, CancellationToken ct) =>
        TypedResults.Ok(await faq.ListAsync(ct));

    private static async Task<Results<Created<FaqEntryResponse>, ValidationProblem>> Create(FaqEditor faq, FaqRequest request, CancellationToken ct) =>
        (await faq.CreateAsync(request, ct)).ToApi(entry => TypedResults.Created($"/api/v1/faq/{entry.Id}", entry));

    private static async Task<Results<Ok<FaqEntryResponse>, NotFound, ValidationProblem>> Update(FaqEditor faq, int id, FaqRequest request, CancellationToken ct) =>
        (await faq.UpdateAsync(id, request, ct)).ToApi(entry => TypedResults.Ok(entry));

    private static async Task<Results<NoContent, NotFound>> Delete(FaqEditor faq, int id, CancellationToken ct) =>
        await faq.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Moves an entry one place <c>up</c> or <c>down</c>.</summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Move(FaqEditor faq, IStringLocalizer<FaqText> t, int id, FaqMoveRequest request, CancellationToken ct)
    {
        var up = string.Equals(request.Direction, "up", StringComparison.OrdinalIgnoreCase);
        if (!up && !string.Equals(request.Direction, "down", StringComparison.OrdinalIgnoreCase))
            return Errors.One("Direction", t["Use \"up\" or \"down\"."]).ToValidationProblem();
        return await faq.MoveAsync(id, up, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
