using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Memberships;

/// <param name="EndsOn">Optional: one year by default (StartsOn + 1 year − 1 day).</param>
/// <param name="Fee">The fee in the currency's main unit (e.g. 300.50); stored in minor units.</param>
/// <param name="Currency">ISO 4217; the program's default currency when empty.</param>
/// <param name="PaidOn">Optional: StartsOn when empty.</param>
public sealed record MembershipRequest(string? Email, DateOnly? StartsOn, DateOnly? EndsOn, decimal? Fee, string? Currency, DateOnly? PaidOn, string? Note);

public sealed record MembershipResponse(
    int Id, string UserId, string Email, string DisplayName, DateOnly StartsOn, DateOnly EndsOn, long FeeMinor, decimal Fee,
    string Currency, DateOnly PaidOn, string? Note, bool SeatUsed);

public sealed record DonationTotal(string Currency, long TotalMinor, decimal Total, int Memberships);

public sealed record MembershipSummaryResponse(string DonationRecipient, IReadOnlyList<DonationTotal> Totals);

/// <summary>Records, changes and removes memberships; the coordinator pages and the API share it.</summary>
public sealed class MembershipBook(TandemDb db, TimeProvider clock, IStringLocalizer<MembershipsText> t)
{
    public async Task<Outcome<Membership>> RecordAsync(MembershipRequest request, string recordedById, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var membership = new Membership { ProgramId = programId, UserId = "", Currency = "", RecordedById = recordedById, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var errors = await ApplyAsync(membership, request, ct);
        if (errors.Any) return errors;
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>Changes a membership whose seat is unused.</summary>
    public async Task<Outcome<Membership>> UpdateAsync(int id, MembershipRequest request, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return Refusal.NotFound;
        if (await SeatUsedAsync(id, ct)) return SeatInUse();
        var errors = await ApplyAsync(membership, request, ct);
        if (errors.Any) return errors;
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>Deletes a membership whose seat is unused.</summary>
    public async Task<Outcome<Membership>> DeleteAsync(int id, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return Refusal.NotFound;
        if (await SeatUsedAsync(id, ct)) return SeatInUse();
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return membership;
    }

    public Task<bool> SeatUsedAsync(int id, CancellationToken ct) => db.Applications.AnyAsync(a => a.MembershipId == id, ct);

    private Errors SeatInUse() => Errors.One("", t["This membership's cohort seat is already used by an application, so it can no longer be changed or deleted."]);

    private async Task<Errors> ApplyAsync(Membership m, MembershipRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        var email = r.Email?.Trim() ?? "";
        string? userId = null;
        if (email.Length == 0) errors.Add("Email", t["Please enter the member's email address."]);
        else
        {
            var normalized = email.ToUpperInvariant();
            userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId is null) errors.Add("Email", t["No member has the email address {0}.", email]);
        }

        if (r.StartsOn is null) errors.Add("StartsOn", t["Please enter when the membership starts."]);
        var ends = r.EndsOn ?? r.StartsOn?.AddYears(1).AddDays(-1);
        if (r.StartsOn is not null && ends < r.StartsOn) errors.Add("EndsOn", t["The membership cannot end before it starts."]);

        var defaultCurrency = await db.Programs.Where(p => p.Id == m.ProgramId).Select(p => p.DefaultCurrency).SingleAsync(ct);
        var currency = string.IsNullOrWhiteSpace(r.Currency) ? defaultCurrency : Money.Normalize(r.Currency);
        var currencyOk = Money.IsCurrency(currency);
        if (!currencyOk) errors.Add("Currency", t["\"{0}\" is not an ISO 4217 currency code (such as CNY, USD or EUR).", r.Currency ?? ""]);

        long feeMinor = 0;
        if (r.Fee is null) errors.Add("Fee", t["Please enter the fee (0 if waived)."]);
        else if (r.Fee < 0) errors.Add("Fee", t["The fee cannot be negative."]);
        else if (currencyOk && !Money.TryToMinor(r.Fee.Value, currency, out feeMinor))
            errors.Add("Fee", t["{0} amounts have at most {1} decimals.", currency, Money.MinorDigits(currency)]);

        var note = r.Note?.Trim();
        if (note?.Length > 1000) errors.Add("Note", t["The note can be at most 1000 characters."]);
        if (errors.Any) return errors;

        m.UserId = userId!;
        m.StartsOn = r.StartsOn!.Value;
        m.EndsOn = ends!.Value;
        m.FeeMinor = feeMinor;
        m.Currency = currency;
        m.PaidOn = r.PaidOn ?? r.StartsOn.Value;
        m.Note = string.IsNullOrEmpty(note) ? null : note;
        return errors;
    }
}
