using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Public;

public sealed record OverviewResponse(
    int ProgramId, string Name, string Description, int MinimumMeetings, int CohortLengthMonths, int CohortsPerYear,
    string ContactEmail, IReadOnlyList<TrackSummary> Tracks, CohortSummary? OpenCohort,
    IReadOnlyList<CohortSummary> UpcomingCohorts, MembershipFacts Membership);

public sealed record TrackSummary(int Id, string Code, string Name, string Description, IReadOnlyList<string> MenteeLevels, IReadOnlyList<string> MentorLevels);

public sealed record CohortSummary(int Id, string Name, string Status, DateOnly ApplicationsOpenOn, DateOnly ApplicationsCloseOn,
    DateOnly StartsOn, DateOnly EndsOn, bool AcceptingApplications);

public sealed record MembershipFacts(bool MenteesNeedMembership, bool MentorsNeedMembership, string DonationRecipient,
    int Memberships, IReadOnlyList<DonationTotal> Donated);

public sealed record DonationTotal(string Currency, long AmountMinor, string Formatted);

/// <summary>
/// The facts a visitor sees on the landing page and in <c>GET /api/v1/public/overview</c>. Names and texts are in the
/// request's language: the Chinese version where the coordinator wrote one, else English (built once per language).
/// </summary>
public sealed class ProgramOverview(TandemDb db, TimeProvider clock, PublicData cache)
{
    /// <summary>Read once per <see cref="PublicData"/> version and language: the membership totals add up every fee ever paid.</summary>
    public Task<OverviewResponse?> LoadAsync(CancellationToken ct) => cache.GetAsync("overview", perLanguage: true, () => BuildAsync(ct));

    private async Task<OverviewResponse?> BuildAsync(CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (program is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProgramId == program.Id).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Code, t.Name, t.NameZh, t.Description, t.DescriptionZh, t.MenteeLevels, t.MentorLevels }).ToListAsync(ct);

        var rows = await db.Cohorts.AsNoTracking()
            .Where(c => c.ProgramId == program.Id && (c.Status == CohortStatus.Open || (c.Status == CohortStatus.Draft && c.StartsOn > today)))
            .OrderBy(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.NameZh, c.Status, c.ApplicationsOpenOn, c.ApplicationsCloseOn, c.StartsOn, c.EndsOn })
            .ToListAsync(ct);
        var cohorts = rows.Select(c => new CohortSummary(c.Id, Localized.Pick(c.Name, c.NameZh), c.Status.ToString(), c.ApplicationsOpenOn, c.ApplicationsCloseOn, c.StartsOn, c.EndsOn,
            c.Status == CohortStatus.Open && c.ApplicationsOpenOn <= today && c.ApplicationsCloseOn >= today)).ToList();
        var open = cohorts.FirstOrDefault(c => c.AcceptingApplications) ?? cohorts.FirstOrDefault(c => c.Status == nameof(CohortStatus.Open));
        var upcoming = cohorts.Where(c => c != open && c.StartsOn > today).Take(4).ToList();

        var fees = await db.Memberships.AsNoTracking().Where(m => m.ProgramId == program.Id)
            .GroupBy(m => m.Currency)
            .Select(g => new { Currency = g.Key, Total = g.Sum(m => m.FeeMinor), Count = g.Count() })
            .ToListAsync(ct);
        var culture = CultureInfo.CurrentCulture;
        var donated = fees.OrderByDescending(f => f.Currency == program.DefaultCurrency).ThenBy(f => f.Currency, StringComparer.Ordinal)
            .Select(f => new DonationTotal(f.Currency, f.Total, Money.Format(f.Total, f.Currency, culture))).ToList();
        if (donated.Count == 0) donated.Add(new DonationTotal(program.DefaultCurrency, 0, Money.Format(0, program.DefaultCurrency, culture)));

        return new OverviewResponse(program.Id, Localized.Pick(program.Name, program.NameZh), Localized.Pick(program.Description, program.DescriptionZh), program.MinimumMeetings, program.CohortLengthMonths,
            program.CohortsPerYear, program.ContactEmail,
            tracks.Select(t => new TrackSummary(t.Id, t.Code, Localized.Pick(t.Name, t.NameZh), Localized.Pick(t.Description, t.DescriptionZh),
                t.MenteeLevels.Members().Select(s => s.ToString()).ToList(), t.MentorLevels.Members().Select(s => s.ToString()).ToList())).ToList(),
            open, upcoming,
            new MembershipFacts(program.MenteesNeedMembership, program.MentorsNeedMembership, Localized.Pick(program.DonationRecipient, program.DonationRecipientZh), fees.Sum(f => f.Count), donated));
    }
}
