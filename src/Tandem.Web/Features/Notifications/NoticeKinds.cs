namespace Tandem.Web.Features.Notifications;

/// <summary>What a notice is about; email preferences will group kinds by it.</summary>
public enum NoticeCategory
{
    Applications,
    Matching,
    Meetings,
    Messages,
    Progress,
    Pair,
    Events,
    Sharing,
}

/// <summary>
/// One kind of notice. The texts are English keys of NotificationsText with {0}-style placeholders; every text of a
/// kind is filled from the same typed arguments (see the comment on each row for what {0}, {1}… are).
/// </summary>
/// <param name="Key">Stored with each notification (at most 40 characters); never rename one that has been used.</param>
/// <param name="InApp">The line in the app's notification list.</param>
/// <param name="Subject">The email's subject; null for kinds that never email.</param>
/// <param name="Body">The email's text above the link.</param>
/// <param name="EmailsByDefault">Whether the recipient is emailed (as well as told in the app) unless they choose otherwise.</param>
/// <param name="NoteLabel">The heading of a note a person adds to this notice (a coordinator's reason), shown under the body.</param>
/// <param name="ForCoordinators">Only coordinators get it, so only they are offered it on the preferences page.</param>
public sealed record NoticeKind(
    string Key, NoticeCategory Category, string InApp, string? Subject = null, string? Body = null, bool EmailsByDefault = false, string? NoteLabel = null,
    bool ForCoordinators = false)
{
    public bool Emails => EmailsByDefault && Subject is not null && Body is not null;

    /// <summary>Whether this kind has an email at all, so a person may choose it on the preferences page.</summary>
    public bool CanEmail => Subject is not null && Body is not null;

    /// <summary>What a person gets by email: their stored choice, else the kind's default.</summary>
    public EmailChoice ChoiceOf(EmailChoice? stored) =>
        !CanEmail ? EmailChoice.Off : stored ?? (EmailsByDefault ? EmailChoice.Immediately : EmailChoice.Off);
}

/// <summary>
/// Every kind of notice Tandem sends. Adding one: a row here, its texts in
/// Resources/Features/Notifications/NotificationsText.zh-Hans.resx, and a call to <see cref="Notices.AddAsync(NoticeKind, Notice, CancellationToken)"/>
/// where it happens (docs/architecture.md, "Notices").
/// </summary>
public static class NoticeKinds
{
    // Applications — {0} cohort, {1} role (a term: "mentee" or "mentor"), {2} the applicant's name.
    public static readonly NoticeKind ApplicationAccepted = new("application-accepted", NoticeCategory.Applications,
        "Your application to {0} was accepted.",
        "Your application to {0} was accepted",
        "Hello {2},\n\nYour application to join {0} as a {1} was accepted. We will let you know when pairs are published.",
        EmailsByDefault: true, NoteLabel: "The coordinator's reason:");

    public static readonly NoticeKind ApplicationWaitlisted = new("application-waitlisted", NoticeCategory.Applications,
        "Your application to {0} is on the waitlist.",
        "You are on the waitlist for {0}",
        "Hello {2},\n\nYour application to join {0} as a {1} is on the waitlist. We will let you know if a place opens up.",
        EmailsByDefault: true, NoteLabel: "The coordinator's reason:");

    public static readonly NoticeKind ApplicationDeclined = new("application-declined", NoticeCategory.Applications,
        "Your application to {0} was declined.",
        "Your application to {0} was declined",
        "Hello {2},\n\nYour application to join {0} as a {1} was declined.",
        EmailsByDefault: true, NoteLabel: "The coordinator's reason:");

    // Matching — {0} the recipient's name, {1} the partner's name, {2} cohort, {3} the partner's email, {4} the cohort's start (a date), {5} minimum meetings.
    public static readonly NoticeKind PairedWithMentor = new("paired-with-mentor", NoticeCategory.Matching,
        "You have been paired with {1} as your mentor in {2}.",
        "Your Tandem mentor: {1}",
        "Hello {0},\n\nYou have been paired with {1} as your mentor in {2}. {1}'s email: {3}\n\nWhat happens next: please write to your mentor within a week to arrange your first meeting; the cohort starts on {4}. Agree on your goals and how you will meet, and meet at least {5} times over the six months. Bring specific questions to each meeting.",
        EmailsByDefault: true);

