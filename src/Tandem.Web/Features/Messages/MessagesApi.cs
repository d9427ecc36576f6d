using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Messages;

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}/messages").WithTags("Messages").RequireAuthorization();
        group.MapGet("/", Thread).WithSummary("A page of the pair's thread (page 1 = newest); reading marks the other person's messages read.");
        group.MapPost("/", Send).WithSummary("Sends a message; the other person gets a notice without its content, once per unread batch.");
        return group;
    }

    private static async Task<Results<Ok<PageResponse<MessageResponse>>, NotFound>> Thread(int id, int? page, HttpContext http, MessageBook book, CancellationToken ct) =>
        await book.ThreadAsync(id, http.User.Id(), page, ct) is { } thread ? TypedResults.Ok(thread) : TypedResults.NotFound();

    private static async Task<Results<Created<MessageResponse>, NotFound, ValidationProblem>> Send(int id, MessageRequest request, HttpContext http, MessageBook book, CancellationToken ct) =>
        (await book.SendAsync(id, http.User.Id(), request, ct))
            .ToApi(m => TypedResults.Created($"/api/v1/pairs/{id}/messages", new MessageResponse(m.Id, m.SenderId, "", true, m.Body, m.SentAt, m.ReadAt)));
}
