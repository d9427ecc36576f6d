using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

public sealed class MentorshipProgram
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Optional Chinese versions of the public wording; the Chinese UI falls back to English (see <see cref="Localized"/>).</summary>
    public string? NameZh { get; set; }
    /// <summary>The tagline shown on the home page.</summary>
    public string Description { get; set; } = "";
    public string? DescriptionZh { get; set; }
    public int CohortLengthMonths { get; set; } = 6;
    public int CohortsPerYear { get; set; } = 2;
    public int MinimumMeetings { get; set; } = 3;
    /// <summary>Check-in points, months after a pair's start (TagList format).</summary>
    public string CheckInMonths { get; set; } = ",2,4,";
    public bool MenteesNeedMembership { get; set; } = true;
    public bool MentorsNeedMembership { get; set; }
    public string ContactEmail { get; set; } = "";
    public string DonationRecipient { get; set; } = "";
    public string? DonationRecipientZh { get; set; }
    public string DefaultCurrency { get; set; } = "CNY";
    /// <summary>Coordinators must turn on two-factor sign-in before they reach a coordinator page or endpoint.</summary>
    public bool RequireTwoFactorForCoordinators { get; set; }
    public List<Track> Tracks { get; set; } = [];
}

public sealed class Track
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    /// <summary>Stable machine name ("standard", "advanced").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public string Description { get; set; } = "";
    public string? DescriptionZh { get; set; }
    public SeniorityLevels MenteeLevels { get; set; }
    public SeniorityLevels MentorLevels { get; set; }
}
