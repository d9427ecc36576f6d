using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Audit;

/// <param name="From">First day included (UTC).</param>
/// <param name="To">Last day included (UTC).</param>
public sealed record AuditFilter(string? Action = null, string? ActorId = null, int? CohortId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Id, DateTime At, string? ActorId, string? ActorName, string Action, string TargetType, string? TargetId, int? CohortId, string? CohortName, string Summary);

public sealed record AuditActor(string Id, string Name);

/// <summary>Reads the audit log, newest first, filtered and paged for the page and the API alike.</summary>
public sealed class AuditQueries(TandemDb db)
{
    public const int PageSize = 50;

    public async Task<PageResponse<AuditRow>> ListAsync(AuditFilter filter, int? page, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Action)) q = q.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrEmpty(filter.ActorId)) q = q.Where(e => e.ActorId == filter.ActorId);
        if (filter.CohortId is int cohort) q = q.Where(e => e.CohortId == cohort);
        if (filter.From is DateOnly from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.At >= start);
        }
        if (filter.To is DateOnly to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.At < end);
        }
        var rows = from e in q
                   orderby e.At descending, e.Id descending
                   select new AuditRow(e.Id, e.At, e.ActorId,
                       db.Profiles.Where(p => p.UserId == e.ActorId).Select(p => p.DisplayName).FirstOrDefault()
                           ?? db.Users.Where(u => u.Id == e.ActorId).Select(u => u.Email).FirstOrDefault(),
                       e.Action, e.TargetType, e.TargetId, e.CohortId,
                       db.Cohorts.Where(c => c.Id == e.CohortId).Select(c => c.Name).FirstOrDefault(), e.Summary);
        return await rows.ToPageAsync(page, PageSize, ct);
    }

    /// <summary>Everyone who appears in the log, for the actor filter.</summary>
    public async Task<IReadOnlyList<AuditActor>> ActorsAsync(CancellationToken ct)
    {
        var ids = await db.AuditEntries.AsNoTracking().Where(e => e.ActorId != null).Select(e => e.ActorId!).Distinct().ToListAsync(ct);
        var names = await (from u in db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                           join p in db.Profiles.AsNoTracking() on u.Id equals p.UserId into ps
                           from p in ps.DefaultIfEmpty()
                           select new AuditActor(u.Id, p != null ? p.DisplayName : u.Email ?? u.Id)).ToListAsync(ct);
        return names.OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
    }
}
