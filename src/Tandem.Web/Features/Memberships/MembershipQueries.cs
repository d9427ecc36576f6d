using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

/// <summary>The reads the Memberships pages and API share.</summary>
public static class MembershipQueries
{
    public const int PageSize = 20;

    public static Task<PageResponse<MembershipResponse>> ListAsync(TandemDb db, string? q, int? year, int? page, CancellationToken ct)
    {
        var rows = Rows(db);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            rows = rows.Where(r => EF.Functions.Like(r.Email.ToLower(), pattern) || EF.Functions.Like(r.DisplayName.ToLower(), pattern));
        }
        if (year is int y and > 0 and < 10000)
        {
            DateOnly from = new(y, 1, 1), to = new(y, 12, 31);
            rows = rows.Where(r => r.StartsOn >= from && r.StartsOn <= to);
        }
        return rows.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id)
            .ToPageAsync(page, PageSize, async onePage => (await onePage.ToListAsync(ct)).Select(WithFee).ToList(), ct);
    }

    public static async Task<IReadOnlyList<MembershipResponse>> MineAsync(TandemDb db, string userId, CancellationToken ct) =>
        (await Rows(db).Where(r => r.UserId == userId).OrderByDescending(r => r.StartsOn).ToListAsync(ct)).Select(WithFee).ToList();

    public static async Task<MembershipResponse?> OneAsync(TandemDb db, int id, CancellationToken ct) =>
        await Rows(db).Where(r => r.Id == id).SingleOrDefaultAsync(ct) is { } row ? WithFee(row) : null;

    /// <summary>Everything donated: the sum of all fees per currency, summed by the database over exact minor units.</summary>
    public static async Task<MembershipSummaryResponse> SummaryAsync(TandemDb db, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.DonationRecipient, p.DonationRecipientZh }).FirstAsync(ct);
        var totals = await db.Memberships.AsNoTracking().Where(m => m.ProgramId == program.Id)
            .GroupBy(m => m.Currency)
            .Select(g => new { Currency = g.Key, Total = g.Sum(m => m.FeeMinor), Count = g.Count() })
            .ToListAsync(ct);
        return new MembershipSummaryResponse(Localized.Pick(program.DonationRecipient, program.DonationRecipientZh),
            totals.OrderBy(x => x.Currency, StringComparer.Ordinal)
                .Select(x => new DonationTotal(x.Currency, x.Total, Money.FromMinor(x.Total, x.Currency), x.Count)).ToList());
    }

    private static MembershipResponse WithFee(Row r) =>
        new(r.Id, r.UserId, r.Email, r.DisplayName, r.StartsOn, r.EndsOn, r.FeeMinor, Money.FromMinor(r.FeeMinor, r.Currency), r.Currency, r.PaidOn, r.Note, r.SeatUsed);

    /// <summary>A membership with its member; a member-init shape so that filters after the projection still translate to SQL.</summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public string UserId { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public long FeeMinor { get; init; }
        public string Currency { get; init; } = "";
        public DateOnly PaidOn { get; init; }
        public string? Note { get; init; }
        public bool SeatUsed { get; init; }
    }

    private static IQueryable<Row> Rows(TandemDb db) =>
        from m in db.Memberships.AsNoTracking()
        join u in db.Users on m.UserId equals u.Id
        join p in db.Profiles on m.UserId equals p.UserId into profiles
        from p in profiles.DefaultIfEmpty()
        select new Row
        {
            Id = m.Id, UserId = m.UserId, Email = u.Email!, DisplayName = p != null ? p.DisplayName : u.Email!, StartsOn = m.StartsOn, EndsOn = m.EndsOn,
            FeeMinor = m.FeeMinor, Currency = m.Currency, PaidOn = m.PaidOn, Note = m.Note, SeatUsed = db.Applications.Any(a => a.MembershipId == m.Id),
        };
}
