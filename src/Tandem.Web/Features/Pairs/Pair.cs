namespace Tandem.Web.Features.Pairs;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum PairStatus
{
    Active = 0,
    ClosedEarly = 1,
    /// <summary>Ran to the cohort's end and held at least the program's minimum number of meetings.</summary>
    Completed = 2,
    /// <summary>Ran to the cohort's end but held fewer meetings than the program's minimum: not "Completed".</summary>
    BelowMinimum = 3,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum PairOrigin
{
    /// <summary>Published from a matching run.</summary>
    Matched = 0,
    /// <summary>Paired by hand by a coordinator.</summary>
    Manual = 1,
    /// <summary>A mentee re-paired after an early close.</summary>
    Repaired = 2,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum CloseReason
{
    CohortEnded = 0,
    GoalsReached = 1,
    Mismatch = 2,
    PersonalReasons = 3,
    NoResponse = 4,
}

/// <summary>
/// A published mentee–mentor pair in a cohort. Coordinators see this row's engagement facts; what
/// the two write to each other lives in the pair's private space and is never shown to them.
/// </summary>
public sealed class Pair
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public required string MenteeId { get; set; }
    public required string MentorId { get; set; }
    public int MenteeApplicationId { get; set; }
    public int MentorApplicationId { get; set; }
    /// <summary>The match score (0..1) when the pair came from a matching run.</summary>
    public double? Score { get; set; }
    public PairOrigin Origin { get; set; }
    public PairStatus Status { get; set; }
    public DateTime PublishedAt { get; set; }
    /// <summary>Reverse mentoring: each teaches the other (the mentor a newer view or skill, the mentee experience). Set at
    /// publishing when matching paired the two on their reverse fit, or later by the pair or a coordinator.</summary>
    public bool Reverse { get; set; }
    public DateTime? ClosedAt { get; set; }
    public CloseReason? CloseReason { get; set; }
    /// <summary>Held meetings when the cohort's end closed the pair: the count its outcome was decided on.</summary>
    public int? MeetingsHeldAtClose { get; set; }
    /// <summary>The program's minimum when the cohort's end closed the pair (the minimum may change later; the outcome does not).</summary>
    public int? MinimumMeetingsAtClose { get; set; }
}
