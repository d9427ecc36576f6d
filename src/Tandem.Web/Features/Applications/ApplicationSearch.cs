using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <summary>The coordinator's filters, shared by the list page, its CSV export and the API.</summary>
public sealed record ApplicationFilter(
    int? CohortId = null, ApplicationStatus? Status = null, ApplicationRole? Role = null, int? TrackId = null,
    Seniority? Seniority = null, string? Industry = null, string? Q = null, bool OldestFirst = false)
{
    /// <summary>From query-string values; unknown enum values are ignored rather than refused.</summary>
    public static ApplicationFilter From(int? cohortId, string? status, string? role, int? trackId, string? seniority, string? industry, string? q, string? sort) => new(
        cohortId,
        Enum.TryParse<ApplicationStatus>(status, true, out var st) && Enum.IsDefined(st) ? st : null,
        Enum.TryParse<ApplicationRole>(role, true, out var r) && Enum.IsDefined(r) ? r : null,
        trackId,
        Enum.TryParse<Seniority>(seniority, true, out var se) && Enum.IsDefined(se) ? se : null,
        string.IsNullOrWhiteSpace(industry) ? null : industry.Trim(),
        string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        string.Equals(sort, "oldest", StringComparison.OrdinalIgnoreCase));
}

public sealed record ApplicationListItem(
    int Id, int CohortId, string CohortName, string UserId, string ApplicantName, string Email, ApplicationRole Role,
    ApplicationStatus Status, int? TrackId, string? TrackName, string? Seniority, string? Industry, string? Employer,
    string? JobTitle, IReadOnlyList<string> Expertise, int Capacity, IReadOnlyList<string> Languages, string? DecisionReason, DateTime SubmittedAt);

public sealed record OpenCohort(int Id, string Name, DateOnly ApplicationsCloseOn, DateOnly StartsOn);