    public static readonly NoticeKind PairedWithMentee = new("paired-with-mentee", NoticeCategory.Matching,
        "You have been paired with {1} as your mentee in {2}.",
        "Your Tandem mentee: {1}",
        "Hello {0},\n\nYou have been paired with {1} as your mentee in {2}. {1}'s email: {3}\n\nWhat happens next: {1} will write to you within a week to arrange your first meeting; the cohort starts on {4}. Agree on goals and expectations together, and meet at least {5} times over the six months.",
        EmailsByDefault: true);

    // Publishing a matching, to those it leaves out — {0} the recipient's name, {1} cohort.
    public static readonly NoticeKind MatchingLeftUnmatched = new("matching-unmatched", NoticeCategory.Matching,
        "The pairs of {1} are published; we could not find you a mentor this time.",
        "{1}: no mentor this time",
        "Hello {0},\n\nThe pairs of {1} have been published. We are sorry: we could not find a mentor for you this time. Your application stays on record; you are welcome to apply to the next cohort, and we will tell you if a place opens up.",
        EmailsByDefault: true);

    public static readonly NoticeKind MatchingStillWaitlisted = new("matching-waitlisted", NoticeCategory.Matching,
        "The pairs of {1} are published; you remain on the waitlist.",
        "{1}: you remain on the waitlist",
        "Hello {0},\n\nThe pairs of {1} have been published and no place has opened up for you. You remain on the waitlist: we will tell you if one does, and you are welcome to apply to the next cohort.",
        EmailsByDefault: true);

    // Meetings — {0} who did it, {1} when the meeting starts, {2} its length in minutes.
    public static readonly NoticeKind MeetingProposed = new("meeting-proposed", NoticeCategory.Meetings,
        "{0} proposed a meeting on {1}.",
        "{0} proposed a meeting in Tandem",
        "{0} proposed a meeting on {1} ({2} minutes). Please accept it or propose another time:",
        EmailsByDefault: true);

    public static readonly NoticeKind MeetingAccepted = new("meeting-accepted", NoticeCategory.Meetings,
        "{0} accepted the meeting on {1}.",
        "{0} accepted your meeting in Tandem",
        "{0} accepted the meeting on {1} ({2} minutes). See it and add it to your calendar:",
        EmailsByDefault: true);

    public static readonly NoticeKind MeetingCountered = new("meeting-countered", NoticeCategory.Meetings,
        "{0} proposed another time for your meeting: {1}.",
        "{0} proposed another time in Tandem",
        "{0} proposed another time for your meeting: {1} ({2} minutes). Please accept it or propose another time:",
        EmailsByDefault: true);

    /// <summary>{0} who cancelled it, {1} when it was to start, {2} its length in minutes.</summary>
    public static readonly NoticeKind MeetingCancelled = new("meeting-cancelled", NoticeCategory.Meetings,
        "{0} cancelled the meeting on {1}.",
        "{0} cancelled your meeting in Tandem",
        "{0} cancelled the meeting on {1} ({2} minutes). Your calendar will drop it; see the pair's meetings or propose another time:",
        EmailsByDefault: true);

    /// <summary>{0} who moved it, {1} the new time, {2} its length in minutes.</summary>
    public static readonly NoticeKind MeetingRescheduled = new("meeting-rescheduled", NoticeCategory.Meetings,
        "{0} moved your meeting to {1}.",
        "{0} moved your meeting in Tandem",
        "{0} moved your meeting to {1} ({2} minutes). See it and update your calendar:",
        EmailsByDefault: true);

    // Sharing — {0} who did it. Never the work, the comment, the resource or the introduction itself: they are the pair's.
    public static readonly NoticeKind WorkShared = new("work-shared", NoticeCategory.Sharing,
        "{0} shared a piece of work with you for feedback.",
        "{0} shared work with you in Tandem",
        "{0} shared a piece of work with you and would like your feedback. Read it here:",
        EmailsByDefault: true);

