using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

public sealed record TrackOption(int Id, string Name, string Description);

/// <summary>What the Apply and Edit pages share: the form's values, its role and the program's tracks.</summary>
public interface IApplicationForm
{
    ApplicationInput Input { get; }
    ApplicationRole Role { get; }
    IReadOnlyList<TrackOption> Tracks { get; }
}

/// <summary>The application form as posted by the Apply and Edit pages; the rules validate it (one set of messages for page and API).</summary>
public sealed class ApplicationInput
{
    public int? TrackId { get; set; }
    public string? Flourish { get; set; }
    public string? FocusAreas { get; set; }
    public GenderPreference MentorGenderPreference { get; set; }
    public bool OpenToReverse { get; set; }
    public MentorOrigin MentorOrigin { get; set; }
    public MeetingMode MeetingMode { get; set; }
    /// <summary>Ticked slots of the weekly grid, each day*3 + part.</summary>
    public List<int> Availability { get; set; } = [];
    public string? Languages { get; set; }
    public int Capacity { get; set; } = 2;
    public List<int> TracksServed { get; set; } = [];
    public string? Expertise { get; set; }
    public string? Offer { get; set; }
    public bool PublicProfile { get; set; }

    public ApplicationFields ToFields() => new(
        TrackId, Flourish, TagList.FromInput(FocusAreas), MentorGenderPreference, OpenToReverse, MentorOrigin, MeetingMode,
        Availability.Where(s => s is >= 0 and < ApplicationRules.SlotCount).Distinct().Sum(s => 1 << s)
            | (Availability.Any(s => s is < 0 or >= ApplicationRules.SlotCount) ? 1 << ApplicationRules.SlotCount : 0),
        TagList.FromInput(Languages), Capacity, TracksServed, TagList.FromInput(Expertise), Offer, PublicProfile);

    public static ApplicationInput From(Application a) => new()
    {
        TrackId = a.TrackId,
        Flourish = a.Flourish,
        FocusAreas = TagList.ToInput(a.FocusAreas),
        MentorGenderPreference = a.MentorGenderPreference,
        OpenToReverse = a.OpenToReverse,
        MentorOrigin = a.MentorOrigin,
        MeetingMode = a.MeetingMode,
        Availability = Enumerable.Range(0, ApplicationRules.SlotCount).Where(s => (a.Availability & (1 << s)) != 0).ToList(),
        Languages = TagList.ToInput(a.Languages),
        Capacity = a.Capacity,
        TracksServed = ApplicationSearch.TrackIds(a.TracksServed).ToList(),
        Expertise = TagList.ToInput(a.Expertise),
        Offer = a.Offer,
        PublicProfile = a.PublicProfile,
    };

    public static Task<List<TrackOption>> TracksAsync(TandemDb db, int programId, CancellationToken ct) =>
        db.Tracks.AsNoTracking().Where(t => t.ProgramId == programId).OrderBy(t => t.Id)
            .Select(t => new TrackOption(t.Id, Localized.Pick(t.Name, t.NameZh), Localized.Pick(t.Description, t.DescriptionZh))).ToListAsync(ct);

    /// <summary>Monday first, in the page's language.</summary>
    public static IEnumerable<(int Day, string Name)> Days() =>
        Enumerable.Range(0, 7).Select(d => (d, CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)((d + 1) % 7))));
}
