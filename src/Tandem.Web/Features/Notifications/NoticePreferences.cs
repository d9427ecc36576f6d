using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <param name="Label">English key of NotificationsText naming the kind on the preferences page.</param>
public sealed record NoticePreferenceResponse(string Kind, NoticeCategory Category, string Label, EmailChoice Email, EmailChoice Default);

public sealed record NoticePreferencesRequest(Dictionary<string, EmailChoice?>? Choices);

/// <summary>
/// Each person's email choice per notice kind: as it happens, in a daily digest, or not at all. Every notice still
/// appears in the app. Kinds without an email are not offered.
/// </summary>
public sealed class NoticePreferences(TandemDb db, IStringLocalizer<NotificationsText> t)
{
    /// <summary>What each kind is called on the preferences page.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [NoticeKinds.ApplicationAccepted.Key] = "An application accepted",
        [NoticeKinds.ApplicationWaitlisted.Key] = "An application on the waitlist",
        [NoticeKinds.ApplicationDeclined.Key] = "An application declined",
        [NoticeKinds.PairedWithMentor.Key] = "Paired with a mentor",
        [NoticeKinds.PairedWithMentee.Key] = "Paired with a mentee",
        [NoticeKinds.MeetingProposed.Key] = "A meeting proposed",
        [NoticeKinds.MeetingAccepted.Key] = "A meeting accepted",
        [NoticeKinds.MeetingCountered.Key] = "Another time proposed",
        [NoticeKinds.MeetingCancelled.Key] = "A meeting cancelled",
        [NoticeKinds.MeetingRescheduled.Key] = "A meeting moved",
        [NoticeKinds.MessageReceived.Key] = "A new message",
        [NoticeKinds.WorkShared.Key] = "Work shared with you",
        [NoticeKinds.WorkComment.Key] = "A comment on shared work",
        [NoticeKinds.ResourceRecommended.Key] = "A resource recommended",
        [NoticeKinds.IntroductionMade.Key] = "An introduction",
        [NoticeKinds.WorkbookShared.Key] = "Workbook answers shared",
        [NoticeKinds.WorkbookComment.Key] = "A comment on workbook answers",
        [NoticeKinds.FeedbackGiven.Key] = "Feedback given by your partner",
        [NoticeKinds.FeedbackAvailable.Key] = "Feedback ready to read",
        [NoticeKinds.ReminderBehind.Key] = "Reminder: time for your next meeting",
        [NoticeKinds.ReminderAtRisk.Key] = "Reminder: your pair needs attention",
        [NoticeKinds.ReminderMeetingSoon.Key] = "Reminder: a meeting coming up",
        [NoticeKinds.ReminderCheckInDue.Key] = "Reminder: a check-in due",
        [NoticeKinds.ReminderFeedbackDue.Key] = "Reminder: feedback due",
        [NoticeKinds.PairClosedEarly.Key] = "Your pair closed early",
        [NoticeKinds.EventSeatOpened.Key] = "A seat opened at an event",
        [NoticeKinds.WeeklyAlerts.Key] = "Weekly alerts digest (coordinators)",
    };

    public static IEnumerable<NoticeKind> Choosable => NoticeKinds.All.Where(k => k.CanEmail);

    /// <summary>The kinds this person may choose: coordinator-only kinds (the weekly alerts) only for coordinators.</summary>
    private async Task<IReadOnlyList<NoticeKind>> ChoosableForAsync(string userId, CancellationToken ct)
    {
        var coordinator = await (from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id
                                 where ur.UserId == userId && role.Name == Account.Roles.Coordinator select ur.UserId).AnyAsync(ct);
        return Choosable.Where(k => coordinator || !k.ForCoordinators).ToList();
    }

    public async Task<IReadOnlyList<NoticePreferenceResponse>> ReadAsync(string userId, CancellationToken ct)
    {
        var choosable = await ChoosableForAsync(userId, ct);
        var stored = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Email, StringComparer.Ordinal, ct);
        return choosable.Select(k => new NoticePreferenceResponse(k.Key, k.Category, Labels.GetValueOrDefault(k.Key, k.Subject!),
            k.ChoiceOf(stored.TryGetValue(k.Key, out var e) ? e : null), k.ChoiceOf(null))).ToList();
    }

    /// <summary>Sets the choices named (other kinds keep theirs); an unknown kind or choice refuses the whole request.</summary>
    public async Task<Outcome<IReadOnlyList<NoticePreferenceResponse>>> SaveAsync(string userId, IReadOnlyDictionary<string, EmailChoice?>? choices, CancellationToken ct)
    {
        if (choices is null || choices.Count == 0) return Errors.One("Choices", t["Choose how you want to hear of at least one kind of notice."]);
        var known = (await ChoosableForAsync(userId, ct)).ToDictionary(k => k.Key, StringComparer.Ordinal);
        var errors = new Errors();
        foreach (var (kind, choice) in choices)
        {
            if (!known.ContainsKey(kind)) errors.Add("Choices", t["There is no notice kind \"{0}\".", kind.Length > 40 ? kind[..40] + "…" : kind]);
            else if (choice is not { } c || !Enum.IsDefined(c)) errors.Add("Choices", t["Choose immediately, daily digest or off for \"{0}\".", t[Labels.GetValueOrDefault(kind, kind)]]);
        }
        if (errors.Any) return errors;
        var rows = await db.NoticePreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, StringComparer.Ordinal, ct);
        foreach (var (kind, choice) in choices)
        {
            if (rows.TryGetValue(kind, out var row)) row.Email = choice!.Value;
            else db.NoticePreferences.Add(new NoticePreference { UserId = userId, Kind = kind, Email = choice!.Value });
        }
        await db.SaveChangesAsync(ct);
        return new Outcome<IReadOnlyList<NoticePreferenceResponse>>(await ReadAsync(userId, ct), null);
    }
}
