using System.Text.Json.Serialization;

namespace Tandem.Web.Features.Applications;

[JsonConverter(typeof(JsonStringEnumConverter<ApplicationRole>))]
public enum ApplicationRole
{
    Mentee = 0,
    Mentor = 1,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
public enum ApplicationStatus
{
    Submitted = 0,
    Accepted = 1,
    Waitlisted = 2,
    Declined = 3,
    Withdrawn = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<GenderPreference>))]
public enum GenderPreference
{
    Any = 0,
    Same = 1,
    Cross = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeetingMode>))]
public enum MeetingMode
{
    Either = 0,
    Online = 1,
    InPerson = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<MentorOrigin>))]
public enum MentorOrigin
{
    Either = 0,
    Internal = 1,
    External = 2,
}

/// <summary>A member's application to one cohort in one role. Mentee and mentor fields share the row.</summary>
public sealed class Application
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public required string UserId { get; set; }
    public ApplicationRole Role { get; set; }
    public ApplicationStatus Status { get; set; }

    /// <summary>The seat this application uses, when membership is required for its role.</summary>
    public int? MembershipId { get; set; }

    // Both roles.
    public string Languages { get; set; } = "";
    /// <summary>Weekly availability: bit (day*3 + part) for 7 days × morning/afternoon/evening.</summary>
    public int Availability { get; set; }
    public MeetingMode MeetingMode { get; set; }

    // Mentee.
    public int? TrackId { get; set; }
    public string? Flourish { get; set; }
    public string FocusAreas { get; set; } = "";
    public GenderPreference MentorGenderPreference { get; set; }
    public bool OpenToReverse { get; set; }
    public MentorOrigin MentorOrigin { get; set; }

    // Mentor.
    public int Capacity { get; set; }
    /// <summary>Track ids this mentor serves, TagList format.</summary>
    public string TracksServed { get; set; } = "";
    public string Expertise { get; set; } = "";
    public string? Offer { get; set; }
    public bool PublicProfile { get; set; }

    public string? DecisionReason { get; set; }
    public string? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
