using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapGet("/", ListAsync).RequireAuthorization().WithSummary("Upcoming events (or past=true) the caller may attend, 20 a page, with seats taken and the caller's RSVP.");
        group.MapGet("/{id:int}", GetAsync).RequireAuthorization().WithSummary("One event the caller may attend.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Creates an event (coordinators).");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Changes an event (coordinators).");
        group.MapPost("/{id:int}/cancel", CancelEventAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Cancels an event (coordinators).");
        group.MapPost("/{id:int}/rsvp", RsvpAsync).RequireAuthorization().WithSummary("Takes a seat, or a waitlist place when the event is full.");
        group.MapDelete("/{id:int}/rsvp", CancelRsvpAsync).RequireAuthorization().WithSummary("Cancels the caller's RSVP; the first person waiting gets the seat and an email.");
        group.MapGet("/{id:int}/attendees", AttendeesAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Who is going and who is waiting (coordinators).");
        group.MapPut("/{id:int}/attendance", AttendanceAsync).RequireAuthorization(Roles.Coordinator).WithSummary("Records who attended (coordinators).");
        api.MapGet("/people/{userId}/engagement", EngagementAsync).WithTags("Events").RequireAuthorization(Roles.Coordinator).WithSummary("The events and webinars a person attended, as counts (coordinators).");
        return group;
    }

    /// <summary>Upcoming events (or <c>past=true</c>) the caller may attend, 20 a page, with seats taken and the caller's RSVP.</summary>
    private static async Task<Ok<PageResponse<EventResponse>>> ListAsync(EventBook book, ClaimsPrincipal user, bool? past, int? page, CancellationToken ct) =>
        TypedResults.Ok(await book.PageAsync(user.Id(), user.IsCoordinator(), past == true, page, ct));

    private static async Task<Results<Ok<EventResponse>, NotFound>> GetAsync(EventBook book, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await book.GetAsync(id, user.Id(), user.IsCoordinator(), ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    private static async Task<Results<Created<EventResponse>, ValidationProblem>> CreateAsync(EventBook book, ClaimsPrincipal user, EventRequest request, CancellationToken ct)
    {
        var outcome = await book.CreateAsync(request, ct);
        return await outcome.ToApiAsync(async id => TypedResults.Created($"/api/v1/events/{id}", (await book.GetAsync(id, user.Id(), true, ct))!));
    }

    private static async Task<Results<Ok<EventResponse>, NotFound, ValidationProblem>> UpdateAsync(EventBook book, ClaimsPrincipal user, int id, EventRequest request, CancellationToken ct)
    {
        var outcome = await book.UpdateAsync(id, request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await book.GetAsync(id, user.Id(), true, ct))!));
    }

    private static async Task<Results<NoContent, NotFound>> CancelEventAsync(EventBook book, int id, CancellationToken ct) =>
        await book.CancelEventAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Takes a seat, or a place on the waitlist when the event is full. Answers <c>Going</c> or <c>Waitlisted</c>.</summary>
    private static async Task<Results<Ok<EventResponse>, NotFound, ValidationProblem>> RsvpAsync(EventBook book, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var outcome = await book.RsvpAsync(id, user.Id(), ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await book.GetAsync(id, user.Id(), user.IsCoordinator(), ct))!));
    }

    /// <summary>Cancels the caller's RSVP; the first person on the waitlist gets the seat and an email.</summary>
    private static async Task<Results<NoContent, NotFound>> CancelRsvpAsync(EventBook book, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await book.CancelRsvpAsync(id, user.Id(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<AttendeeResponse>>, NotFound>> AttendeesAsync(EventBook book, int id, CancellationToken ct) =>
        await book.AttendeesAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> AttendanceAsync(EventBook book, int id, AttendanceRequest request, CancellationToken ct) =>
        (await book.SetAttendanceAsync(id, request.AttendedUserIds ?? [], ct)).ToApi(_ => TypedResults.NoContent());

    /// <summary>Events and webinars a person attended (counts only).</summary>
    private static async Task<Results<Ok<EngagementResponse>, NotFound>> EngagementAsync(Engagement engagement, string userId, CancellationToken ct) =>
        await engagement.ForAsync(userId, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
}