    public static readonly NoticeKind WorkComment = new("work-comment", NoticeCategory.Sharing,
        "{0} commented on shared work.",
        "{0} commented on shared work in Tandem",
        "{0} commented on a piece of shared work. Read the comment here:",
        EmailsByDefault: true);

    public static readonly NoticeKind ResourceRecommended = new("resource-recommended", NoticeCategory.Sharing,
        "{0} recommended a resource to you.",
        "{0} recommended a resource in Tandem",
        "{0} recommended a resource to you. See it here:",
        EmailsByDefault: true);

    public static readonly NoticeKind IntroductionMade = new("introduction", NoticeCategory.Sharing,
        "{0} recorded an introduction for you.",
        "{0} recorded an introduction in Tandem",
        "{0} recorded an introduction or referral for you. See who and why here:",
        EmailsByDefault: true);

    public static readonly NoticeKind WorkbookShared = new("workbook-shared", NoticeCategory.Sharing,
        "{0} shared workbook answers with you.",
        "{0} shared workbook answers in Tandem",
        "{0} shared workbook answers with you. Read them and leave a comment here:",
        EmailsByDefault: true);

    public static readonly NoticeKind WorkbookComment = new("workbook-comment", NoticeCategory.Sharing,
        "{0} commented on shared workbook answers.",
        "{0} commented on a workbook in Tandem",
        "{0} commented on shared workbook answers. Read the comment here:",
        EmailsByDefault: true);

    // Feedback at the end — {0} who gave it.
    public static readonly NoticeKind FeedbackGiven = new("feedback-given", NoticeCategory.Progress,
        "{0} gave their feedback and feedforward. Give yours to read what they wrote.",
        "{0} gave their feedback in Tandem",
        "{0} gave their feedback and feedforward for you. Once you have given yours, you can read theirs here:",
        EmailsByDefault: true);

    public static readonly NoticeKind FeedbackAvailable = new("feedback-available", NoticeCategory.Progress,
        "{0}'s feedback and feedforward for you is ready to read.",
        "Your feedback from {0} is ready in Tandem",
        "You have both given your feedback: {0}'s feedback and feedforward for you is ready to read here:",
        EmailsByDefault: true);

    // Messages — {0} the sender's name. Never the message itself: it is the pair's.
    public static readonly NoticeKind MessageReceived = new("message", NoticeCategory.Messages,
        "{0} sent you a message.",
        "You have a new message from {0} in Tandem",
        "{0} wrote to you in Tandem. Read and answer it here:",
        EmailsByDefault: true);

    // Reminders (the reminders job) — the email says what the app says.
    /// <summary>{0} meetings held, {1} expected by now, {2} the mentor's name.</summary>
    public static readonly NoticeKind ReminderBehind = Reminder("reminder-behind",
        "You have held {0} of the {1} meetings expected by now with {2}. Propose your next meeting.", "Time for your next meeting");

    /// <summary>{0} the other person's name, {1} minimum meetings.</summary>
    public static readonly NoticeKind ReminderAtRisk = Reminder("reminder-atrisk",
        "Your pair with {0} is at risk of not reaching {1} meetings before the cohort ends. Please get in touch this week.", "Your pair needs attention");

    /// <summary>{0} the other person's name, {1} when the meeting starts.</summary>
    public static readonly NoticeKind ReminderMeetingSoon = Reminder("reminder-meetingsoon",
        "Reminder: your meeting with {0} starts at {1}.", "Your meeting is coming up");

    /// <summary>{0} the month of the check-in, {1} the other person's name.</summary>
    public static readonly NoticeKind ReminderCheckInDue = Reminder("reminder-checkindue",
        "Your month-{0} check-in for your pair with {1} is due.", "Your check-in is due");

    /// <summary>{0} cohort, {1} the other person's name.</summary>
    public static readonly NoticeKind ReminderFeedbackDue = Reminder("reminder-feedbackdue",
        "The cohort {0} is ending: please give your feedback and feedforward for {1}.", "Your feedback is due");

