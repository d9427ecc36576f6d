using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

public sealed record ProfileRequest(
    string? DisplayName,
    string? Gender = null,
    string? Pronouns = null,
    IReadOnlyList<string>? Languages = null,
    string? City = null,
    string? TimeZone = null,
    string? Employer = null,
    string? JobTitle = null,
    Seniority? Seniority = null,
    string? Industry = null,
    IReadOnlyList<string>? Expertise = null,
    IReadOnlyList<string>? Interests = null,
    string? Bio = null,
    IReadOnlyList<string>? Links = null);

public sealed record PersonalityRequest(IReadOnlyList<int>? Answers);

/// <summary>Saves a member's own profile and questionnaire; the Edit/Personality pages and the API both use it.</summary>
public sealed partial class ProfileEditor(TandemDb db, TimeProvider clock, IStringLocalizer<ProfilesText> t)
{
    public const int BioMax = 1000;
    public const int ShortMax = 100;
    public const int MaxLinks = 5;
    public const int MaxTags = 20;

    public async Task<Outcome<Profile>> SaveAsync(string userId, ProfileRequest request, CancellationToken ct)
    {
        var errors = new Errors();
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add("DisplayName", t["Please enter your display name."]);
        else if (displayName.Length > ShortMax) errors.Add("DisplayName", t["The display name can be at most {0} characters.", ShortMax]);

        var shortFields = new (string Field, string? Value)[]
        {
            ("Gender", request.Gender), ("Pronouns", request.Pronouns), ("City", request.City),
            ("Employer", request.Employer), ("JobTitle", request.JobTitle), ("Industry", request.Industry),
        };
        foreach (var (field, value) in shortFields)
            if (value?.Trim().Length > ShortMax) errors.Add(field, t["{0} can be at most {1} characters.", FieldName(field), ShortMax]);

        var languages = TagList.FromInput(string.Join(',', request.Languages ?? []));
        foreach (var code in languages.Where(c => !LanguageCode().IsMatch(c)))
            errors.Add("Languages", t["\"{0}\" is not a language code (use codes like en, zh, fr or pt-br).", code]);
        if (languages.Count > 10) errors.Add("Languages", t["Choose at most 10 languages."]);

        string? timeZone = null;
        if (!string.IsNullOrWhiteSpace(request.TimeZone))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone.Trim(), out var zone) && zone.HasIanaId)
                timeZone = zone.Id;
            else
                errors.Add("TimeZone", t["\"{0}\" is not a known time zone; use an IANA name such as Asia/Shanghai or Europe/London.", request.TimeZone.Trim()]);
        }

        if (request.Seniority is Seniority s && !Enum.IsDefined(s)) errors.Add("Seniority", t["Please choose a seniority level from the list."]);

        var expertise = Tags(request.Expertise, "Expertise", errors);
        var interests = Tags(request.Interests, "Interests", errors);

        var bio = request.Bio?.Trim();
        if (bio?.Length > BioMax) errors.Add("Bio", t["The bio can be at most {0} characters.", BioMax]);

        var links = (request.Links ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > MaxLinks) errors.Add("Links", t["Add at most {0} links.", MaxLinks]);
        foreach (var link in links)
        {
            if (link.Length > 300 || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
                errors.Add("Links", t["\"{0}\" is not a web address; links must start with http:// or https://.", link.Length > 60 ? link[..60] + "…" : link]);
        }

        if (errors.Any) return errors;

        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new Profile { UserId = userId, DisplayName = displayName };
            db.Profiles.Add(profile);
        }
        profile.DisplayName = displayName;
        profile.Gender = Blank(request.Gender);
        profile.Pronouns = Blank(request.Pronouns);
        profile.Languages = TagList.Format(languages);
        profile.City = Blank(request.City);
        profile.TimeZone = timeZone;
        profile.Employer = Blank(request.Employer);
        profile.JobTitle = Blank(request.JobTitle);
        profile.Seniority = request.Seniority;
        profile.Industry = Blank(request.Industry);
        profile.Expertise = TagList.Format(expertise);
        profile.Interests = TagList.Format(interests);
        profile.Bio = string.IsNullOrEmpty(bio) ? null : bio;
        profile.Links = links.Count == 0 ? null : string.Join('\n', links);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return profile;
    }

    /// <summary>Scores the ten TIPI answers and stores only the five traits.</summary>
    public async Task<Outcome<Profile>> SavePersonalityAsync(string userId, PersonalityRequest request, CancellationToken ct)
    {
        var traits = Tipi.Score(request.Answers);
        if (traits is null)
            return Errors.One("Answers", t["Please answer all ten statements with a number from 1 to 7."]);
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) return Errors.One("", t["Please fill in your profile first."]);
        (profile.Extraversion, profile.Agreeableness, profile.Conscientiousness, profile.EmotionalStability, profile.Openness) =
            (traits.Extraversion, traits.Agreeableness, traits.Conscientiousness, traits.EmotionalStability, traits.Openness);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return profile;
    }

    /// <summary>Forgets the questionnaire; returns false when there was no profile.</summary>
    public async Task<bool> ClearPersonalityAsync(string userId, CancellationToken ct)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) return false;
        profile.Extraversion = profile.Agreeableness = profile.Conscientiousness = profile.EmotionalStability = profile.Openness = null;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private List<string> Tags(IReadOnlyList<string>? input, string field, Errors errors)
    {
        var tags = TagList.FromInput(string.Join(',', input ?? [])).ToList();
        if (tags.Count > MaxTags) errors.Add(field, t["{0}: at most {1} tags.", FieldName(field), MaxTags]);
        if (tags.Any(x => x.Length > 50)) errors.Add(field, t["{0}: each tag can be at most 50 characters.", FieldName(field)]);
        else if (TagList.Format(tags).Length > 1000) errors.Add(field, t["{0}: the list is too long.", FieldName(field)]);
        return tags;
    }

    private string FieldName(string field) => field switch
    {
        "Gender" => t["Gender"],
        "Pronouns" => t["Pronouns"],
        "City" => t["City"],
        "Employer" => t["Employer"],
        "JobTitle" => t["Job title"],
        "Industry" => t["Industry"],
        "Expertise" => t["Expertise"],
        "Interests" => t["Interests"],
        _ => field,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();
}
