using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

public sealed record ProgramRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public int CohortLengthMonths { get; init; } = 6;
    public int CohortsPerYear { get; init; } = 2;
    public int MinimumMeetings { get; init; } = 3;
    public bool MenteesNeedMembership { get; init; } = true;
    public bool MentorsNeedMembership { get; init; }
    public string? ContactEmail { get; init; }
    public string? DonationRecipient { get; init; }
    public string? DefaultCurrency { get; init; }
    /// <summary>Optional Chinese versions; empty means the Chinese UI shows the English text.</summary>
    public string? NameZh { get; init; }
    public string? DescriptionZh { get; init; }
    public string? DonationRecipientZh { get; init; }
    public bool RequireTwoFactorForCoordinators { get; init; }
}

public sealed record TrackRequest(string? Code, string? Name, string? Description, IReadOnlyList<Seniority>? MenteeLevels, IReadOnlyList<Seniority>? MentorLevels,
    string? NameZh = null, string? DescriptionZh = null);

/// <param name="Retired">A retired theme is no longer offered to writers; its past counts stay in the reports.</param>
public sealed record ThemeRequest(string? Name, string? NameZh, bool Retired = false);

public sealed record ThemeResponse(int Id, string Code, string Name, string? NameZh, bool Retired)
{
    public static ThemeResponse From(Feedback.FeedforwardTheme t) => new(t.Id, t.Code, t.Name, t.NameZh, t.Retired);
}

public sealed record TrackResponse(int Id, string Code, string Name, string Description, IReadOnlyList<Seniority> MenteeLevels, IReadOnlyList<Seniority> MentorLevels,
    string? NameZh, string? DescriptionZh)
{
    public static TrackResponse From(Track t) => new(t.Id, t.Code, t.Name, t.Description, t.MenteeLevels.Members().ToList(), t.MentorLevels.Members().ToList(), t.NameZh, t.DescriptionZh);
}

public sealed record ProgramResponse(
    int Id, string Name, string Description, int CohortLengthMonths, int CohortsPerYear, int MinimumMeetings,
    bool MenteesNeedMembership, bool MentorsNeedMembership, string ContactEmail, string DonationRecipient, string DefaultCurrency,
    IReadOnlyList<TrackResponse> Tracks, string? NameZh, string? DescriptionZh, string? DonationRecipientZh, bool RequireTwoFactorForCoordinators)
{
    public static ProgramResponse From(MentorshipProgram p) => new(
        p.Id, p.Name, p.Description, p.CohortLengthMonths, p.CohortsPerYear, p.MinimumMeetings, p.MenteesNeedMembership,
        p.MentorsNeedMembership, p.ContactEmail, p.DonationRecipient, p.DefaultCurrency,
        p.Tracks.OrderBy(t => t.Id).Select(TrackResponse.From).ToList(), p.NameZh, p.DescriptionZh, p.DonationRecipientZh, p.RequireTwoFactorForCoordinators);
}

/// <summary>Program settings and tracks; the coordinator pages and the API both write through here.</summary>
public sealed partial class ProgramEditor(TandemDb db, IStringLocalizer<ProgramsText> t, Audit.AuditLog audit)
{
    public async Task<MentorshipProgram> LoadAsync(CancellationToken ct) =>
        await db.Programs.AsNoTracking().Include(p => p.Tracks).OrderBy(p => p.Id).FirstAsync(ct);

