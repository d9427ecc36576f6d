using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

public sealed record NotificationsPage(IReadOnlyList<NotificationResponse> Items, int Page, int PageSize, int Total, int Unread)
    : PageResponse<NotificationResponse>(Items, Page, PageSize, Total);

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The signed-in member's notifications, newest first, in their language (unread=true for unread only).");
        group.MapPost("/{id:int}/read", ReadAsync).WithSummary("Marks one notification read.");
        group.MapPost("/read", ReadAllAsync).WithSummary("Marks all of the caller's notifications read.");
        var prefs = api.MapGroup("/me/notice-preferences").WithTags("Notifications").RequireAuthorization();
        prefs.MapGet("/", PreferencesAsync).WithSummary("The caller's email choice for each notice kind (Immediately, DailyDigest, Off); in the app every notice appears.");
        prefs.MapPut("/", SavePreferencesAsync).WithSummary("Sets the caller's email choice for the kinds named in \"choices\"; other kinds keep theirs.");
        return group;
    }

    /// <summary>The signed-in person's notifications, newest first, in their language (?unread=true for unread only).</summary>
    private static async Task<Ok<NotificationsPage>> ListAsync(bool? unread, int? page, ClaimsPrincipal user, Notifier notifier, CancellationToken ct)
    {
        var list = await notifier.PageAsync(user.Id(), unread == true, page, ct);
        return TypedResults.Ok(new NotificationsPage(list.Items, list.Page, list.PageSize, list.Total, await notifier.UnreadCountAsync(user.Id(), ct)));
    }

    private static async Task<Results<NoContent, NotFound>> ReadAsync(int id, ClaimsPrincipal user, Notifier notifier, CancellationToken ct) =>
        await notifier.MarkReadAsync(user.Id(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> ReadAllAsync(ClaimsPrincipal user, Notifier notifier, CancellationToken ct)
    {
        await notifier.MarkReadAsync(user.Id(), null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<NoticePreferenceResponse>>> PreferencesAsync(ClaimsPrincipal user, NoticePreferences preferences, CancellationToken ct) =>
        TypedResults.Ok(await preferences.ReadAsync(user.Id(), ct));

    private static async Task<Results<Ok<IReadOnlyList<NoticePreferenceResponse>>, ValidationProblem>> SavePreferencesAsync(
        NoticePreferencesRequest request, ClaimsPrincipal user, NoticePreferences preferences, CancellationToken ct) =>
        (await preferences.SaveAsync(user.Id(), request.Choices, ct)).ToApi(v => TypedResults.Ok(v));
}
