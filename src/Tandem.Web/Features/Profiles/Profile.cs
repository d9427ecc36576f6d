using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

/// <summary>What a member tells the program about themselves; the input to eligibility and matching.</summary>
public sealed class Profile
{
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }
    public string? Gender { get; set; }
    public string? Pronouns { get; set; }
    /// <summary>Language codes, <see cref="TagList"/> format (",en,zh,").</summary>
    public string Languages { get; set; } = "";
    public string? City { get; set; }
    public string? TimeZone { get; set; }
    public string? Employer { get; set; }
    public string? JobTitle { get; set; }
    public Seniority? Seniority { get; set; }
    public string? Industry { get; set; }
    public string Expertise { get; set; } = "";
    public string Interests { get; set; } = "";
    public string? Bio { get; set; }
    public string? Links { get; set; }

    // Big-Five trait scores from the TIPI questionnaire, 1..7; null when not answered.
    public double? Extraversion { get; set; }
    public double? Agreeableness { get; set; }
    public double? Conscientiousness { get; set; }
    public double? EmotionalStability { get; set; }
    public double? Openness { get; set; }

    public DateTime UpdatedAt { get; set; }
}
