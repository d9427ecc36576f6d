namespace Tandem.Web.Features.Reminders;

public enum ReminderKind
{
    /// <summary>To the mentee: held meetings are behind the cohort calendar.</summary>
    Behind = 0,
    /// <summary>To both: the pair is at risk of not reaching the minimum.</summary>
    AtRisk = 1,
    /// <summary>To both: an accepted meeting starts within 24 hours.</summary>
    MeetingSoon = 2,
    /// <summary>To whoever has not answered a due check-in.</summary>
    CheckInDue = 3,
    /// <summary>To both at the cohort's end: feedback and feedforward.</summary>
    FeedbackDue = 4,
}

/// <summary>
/// The claim on one reminder. An instance inserts this row before sending; the unique key
/// (PairId, Kind, Key) makes a second insert fail, so a reminder goes out once however many app
/// instances share the database. Key names the occasion: "expected-2", "month-4", "meeting-17-0", "end".
/// </summary>
public sealed class ReminderSent
{
    public int Id { get; set; }
    public int PairId { get; set; }
    /// <summary>The meeting a <see cref="ReminderKind.MeetingSoon"/> reminder is about.</summary>
    public int? MeetingId { get; set; }
    public ReminderKind Kind { get; set; }
    public required string Key { get; set; }
    public DateTime SentAt { get; set; }
}