    // The pair's closure — in the app only.
    public static readonly NoticeKind PairCompleted = new("pair-completed", NoticeCategory.Pair,
        "Your cohort has ended and your pair is complete. Share your closing words and download your certificate.");

    /// <summary>{0} meetings held, {1} the program's minimum.</summary>
    public static readonly NoticeKind PairEndedBelowMinimum = new("pair-ended-below-minimum", NoticeCategory.Pair,
        "Your cohort has ended. Your pair held {0} of the {1} meetings the program asks for. Share your closing words and download your certificate of participation.");

    /// <summary>{0} who closed it, {1} the reason (a term), {2} how many upcoming meetings were cancelled.</summary>
    public static readonly NoticeKind PairClosedEarly = new("pair-closed", NoticeCategory.Pair,
        "{0} closed your mentoring pair early ({1}). You can still share your closing words.",
        "Your Tandem pair was closed early",
        "{0} closed your mentoring pair early ({1}). {2} upcoming meetings were cancelled and removed from your calendar feed.\n\nYou can still add your own reflection and a gratitude note here:",
        EmailsByDefault: true);

    /// <summary>To coordinators: {0} mentee, {1} mentor, {2} cohort, {3} the reason (a term), {4} who closed it.</summary>
    public static readonly NoticeKind PairClosedEarlyAlert = new("pair-closed-alert", NoticeCategory.Pair,
        "Alert: the pair {0} – {1} in {2} was closed early by {4} ({3}).");

    /// <summary>{0} who wrote the note.</summary>
    public static readonly NoticeKind Gratitude = new("gratitude", NoticeCategory.Pair,
        "{0} left you a gratitude note.");

    public static readonly NoticeKind PairRepaired = new("pair-published", NoticeCategory.Pair,
        "You have a new mentoring pair.");

    // Events — {0} the event's title, {1} when it starts.
    public static readonly NoticeKind EventSeatOpened = new("event-seat", NoticeCategory.Events,
        "A seat opened up: you are now going to \"{0}\" ({1}).",
        "A seat opened up: {0}",
        "Good news: a seat opened up and you are now going to \"{0}\" ({1}). If you can no longer come, please cancel so the next person can join.",
        EmailsByDefault: true);

    /// <summary>To coordinators who opt in, once a week (WeeklyAlertsJob): {0} how many alerts, {1} the alerts, one a line, already in the reader's language.</summary>
    public static readonly NoticeKind WeeklyAlerts = new("alerts-weekly", NoticeCategory.Progress,
        "Your weekly alerts: {0} things need your attention.",
        "Tandem weekly alerts: {0} things need your attention",
        "This week in the program:\n\n{1}\n\nThe alerts inbox on your dashboard:",
        ForCoordinators: true);

    public static IReadOnlyList<NoticeKind> All { get; } =
    [
        ApplicationAccepted, ApplicationWaitlisted, ApplicationDeclined, PairedWithMentor, PairedWithMentee,
        MatchingLeftUnmatched, MatchingStillWaitlisted,
        MeetingProposed, MeetingAccepted, MeetingCountered, MeetingCancelled, MeetingRescheduled, MessageReceived,
        WorkShared, WorkComment, ResourceRecommended, IntroductionMade, WorkbookShared, WorkbookComment, FeedbackGiven, FeedbackAvailable,
        ReminderBehind, ReminderAtRisk, ReminderMeetingSoon, ReminderCheckInDue, ReminderFeedbackDue,
        PairCompleted, PairEndedBelowMinimum, PairClosedEarly, PairClosedEarlyAlert, Gratitude, PairRepaired, EventSeatOpened,
        WeeklyAlerts,
    ];

    /// <summary>Words passed as <see cref="NoticeArgType.Term"/> arguments.</summary>
    public static IReadOnlyList<string> Terms { get; } = ["mentee", "mentor", "goals reached", "mismatch", "personal reasons", "no response"];

    private static NoticeKind Reminder(string key, string text, string subject) =>
        new(key, NoticeCategory.Progress, text, subject, text, EmailsByDefault: true);
}
