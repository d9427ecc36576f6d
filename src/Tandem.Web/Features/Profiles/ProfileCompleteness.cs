using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Profiles;

/// <summary>A piece of the profile that matching needs but the member has not filled in.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum ProfileGap
{
    DisplayName,
    Seniority,
    Language,
    CityAndTimeZone,
    EmployerOrJobTitle,
    Industry,
    Expertise,
}

/// <summary>The one rule for "is this profile complete enough to be matched"; applications use it too.</summary>
public static class ProfileCompleteness
{
    public static IReadOnlyList<ProfileGap> Missing(Profile profile, bool forMentor)
    {
        var gaps = new List<ProfileGap>();
        if (string.IsNullOrWhiteSpace(profile.DisplayName)) gaps.Add(ProfileGap.DisplayName);
        if (profile.Seniority is null) gaps.Add(ProfileGap.Seniority);
        if (TagListIsEmpty(profile.Languages)) gaps.Add(ProfileGap.Language);
        if (string.IsNullOrWhiteSpace(profile.City) || string.IsNullOrWhiteSpace(profile.TimeZone)) gaps.Add(ProfileGap.CityAndTimeZone);
        if (string.IsNullOrWhiteSpace(profile.Employer) && string.IsNullOrWhiteSpace(profile.JobTitle)) gaps.Add(ProfileGap.EmployerOrJobTitle);
        if (string.IsNullOrWhiteSpace(profile.Industry)) gaps.Add(ProfileGap.Industry);
        if (forMentor && TagListIsEmpty(profile.Expertise)) gaps.Add(ProfileGap.Expertise);
        return gaps;
    }

    public static string Describe(ProfileGap gap, IStringLocalizer<ProfilesText> t) => gap switch
    {
        ProfileGap.DisplayName => t["your display name"],
        ProfileGap.Seniority => t["your seniority level"],
        ProfileGap.Language => t["at least one language you speak"],
        ProfileGap.CityAndTimeZone => t["your city and time zone"],
        ProfileGap.EmployerOrJobTitle => t["your employer or job title"],
        ProfileGap.Industry => t["your industry"],
        ProfileGap.Expertise => t["your areas of expertise"],
        _ => gap.ToString(),
    };

    private static bool TagListIsEmpty(string? stored) => Shared.TagList.Parse(stored).Count == 0;
}
