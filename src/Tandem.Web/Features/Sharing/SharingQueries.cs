using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Sharing;

public sealed record ResourceResponse(int Id, string ByName, string Title, string Url, string? Note, int? LibraryItemId, DateTime CreatedAt);

public sealed record WorkResponse(int Id, string ByName, string Title, string? Text, string? Url, DateTime CreatedAt, int Comments);

public sealed record CommentResponse(int Id, string ById, string ByName, string Text, DateTime At);

public sealed record WorkDetailsResponse(WorkResponse Work, IReadOnlyList<CommentResponse> Comments);

public sealed record IntroductionResponse(int Id, IntroductionKind Kind, string ToWhom, string Why, string? Outcome, DateTime CreatedAt, DateTime UpdatedAt);

public static class SharingQueries
{
    public const int PageSize = 20;

    public static async Task<PageResponse<ResourceResponse>?> ResourcesAsync(TandemDb db, int pairId, string me, int? page, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        var q = db.Resources.AsNoTracking().Where(r => r.PairId == pairId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        return await q.Select(r => new ResourceResponse(r.Id, db.Profiles.Where(p => p.UserId == r.ById).Select(p => p.DisplayName).FirstOrDefault() ?? "",
            r.Title, r.Url, r.Note, r.LibraryItemId, r.CreatedAt)).ToPageAsync(page, PageSize, ct);
    }

    public static async Task<PageResponse<WorkResponse>?> WorkAsync(TandemDb db, int pairId, string me, int? page, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        var q = db.SharedWork.AsNoTracking().Where(w => w.PairId == pairId).OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id);
        return await ProjectWork(db, q).ToPageAsync(page, PageSize, ct);
    }

    public static async Task<WorkDetailsResponse?> WorkItemAsync(TandemDb db, int workId, string me, CancellationToken ct)
    {
        var work = await ProjectWork(db, db.SharedWork.AsNoTracking().Where(w => w.Id == workId && db.Pairs.OfMember(me).Any(p => p.Id == w.PairId))).SingleOrDefaultAsync(ct);
        if (work is null) return null;
        var comments = await db.WorkComments.AsNoTracking().Where(c => c.SharedWorkId == workId).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new CommentResponse(c.Id, c.ById, db.Profiles.Where(p => p.UserId == c.ById).Select(p => p.DisplayName).FirstOrDefault() ?? "", c.Text, c.At))
            .ToListAsync(ct);
        return new WorkDetailsResponse(work, comments);
    }

    public static Task<int?> PairOfWorkAsync(TandemDb db, int workId, string me, CancellationToken ct) =>
        db.SharedWork.AsNoTracking().Where(w => w.Id == workId && db.Pairs.OfMember(me).Any(p => p.Id == w.PairId)).Select(w => (int?)w.PairId).SingleOrDefaultAsync(ct);

    public static async Task<PageResponse<IntroductionResponse>?> IntroductionsAsync(TandemDb db, int pairId, string me, int? page, CancellationToken ct)
    {
        if (!await db.Pairs.OfMember(me).AnyAsync(p => p.Id == pairId, ct)) return null;
        var q = db.Introductions.AsNoTracking().Where(i => i.PairId == pairId).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
        return await q.Select(i => new IntroductionResponse(i.Id, i.Kind, i.ToWhom, i.Why, i.Outcome, i.CreatedAt, i.UpdatedAt)).ToPageAsync(page, PageSize, ct);
    }

    private static IQueryable<WorkResponse> ProjectWork(TandemDb db, IQueryable<SharedWork> q) =>
        q.Select(w => new WorkResponse(w.Id, db.Profiles.Where(p => p.UserId == w.ById).Select(p => p.DisplayName).FirstOrDefault() ?? "",
            w.Title, w.Text, w.Url, w.CreatedAt, db.WorkComments.Count(c => c.SharedWorkId == w.Id)));
}
