namespace Tandem.Matching.Cohorts;

/// <summary>A hard constraint. Values are bit flags so one pair's failures fit in one integer.</summary>
[Flags]
public enum Constraint
{
    None = 0,
    Track = 1 << 0,
    Employer = 1 << 1,
    MenteeGenderPreference = 1 << 2,
    MentorGenderPreference = 1 << 3,
    Language = 1 << 4,
    MeetingMode = 1 << 5,
    City = 1 << 6,
    Availability = 1 << 7,
    ReverseMentoring = 1 << 8,
    PreviousPair = 1 << 9,
    Forbidden = 1 << 10,
}

/// <summary>A hard constraint a pair breaks, with a sentence a coordinator can read.</summary>
public sealed record ConstraintFailure(Constraint Reason, string Message);

internal static class ConstraintText
{
    public static readonly Constraint[] All =
    [
        Constraint.Track, Constraint.Employer, Constraint.MenteeGenderPreference, Constraint.MentorGenderPreference,
        Constraint.Language, Constraint.MeetingMode, Constraint.City, Constraint.Availability,
        Constraint.ReverseMentoring, Constraint.PreviousPair, Constraint.Forbidden,
    ];

    public static IEnumerable<Constraint> Each(Constraint mask)
    {
        foreach (var c in All)
        {
            if ((mask & c) != 0)
                yield return c;
        }
    }

    /// <summary>What a coordinator would have to change to allow the pair.</summary>
    public static string Relaxation(Constraint c) => c switch
    {
        Constraint.Track => "a mentor serving the mentee's track (executive for Advanced)",
        Constraint.Employer => "an exception to the employer rule",
        Constraint.MenteeGenderPreference => "the mentee relaxing the gender preference",
        Constraint.MentorGenderPreference => "the mentor relaxing the gender preference",
        Constraint.Language => "a language in common",
        Constraint.MeetingMode => "one side accepting the other's meeting mode",
        Constraint.City => "meeting online, or the same city",
        Constraint.Availability => "more shared availability slots",
        Constraint.ReverseMentoring => "both sides opting in to reverse mentoring",
        Constraint.PreviousPair => "allowing a repeat of an earlier pair",
        Constraint.Forbidden => "lifting the coordinator's forbid",
        _ => c.ToString(),
    };
}
