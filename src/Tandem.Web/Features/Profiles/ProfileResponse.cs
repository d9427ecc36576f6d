using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

public sealed record ProfileResponse(
    string UserId,
    string DisplayName,
    string? Gender,
    string? Pronouns,
    IReadOnlyList<string> Languages,
    string? City,
    string? TimeZone,
    string? Employer,
    string? JobTitle,
    Seniority? Seniority,
    string? Industry,
    IReadOnlyList<string> Expertise,
    IReadOnlyList<string> Interests,
    string? Bio,
    IReadOnlyList<string> Links,
    BigFive? Personality,
    IReadOnlyList<ProfileGap> MissingForMentee,
    IReadOnlyList<ProfileGap> MissingForMentor,
    DateTime UpdatedAt)
{
    public static ProfileResponse From(Profile p) => new(
        p.UserId, p.DisplayName, p.Gender, p.Pronouns, TagList.Parse(p.Languages), p.City, p.TimeZone, p.Employer, p.JobTitle,
        p.Seniority, p.Industry, TagList.Parse(p.Expertise), TagList.Parse(p.Interests), p.Bio, LinksOf(p.Links), Tipi.Of(p),
        ProfileCompleteness.Missing(p, forMentor: false), ProfileCompleteness.Missing(p, forMentor: true), p.UpdatedAt);

    public static IReadOnlyList<string> LinksOf(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