public sealed class ApplicationSearch(TandemDb db, ApplicationRules rules)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static readonly string[] CsvColumns =
        ["Id", "Cohort", "Name", "Email", "Role", "Status", "Track", "Seniority", "Industry", "Employer", "JobTitle", "Expertise", "Capacity", "Languages", "DecisionReason", "SubmittedAt"];

    // A class with settable members, not a positional record: EF can filter and sort on a member-init projection.
    private sealed class Row
    {
        public int Id { get; init; }
        public int CohortId { get; init; }
        public string CohortName { get; init; } = "";
        public string UserId { get; init; } = "";
        public string? Name { get; init; }
        public string? Email { get; init; }
        public ApplicationRole Role { get; init; }
        public ApplicationStatus Status { get; init; }
        public int? TrackId { get; init; }
        public string? TrackName { get; init; }
        public string TracksServed { get; init; } = "";
        public Seniority? Seniority { get; init; }
        public string? Industry { get; init; }
        public string? Employer { get; init; }
        public string? JobTitle { get; init; }
        public string AppExpertise { get; init; } = "";
        public string? ProfileExpertise { get; init; }
        public int Capacity { get; init; }
        public string Languages { get; init; } = "";
        public string? DecisionReason { get; init; }
        public DateTime SubmittedAt { get; init; }
    }

    public async Task<PageResponse<ApplicationListItem>> PageAsync(ApplicationFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Paging.Size(pageSize, DefaultPageSize, MaxPageSize);
        // The joins to cohort and user are required foreign keys, so they never change the count: without a filter on the
        // profile or the user the count reads one index of Applications instead of joining every row of a 60,000-row cohort.
        var total = NeedsPeople(filter) ? await Query(filter).CountAsync(ct) : await Applications(filter).CountAsync(ct);
        var current = Paging.Clamp(page, total, size);
        var rows = await Sorted(Query(filter), filter).Skip((current - 1) * size).Take(size).ToListAsync(ct);
        return new PageResponse<ApplicationListItem>(rows.Select(ToItem).ToList(), current, size, total);
    }

    private static bool NeedsPeople(ApplicationFilter f) =>
        f.Seniority is not null || !string.IsNullOrWhiteSpace(f.Industry) || !string.IsNullOrWhiteSpace(f.Q);

    public async Task<List<ApplicationListItem>> AllAsync(ApplicationFilter filter, CancellationToken ct) =>
        (await Sorted(Query(filter), filter).ToListAsync(ct)).Select(ToItem).ToList();

    /// <summary>A member's own applications across cohorts, newest first, with what they may still do.</summary>
    public async Task<List<MyApplicationResponse>> MineAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Cohorts, a => a.CohortId, c => c.Id, (a, c) => new { a.Id, a.CohortId, c.Name, a.Role, a.Status, a.DecisionReason, a.SubmittedAt, Cohort = c })
            .OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id)
            .ToListAsync(ct);
        return rows.Select(x => new MyApplicationResponse(x.Id, x.CohortId, Localized.Pick(x.Name, x.Cohort.NameZh), x.Role, x.Status, x.DecisionReason, x.SubmittedAt,
                CanEdit: x.Status is ApplicationStatus.Submitted or ApplicationStatus.Waitlisted
                         && x.Cohort.Status == CohortStatus.Open && rules.Today >= x.Cohort.ApplicationsOpenOn && rules.Today <= x.Cohort.ApplicationsCloseOn,
                CanWithdraw: x.Status is not (ApplicationStatus.Withdrawn or ApplicationStatus.Declined) && x.Cohort.Status < CohortStatus.Active))
            .ToList();
    }

    /// <summary>Cohorts taking applications today.</summary>
    public Task<List<OpenCohort>> OpenCohortsAsync(CancellationToken ct)
    {
        var today = rules.Today;
        return db.Cohorts.AsNoTracking()
            .Where(c => c.Status == CohortStatus.Open && c.ApplicationsOpenOn <= today && c.ApplicationsCloseOn >= today)
            .OrderBy(c => c.ApplicationsCloseOn).ThenBy(c => c.Id)
            .Select(c => new OpenCohort(c.Id, c.Name, c.ApplicationsCloseOn, c.StartsOn))
            .ToListAsync(ct);
    }

    /// <summary>The filtered list as CSV (invariant culture, ISO dates), for spreadsheets and the matching command line.</summary>
    public async Task<byte[]> CsvAsync(ApplicationFilter filter, CancellationToken ct)
    {
        var items = await AllAsync(filter, ct);
        return Csv.Write(CsvColumns, items, i =>
        [
            i.Id.ToString(CultureInfo.InvariantCulture), i.CohortName, i.ApplicantName, i.Email, i.Role.ToString(), i.Status.ToString(),
            i.TrackName, i.Seniority, i.Industry, i.Employer, i.JobTitle, string.Join("; ", i.Expertise),
            i.Role == ApplicationRole.Mentor ? i.Capacity.ToString(CultureInfo.InvariantCulture) : "",
            string.Join("; ", i.Languages), i.DecisionReason, i.SubmittedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ]);
    }

    public static IReadOnlyList<int> TrackIds(string stored) =>
        TagList.Parse(stored).Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();

    private static IQueryable<Row> Sorted(IQueryable<Row> q, ApplicationFilter f) =>
        f.OldestFirst ? q.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id) : q.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id);

    /// <summary>The filters that read only the application's own columns.</summary>
    private IQueryable<Application> Applications(ApplicationFilter f)
    {
        var apps = db.Applications.AsNoTracking();
        if (f.CohortId is { } cohortId) apps = apps.Where(a => a.CohortId == cohortId);
        if (f.Status is { } status) apps = apps.Where(a => a.Status == status);
        if (f.Role is { } role) apps = apps.Where(a => a.Role == role);
        // A mentor's tracks are many: the filter finds mentees in the track and mentors serving it.
        if (f.TrackId is { } trackId)
        {
            var pattern = TagList.Pattern(trackId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            apps = apps.Where(a => a.TrackId == trackId || EF.Functions.Like(a.TracksServed, pattern));
        }
        return apps;
    }

    private IQueryable<Row> Query(ApplicationFilter f)
    {
        var q =
            from a in Applications(f)
            join c in db.Cohorts on a.CohortId equals c.Id
            join u in db.Users on a.UserId equals u.Id
            join p in db.Profiles on a.UserId equals p.UserId into ps
            from p in ps.DefaultIfEmpty()
            join tr in db.Tracks on a.TrackId equals tr.Id into ts
            from tr in ts.DefaultIfEmpty()
            select new Row
            {
                Id = a.Id, CohortId = a.CohortId, CohortName = c.Name, UserId = a.UserId, Name = p.DisplayName, Email = u.Email,
                Role = a.Role, Status = a.Status, TrackId = a.TrackId, TrackName = tr.Name, TracksServed = a.TracksServed,
                Seniority = p.Seniority, Industry = p.Industry, Employer = p.Employer, JobTitle = p.JobTitle,
                AppExpertise = a.Expertise, ProfileExpertise = p.Expertise, Capacity = a.Capacity, Languages = a.Languages,
                DecisionReason = a.DecisionReason, SubmittedAt = a.SubmittedAt,
            };

        if (f.Seniority is { } seniority) q = q.Where(r => r.Seniority == seniority);
#pragma warning disable CA1862 // EF translates ToLower(); the StringComparison overloads do not translate on every provider.
        if (!string.IsNullOrWhiteSpace(f.Industry))
        {
            var industry = f.Industry.Trim().ToLower();
            q = q.Where(r => r.Industry != null && r.Industry.ToLower() == industry);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim().ToLower();
            q = q.Where(r => (r.Name != null && r.Name.ToLower().Contains(term))
                             || (r.Email != null && r.Email.ToLower().Contains(term))
                             || (r.Employer != null && r.Employer.ToLower().Contains(term))
                             || r.AppExpertise.ToLower().Contains(term)
                             || (r.ProfileExpertise != null && r.ProfileExpertise.ToLower().Contains(term)));
        }
#pragma warning restore CA1862
        return q;
    }

    private static ApplicationListItem ToItem(Row r) => new(
        r.Id, r.CohortId, r.CohortName, r.UserId, r.Name ?? r.Email ?? "", r.Email ?? "", r.Role, r.Status, r.TrackId, r.TrackName,
        r.Seniority?.ToString(), r.Industry, r.Employer, r.JobTitle,
        TagList.Parse(r.Role == ApplicationRole.Mentor ? r.AppExpertise : r.ProfileExpertise), r.Capacity, TagList.Parse(r.Languages),
        r.DecisionReason, r.SubmittedAt);
}
