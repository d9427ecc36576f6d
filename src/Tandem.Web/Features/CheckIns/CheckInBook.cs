using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.CheckIns;

public sealed record CheckInRequest(int Month, int Progress, int Relationship, string? NoteToCoordinator);

/// <summary>A person's own check-in.</summary>
public sealed record CheckInResponse(int Month, PairRole Role, int Progress, int Relationship, string? NoteToCoordinator, DateTime SubmittedAt);

/// <summary>One check-in point for the signed-in person: when it is due and whether they answered.</summary>
public sealed record CheckInPoint(int Month, DateOnly DueOn, bool Due, CheckInResponse? Mine);

/// <summary>What a person sees: their points and their own answers. Coordinators get <see cref="Ratings"/> instead.</summary>
public sealed record PairCheckIns(int PairId, PairRole Role, bool Open, IReadOnlyList<CheckInPoint> Points, IReadOnlyList<CheckInResponse> Ratings);

/// <summary>
/// Check-ins at the months the program sets (default 2 and 4 after the pair's start): each of the two answers
/// once per point, from the day the point is due while the pair is active. Coordinators see the ratings and the
/// notes addressed to them; the two never see each other's answers.
/// </summary>
public sealed class CheckInBook(TandemDb db, PairFacts facts, TimeProvider clock, IStringLocalizer<CheckInsText> t)
{
    public const int MaxNote = 2000;

    public static IEnumerable<int> DuePoints(DateOnly periodStart, IEnumerable<int> months, DateOnly today) =>
        months.Where(m => periodStart.AddMonths(m) <= today);

    /// <summary>Null when the pair is not the person's (or, for coordinators, does not exist).</summary>
    public async Task<PairCheckIns?> ReadAsync(int pairId, string userId, bool coordinator, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, coordinator, ct);
        if (pair is null) return null;
        var settings = await facts.SettingsAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var role = pair.RoleOf(userId);
        var rows = await db.CheckIns.AsNoTracking().Where(c => c.PairId == pairId && (role == PairRole.None || c.UserId == userId))
            .OrderBy(c => c.Month).ThenBy(c => c.Id).ToListAsync(ct);
        var answers = rows.Select(c => new CheckInResponse(c.Month, pair.RoleOf(c.UserId), c.Progress, c.Relationship, c.NoteToCoordinator, c.SubmittedAt)).ToList();
        if (role == PairRole.None) return new(pairId, role, pair.Status == PairStatus.Active, [], answers);
        var points = settings.CheckInMonths.Select(m => new CheckInPoint(m, pair.PeriodStart.AddMonths(m), pair.PeriodStart.AddMonths(m) <= today,
            answers.FirstOrDefault(a => a.Month == m))).ToList();
        return new(pairId, role, pair.Status == PairStatus.Active, points, []);
    }

    /// <summary>Records the person's answer; null when the pair is not theirs.</summary>
    public async Task<Outcome<CheckIn>> SubmitAsync(int pairId, string userId, CheckInRequest r, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, false, ct);
        if (pair is null) return Refusal.NotFound;
        var settings = await facts.SettingsAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var errors = new Errors();
        if (r.Progress is < 1 or > 5) errors.Add(nameof(r.Progress), t["Rate the progress toward your goals from 1 to 5."]);
        if (r.Relationship is < 1 or > 5) errors.Add(nameof(r.Relationship), t["Rate how the relationship is going from 1 to 5."]);
        if (r.NoteToCoordinator?.Length > MaxNote) errors.Add(nameof(r.NoteToCoordinator), t["The note is limited to {0} characters.", MaxNote]);
        if (pair.Status != PairStatus.Active)
            errors.Add("", t["This pair is closed; check-ins are over."]);
        else if (!settings.CheckInMonths.Contains(r.Month))
            errors.Add(nameof(r.Month), t["There is no check-in at month {0}.", r.Month]);
        else if (pair.PeriodStart.AddMonths(r.Month) > today)
            errors.Add(nameof(r.Month), t["The month-{0} check-in opens on {1}.", r.Month, pair.PeriodStart.AddMonths(r.Month).ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
        else if (await db.CheckIns.AnyAsync(c => c.PairId == pairId && c.UserId == userId && c.Month == r.Month, ct))
            errors.Add(nameof(r.Month), t["You have already answered the month-{0} check-in.", r.Month]);
        if (errors.Any) return errors;

        var checkIn = new CheckIn
        {
            PairId = pairId, UserId = userId, Month = r.Month, Progress = r.Progress, Relationship = r.Relationship,
            NoteToCoordinator = string.IsNullOrWhiteSpace(r.NoteToCoordinator) ? null : r.NoteToCoordinator.Trim(),
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double submit raced this one: the unique key keeps one answer per person and point.
            db.ChangeTracker.Clear();
            return Errors.One(nameof(r.Month), t["You have already answered the month-{0} check-in.", r.Month]);
        }
        return checkIn;
    }
}
