using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Sharing;

namespace Tandem.Web.Features.Pairs;

/// <summary>English labels (the localizer keys) for the values the pair's space shows; each feature's resource translates them.</summary>
public static class PairLabels
{
    public static string Of(PairStatus s) => s switch
    {
        PairStatus.Active => "Active", PairStatus.ClosedEarly => "Closed early", PairStatus.BelowMinimum => "Ended below the minimum", _ => "Completed",
    };

    public static string Of(MeetingStatus s) => s switch
    {
        MeetingStatus.Proposed => "Proposed", MeetingStatus.Accepted => "Accepted", MeetingStatus.Declined => "Declined",
        MeetingStatus.Cancelled => "Cancelled", _ => "Held",
    };

    public static string Of(MeetingFormat f) => f switch { MeetingFormat.InPerson => "In person", MeetingFormat.Video => "Video", _ => "Phone" };

    public static string Of(ContactChannel c) => c switch { ContactChannel.Email => "Email", ContactChannel.Phone => "Phone", _ => "Message" };

    public static string Of(GoalStatus s) => s switch
    {
        GoalStatus.NotStarted => "Not started", GoalStatus.InProgress => "In progress", GoalStatus.Achieved => "Achieved", _ => "Dropped",
    };

    public static string Of(IntroductionKind k) => k == IntroductionKind.Referral ? "Referral" : "Introduction";
}