    public async Task<Outcome<MentorshipProgram>> UpdateAsync(ProgramRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Name", t["Please enter the program's name."]);
        else if (name.Length > 200) errors.Add("Name", t["The name can be at most 200 characters."]);
        if (r.Description?.Length > 8000) errors.Add("Description", t["The description can be at most 8000 characters."]);
        if (r.NameZh?.Trim().Length > 200) errors.Add("NameZh", t["The name can be at most 200 characters."]);
        if (r.DescriptionZh?.Length > 8000) errors.Add("DescriptionZh", t["The description can be at most 8000 characters."]);
        if (r.DonationRecipientZh?.Trim().Length > 400) errors.Add("DonationRecipientZh", t["The donation recipient can be at most 400 characters."]);
        if (r.CohortLengthMonths is < 1 or > 24) errors.Add("CohortLengthMonths", t["A cohort lasts from 1 to 24 months."]);
        if (r.CohortsPerYear is < 1 or > 4) errors.Add("CohortsPerYear", t["A program runs 1 to 4 cohorts a year."]);
        if (r.MinimumMeetings is < 1 or > 20) errors.Add("MinimumMeetings", t["The minimum number of meetings is from 1 to 20."]);
        var email = r.ContactEmail?.Trim() ?? "";
        if (email.Length > 0 && !new EmailAddressAttribute().IsValid(email)) errors.Add("ContactEmail", t["Please enter a valid contact email address."]);
        if (r.DonationRecipient?.Trim().Length > 400) errors.Add("DonationRecipient", t["The donation recipient can be at most 400 characters."]);
        var currency = Money.Normalize(r.DefaultCurrency);
        if (!Money.IsCurrency(currency)) errors.Add("DefaultCurrency", t["\"{0}\" is not an ISO 4217 currency code (such as CNY, USD or EUR).", r.DefaultCurrency ?? ""]);
        if (errors.Any) return errors;

        var program = await db.Programs.Include(p => p.Tracks).OrderBy(p => p.Id).FirstAsync(ct);
        program.Name = name;
        program.Description = r.Description?.Trim() ?? "";
        program.CohortLengthMonths = r.CohortLengthMonths;
        program.CohortsPerYear = r.CohortsPerYear;
        program.MinimumMeetings = r.MinimumMeetings;
        program.MenteesNeedMembership = r.MenteesNeedMembership;
        program.MentorsNeedMembership = r.MentorsNeedMembership;
        program.ContactEmail = email;
        program.DonationRecipient = r.DonationRecipient?.Trim() ?? "";
        program.DefaultCurrency = currency;
        program.NameZh = Localized.Clean(r.NameZh);
        program.DescriptionZh = Localized.Clean(r.DescriptionZh);
        program.DonationRecipientZh = Localized.Clean(r.DonationRecipientZh);
        program.RequireTwoFactorForCoordinators = r.RequireTwoFactorForCoordinators;
        var changed = db.Entry(program).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count > 0) audit.Add(Audit.AuditActions.ProgramChanged, "program", program.Id, null, "changed: " + string.Join(", ", changed));
        await db.SaveChangesAsync(ct);
        return program;
    }

    /// <summary>Adds a track (id null) or changes one; refuses duplicates and empty seniority sets.</summary>
    public async Task<Outcome<Track>> SaveTrackAsync(int? id, TrackRequest r, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        Track? track = null;
        if (id is int existing)
        {
            track = await db.Tracks.SingleOrDefaultAsync(x => x.Id == existing && x.ProgramId == programId, ct);
            if (track is null) return Refusal.NotFound;
        }
        var errors = new Errors();
        var code = r.Code?.Trim().ToLowerInvariant() ?? "";
        if (!TrackCode().IsMatch(code)) errors.Add("Code", t["The code is 1 to 40 lower-case letters, digits or dashes (e.g. standard)."]);
        else if (await db.Tracks.AnyAsync(x => x.ProgramId == programId && x.Code == code && x.Id != (id ?? 0), ct))
            errors.Add("Code", t["Another track already uses the code \"{0}\".", code]);
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Name", t["Please enter the track's name."]);
        else if (name.Length > 100) errors.Add("Name", t["The name can be at most 100 characters."]);
        if (r.Description?.Length > 2000) errors.Add("Description", t["The description can be at most 2000 characters."]);
        if (r.NameZh?.Trim().Length > 100) errors.Add("NameZh", t["The name can be at most 100 characters."]);
        if (r.DescriptionZh?.Length > 2000) errors.Add("DescriptionZh", t["The description can be at most 2000 characters."]);
        var mentees = Levels(r.MenteeLevels);
        var mentors = Levels(r.MentorLevels);
        if (mentees == SeniorityLevels.None) errors.Add("MenteeLevels", t["Choose at least one seniority level for mentees."]);
        if (mentors == SeniorityLevels.None) errors.Add("MentorLevels", t["Choose at least one seniority level for mentors."]);
        if (errors.Any) return errors;

        if (track is null)
        {
            track = new Track { ProgramId = programId, Code = code, Name = name };
            db.Tracks.Add(track);
        }
        track.Code = code;
        track.Name = name;
        track.Description = r.Description?.Trim() ?? "";
        track.NameZh = Localized.Clean(r.NameZh);
        track.DescriptionZh = Localized.Clean(r.DescriptionZh);
        track.MenteeLevels = mentees;
        track.MentorLevels = mentors;
        audit.Add(Audit.AuditActions.TrackSaved, "track", id, null, (id is null ? "added: " : "changed: ") + code);
        await db.SaveChangesAsync(ct);
        return track;
    }

    /// <summary>Adds a feedforward theme (id null) or renames or retires one; its code is fixed once made, since feedback stores it.</summary>
    public async Task<Outcome<Feedback.FeedforwardTheme>> SaveThemeAsync(int? id, ThemeRequest r, CancellationToken ct)
    {
        Feedback.FeedforwardTheme? theme = null;
        if (id is int existing)
        {
            theme = await db.FeedforwardThemes.SingleOrDefaultAsync(x => x.Id == existing, ct);
            if (theme is null) return Refusal.NotFound;
        }
        var errors = new Errors();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Name", t["Please enter the theme's name."]);
        else if (name.Length > 100) errors.Add("Name", t["The name can be at most 100 characters."]);
        if (r.NameZh?.Trim().Length > 100) errors.Add("NameZh", t["The name can be at most 100 characters."]);
        var code = theme?.Code ?? "";
        if (theme is null)
        {
            code = ThemeCode().Replace(name.ToLowerInvariant(), "-").Trim('-');
            if (code.Length is 0 or > 40) code = "theme-" + (await db.FeedforwardThemes.CountAsync(ct) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await db.FeedforwardThemes.AnyAsync(x => x.Code == code, ct)) errors.Add("Name", t["There is already a theme called \"{0}\".", name]);
        }
        if (errors.Any) return errors;
        if (theme is null)
        {
            theme = new Feedback.FeedforwardTheme { Code = code, Name = name, Position = (await db.FeedforwardThemes.MaxAsync(x => (int?)x.Position, ct) ?? 0) + 1 };
            db.FeedforwardThemes.Add(theme);
        }
        theme.Name = name;
        theme.NameZh = Localized.Clean(r.NameZh);
        theme.Retired = r.Retired;
        await db.SaveChangesAsync(ct);
        return theme;
    }

    private static SeniorityLevels Levels(IReadOnlyList<Seniority>? levels) =>
        (levels ?? []).Where(Enum.IsDefined).Aggregate(SeniorityLevels.None, (acc, s) => acc | (SeniorityLevels)(1 << (int)s));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TrackCode();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex ThemeCode();
}
