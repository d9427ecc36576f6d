using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Meetings;

public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs/{id:int}").WithTags("Meetings").RequireAuthorization();
        group.MapGet("/meetings", List).WithSummary("The pair's meetings, latest first; each carries only the caller's own private note.");
        group.MapPost("/meetings", Propose).WithSummary("Proposes a meeting; the mentee's proposal needs her intentional questions (agenda).");
        group.MapPost("/meetings/held", Log).WithSummary("Logs a meeting that took place without a proposal.");
        group.MapGet("/meetings/suggestions", Suggestions).WithSummary("Three times that suit both people (weekly availability in each one's zone), clear of program events, webinars and their meetings; duration 15–480 minutes, 60 when omitted.");
        group.MapGet("/meetings/{meetingId:int}", Get).WithSummary("One meeting of the pair, with the caller's own private note only.");
        group.MapPost("/meetings/{meetingId:int}/accept", Accept).WithSummary("Accepts the other person's proposal.");
        group.MapPost("/meetings/{meetingId:int}/counter", Counter).WithSummary("Proposes another time: the meeting moves to it and stays one thread, its history listing every time proposed.");
        group.MapPost("/meetings/{meetingId:int}/reschedule", Reschedule).WithSummary("Moves an accepted meeting to another time (either member): it stays accepted and one thread, the old time stays in its history, its calendar SEQUENCE goes up and the partner is told.");
        group.MapPost("/meetings/{meetingId:int}/cancel", Cancel).WithSummary("Cancels a proposed or accepted meeting; its calendar invitation becomes a cancellation.");
        group.MapPost("/meetings/{meetingId:int}/held", Held).WithSummary("Logs the meeting as held, with the shared summary and action items.");
        group.MapPut("/meetings/{meetingId:int}/note", Note).WithSummary("The caller's private note on the meeting; the other person never sees it.");
        group.MapGet("/contacts", Contacts).WithSummary("The pair's logged contacts (email, phone, message), newest first.");
        group.MapPost("/contacts", AddContact).WithSummary("Logs a contact by email, phone or message (contact, not a meeting).");
        return group;
    }

    /// <summary>Calendar files live outside /api: a calendar program opens them like pages (the invite) or anonymously (the secret feed).</summary>
    public static void MapMeetingCalendars(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Meetings/{id:int}/invite.ics", Invite).RequireAuthorization().WithTags("Meetings").WithSummary("An RFC 5545 invitation for one meeting.").Produces<string>(StatusCodes.Status200OK, "text/calendar");
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().WithTags("Meetings").WithSummary("A person's meetings feed behind their secret link.").Produces<string>(StatusCodes.Status200OK, "text/calendar");
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static async Task<Results<FileContentHttpResult, NotFound>> Invite(int id, HttpContext http, MeetingCalendar calendar, CancellationToken ct) =>
        await calendar.InviteAsync(id, http.User.Id(), BaseUrl(http), ct) is { } ics
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8; method=REQUEST", $"tandem-meeting-{id}.ics")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Feed(string token, HttpContext http, MeetingCalendar calendar, CancellationToken ct)
    {
        if (await calendar.UserOfFeedAsync(token, ct) is not { } userId) return TypedResults.NotFound();
        var ics = await calendar.FeedAsync(userId, BaseUrl(http), ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }

    private static async Task<Results<Ok<PageResponse<MeetingResponse>>, NotFound>> List(int id, int? page, HttpContext http, TandemDb db, CancellationToken ct) =>
        await MeetingQueries.ListAsync(db, id, http.User.Id(), page, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<SuggestedTime>>, NotFound, ValidationProblem>> Suggestions(int id, int? duration, HttpContext http, SchedulingAssistant assistant, IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (duration is < 15 or > 480) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["duration"] = [t["The duration is from 15 to 480 minutes."]] });
        return await assistant.SuggestAsync(id, http.User.Id(), duration ?? 60, ct) is { } times ? TypedResults.Ok(times) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<MeetingResponse>, NotFound>> Get(int id, int meetingId, HttpContext http, TandemDb db, CancellationToken ct) =>
        await MeetingQueries.OneAsync(db, meetingId, http.User.Id(), ct) is { PairId: var pairId } m && pairId == id ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> Propose(int id, MeetingRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await CreatedAsync(id, await book.ProposeAsync(id, http.User.Id(), request, ct), http, db, ct);

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> Log(int id, LogMeetingRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await CreatedAsync(id, await book.LogAsync(id, http.User.Id(), request, ct), http, db, ct);

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> Counter(int id, int meetingId, MeetingRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await InPairAsync(db, id, meetingId, http) ? await CreatedAsync(id, await book.CounterAsync(meetingId, http.User.Id(), request, ct), http, db, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Reschedule(int id, int meetingId, MeetingRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await InPairAsync(db, id, meetingId, http) ? await Answer(await book.RescheduleAsync(meetingId, http.User.Id(), request, ct), http, db, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Accept(int id, int meetingId, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await InPairAsync(db, id, meetingId, http) ? await Answer(await book.AcceptAsync(meetingId, http.User.Id(), ct), http, db, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Cancel(int id, int meetingId, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await InPairAsync(db, id, meetingId, http) ? await Answer(await book.CancelAsync(meetingId, http.User.Id(), ct), http, db, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Held(int id, int meetingId, HeldRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct) =>
        await InPairAsync(db, id, meetingId, http) ? await Answer(await book.HeldAsync(meetingId, http.User.Id(), request, ct), http, db, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Note(int id, int meetingId, NoteRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct)
    {
        if (!await InPairAsync(db, id, meetingId, http)) return TypedResults.NotFound();
        var outcome = await book.NoteAsync(meetingId, http.User.Id(), request, ct);
        return await outcome.ToApiAsync(async _ => TypedResults.Ok((await MeetingQueries.OneAsync(db, meetingId, http.User.Id(), ct))!));
    }

    private static async Task<Results<Ok<PageResponse<ContactResponse>>, NotFound>> Contacts(int id, int? page, HttpContext http, TandemDb db, CancellationToken ct) =>
        await MeetingQueries.ContactsAsync(db, id, http.User.Id(), page, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created<ContactResponse>, NotFound, ValidationProblem>> AddContact(int id, ContactRequest request, HttpContext http, MeetingBook book, TandemDb db, CancellationToken ct)
    {
        var outcome = await book.ContactAsync(id, http.User.Id(), request, ct);
        return await outcome.ToApiAsync(async added => TypedResults.Created($"/api/v1/pairs/{id}/contacts", await MeetingQueries.ContactAsync(db, added.Id, ct)));
    }

    private static Task<bool> InPairAsync(TandemDb db, int pairId, int meetingId, HttpContext http) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(MeetingQueries.Visible(db, http.User.Id()), m => m.Id == meetingId && m.PairId == pairId, http.RequestAborted);

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> CreatedAsync(int pairId, Outcome<Meeting> outcome, HttpContext http, TandemDb db, CancellationToken ct) =>
        await outcome.ToApiAsync(async meeting =>
        {
            var m = (await MeetingQueries.OneAsync(db, meeting.Id, http.User.Id(), ct))!;
            return TypedResults.Created($"/api/v1/pairs/{pairId}/meetings/{m.Id}", m);
        });

    private static async Task<Results<Ok<MeetingResponse>, NotFound, ValidationProblem>> Answer(Outcome<Meeting> outcome, HttpContext http, TandemDb db, CancellationToken ct) =>
        await outcome.ToApiAsync(async meeting => TypedResults.Ok((await MeetingQueries.OneAsync(db, meeting.Id, http.User.Id(), ct))!));
}
