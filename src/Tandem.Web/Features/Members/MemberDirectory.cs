using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Members;

public sealed record MemberRow(string UserId, string Name, string Email, string? Employer, string? Industry, int Memberships, int Applications, int Pairs);

public sealed record MemberMembership(int Id, DateOnly StartsOn, DateOnly EndsOn, DateOnly PaidOn);

public sealed record MemberApplication(int Id, int CohortId, string CohortName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationRole>))] ApplicationRole Role,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))] ApplicationStatus Status);

/// <summary>A pair as engagement facts: who, when, how it ended and how many meetings were held; never what was said.</summary>
public sealed record MemberPair(int PairId, int CohortId, string CohortName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationRole>))] ApplicationRole Role, string PartnerName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PairStatus>))] PairStatus Status, int MeetingsHeld);

public sealed record MemberDetails(MemberRow Member, IReadOnlyList<MemberMembership> Memberships, IReadOnlyList<MemberApplication> Applications, IReadOnlyList<MemberPair> Pairs);

/// <summary>The coordinators' member directory: everyone with an account, searchable by name, email, employer or industry.</summary>
public sealed class MemberDirectory(TandemDb db)
{
    public const int PageSize = 25;

    public async Task<PageResponse<MemberRow>> SearchAsync(string? q, int? page, CancellationToken ct)
    {
        var rows = from u in db.Users.AsNoTracking()
                   join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into profiles
                   from p in profiles.DefaultIfEmpty()
                   select new { u.Id, Email = u.Email ?? "", Name = p == null ? (u.Email ?? "") : p.DisplayName, Employer = p == null ? null : p.Employer, Industry = p == null ? null : p.Industry };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            rows = rows.Where(r => EF.Functions.Like(r.Name.ToLower(), like, "\\") || EF.Functions.Like(r.Email.ToLower(), like, "\\")
                                   || EF.Functions.Like((r.Employer ?? "").ToLower(), like, "\\") || EF.Functions.Like((r.Industry ?? "").ToLower(), like, "\\"));
        }
        return await rows.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new MemberRow(r.Id, r.Name, r.Email, r.Employer, r.Industry,
                db.Memberships.Count(m => m.UserId == r.Id), db.Applications.Count(a => a.UserId == r.Id), db.Pairs.Count(x => x.MenteeId == r.Id || x.MentorId == r.Id)))
            .ToPageAsync(page, PageSize, ct);
    }

    public async Task<MemberDetails?> ReadAsync(string userId, CancellationToken ct)
    {
        var row = await (from u in db.Users.AsNoTracking().Where(u => u.Id == userId)
                         join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into profiles
                         from p in profiles.DefaultIfEmpty()
                         select new MemberRow(u.Id, p == null ? (u.Email ?? "") : p.DisplayName, u.Email ?? "", p == null ? null : p.Employer, p == null ? null : p.Industry,
                             db.Memberships.Count(m => m.UserId == u.Id), db.Applications.Count(a => a.UserId == u.Id), db.Pairs.Count(x => x.MenteeId == u.Id || x.MentorId == u.Id)))
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderByDescending(m => m.StartsOn)
            .Select(m => new MemberMembership(m.Id, m.StartsOn, m.EndsOn, m.PaidOn)).ToListAsync(ct);
        var applications = await (from a in db.Applications.AsNoTracking().Where(a => a.UserId == userId)
                                  join c in db.Cohorts.AsNoTracking() on a.CohortId equals c.Id
                                  orderby c.StartsOn descending, a.Id
                                  select new MemberApplication(a.Id, c.Id, c.Name, a.Role, a.Status)).ToListAsync(ct);
        var pairs = await (from x in db.Pairs.AsNoTracking().Where(x => x.MenteeId == userId || x.MentorId == userId)
                           join c in db.Cohorts.AsNoTracking() on x.CohortId equals c.Id
                           orderby c.StartsOn descending, x.Id
                           select new MemberPair(x.Id, c.Id, c.Name, x.MenteeId == userId ? ApplicationRole.Mentee : ApplicationRole.Mentor,
                               db.Profiles.Where(p => p.UserId == (x.MenteeId == userId ? x.MentorId : x.MenteeId)).Select(p => p.DisplayName).FirstOrDefault() ?? "",
                               x.Status, db.Meetings.Count(m => m.PairId == x.Id && m.Status == MeetingStatus.Held))).ToListAsync(ct);
        return new MemberDetails(row, memberships, applications, pairs);
    }
}
