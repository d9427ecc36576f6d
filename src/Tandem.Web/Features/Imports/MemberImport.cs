using System.Globalization;
using System.Net.Mail;
using Tandem.Web.Features.Memberships;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Profiles;

namespace Tandem.Web.Features.Imports;

/// <param name="Row">The line of the file, counting the header as row 1.</param>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportResult(bool DryRun, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports members from CSV (columns email, name, employer, industry; the header names them in any order). People are
/// matched by email, so importing the same file again changes nothing. A file with any error writes nothing: the dry
/// run lists every error by row and column, and the real run answers the same errors without saving.
/// </summary>
public sealed class MemberImport(TandemDb db, UserManager<User> users, TimeProvider clock, Audit.AuditLog audit, IStringLocalizer<ImportsText> t)
{
    public const int MaxRows = ImportCsv.MaxRows, MaxName = 100, MaxText = 200;

    private sealed record Row(int Number, string Email, string Name, string? Employer, string? Industry, Seat? Membership);

    /// <summary>The optional membership columns of a row.</summary>
    private sealed record Seat(DateOnly StartsOn, DateOnly EndsOn, long FeeMinor, string Currency, DateOnly PaidOn);

    public async Task<ImportResult> RunAsync(byte[] csv, bool dryRun, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.DefaultCurrency }).FirstAsync(ct);
        var rows = Parse(csv, program.DefaultCurrency, errors);
        var existing = new Dictionary<string, (string UserId, Profile? Profile)>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => users.NormalizeEmail(r.Email)).Distinct().Chunk(500))
        {
            var found = await (from u in db.Users.Where(u => chunk.Contains(u.NormalizedEmail!))
                               join p in db.Profiles on u.Id equals p.UserId into profiles
                               from p in profiles.DefaultIfEmpty()
                               select new { u.Id, u.NormalizedEmail, Profile = p }).ToListAsync(ct);
            foreach (var f in found) existing[f.NormalizedEmail!] = (f.Id, f.Profile);
        }
        // A membership is the same one when it starts on the same day: re-importing adds no second seat.
        var seats = new HashSet<(string, DateOnly)>();
        foreach (var chunk in existing.Values.Select(e => e.UserId).Chunk(500))
            foreach (var m in await db.Memberships.AsNoTracking().Where(m => chunk.Contains(m.UserId)).Select(m => new { m.UserId, m.StartsOn }).ToListAsync(ct))
                seats.Add((m.UserId, m.StartsOn));
        var memberships = 0;
        Membership NewSeat(string userId, Seat seat)
        {
            memberships++;
            return new Membership
            {
                ProgramId = program.Id, UserId = userId, StartsOn = seat.StartsOn, EndsOn = seat.EndsOn, FeeMinor = seat.FeeMinor, Currency = seat.Currency,
                PaidOn = seat.PaidOn, RecordedById = null, Note = "CSV import", CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
        }

        int created = 0, updated = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var toCreate = new List<Row>();
        foreach (var r in rows)
        {
            if (!existing.TryGetValue(users.NormalizeEmail(r.Email), out var known))
            {
                if (r.Name.Length == 0) errors.Add(new(r.Number, "name", t["A new member needs a name."]));
                else { created++; toCreate.Add(r); }
                continue;
            }
            var profile = known.Profile;
            var newSeat = r.Membership is { } seat && !seats.Contains((known.UserId, seat.StartsOn));
            var changed = newSeat || profile is null
                || (r.Name.Length > 0 && r.Name != profile.DisplayName)
                || (r.Employer is not null && r.Employer != profile.Employer)
                || (r.Industry is not null && r.Industry != profile.Industry);
            if (!changed) { unchanged++; continue; }
            updated++;
            if (dryRun) continue;
            if (newSeat) db.Memberships.Add(NewSeat(known.UserId, r.Membership!));
            if (profile is null)
            {
                profile = new Profile { UserId = known.UserId, DisplayName = r.Name.Length > 0 ? r.Name : r.Email, UpdatedAt = now };
                db.Profiles.Add(profile);
            }
            if (r.Name.Length > 0) profile.DisplayName = r.Name;
            if (r.Employer is not null) profile.Employer = r.Employer;
            if (r.Industry is not null) profile.Industry = r.Industry;
            profile.UpdatedAt = now;
        }
        // Stable, so a row's problems keep the order of its columns.
        var byRow = errors.OrderBy(e => e.Row).ToList();
        errors.Clear();
        errors.AddRange(byRow);
        if (errors.Count > 0 || dryRun)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(dryRun, created, updated, unchanged, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in toCreate)
        {
            var user = new User { UserName = r.Email, Email = r.Email, CreatedAt = now };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new ImportResult(dryRun, 0, 0, 0, [new(r.Number, "email", string.Join(" ", result.Errors.Select(e => e.Description)))]);
            }
            db.Profiles.Add(new Profile { UserId = user.Id, DisplayName = r.Name, Employer = r.Employer, Industry = r.Industry, UpdatedAt = now });
            if (r.Membership is { } seat) db.Memberships.Add(NewSeat(user.Id, seat));
        }
        audit.Add(Audit.AuditActions.Imported, "members", null, null, $"members: {created} created, {updated} updated, {unchanged} unchanged; {memberships} memberships added");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(false, created, updated, unchanged, []);
    }

    private List<Row> Parse(byte[] csv, string defaultCurrency, List<ImportError> errors)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        ImportCsv.Read(csv, "email", t["The file needs a header row with an email column (and name, employer, industry)."], errors, row =>
        {
            var number = row.Number;
            var email = row.Cell("email") ?? "";
            var name = row.Cell("name") ?? "";
            var employer = row.Cell("employer");
            var industry = row.Cell("industry");
            var before = errors.Count;
            if (email.Length == 0) errors.Add(new(number, "email", t["Please enter an email address."]));
            else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                errors.Add(new(number, "email", t["\"{0}\" is not an email address.", email]));
            else if (seen.TryGetValue(email, out var first))
                errors.Add(new(number, "email", t["This email is already on row {0}.", first]));
            if (name.Length > MaxName) errors.Add(new(number, "name", t["The name can be at most {0} characters.", MaxName]));
            if (employer?.Length > MaxText) errors.Add(new(number, "employer", t["The employer can be at most {0} characters.", MaxText]));
            if (industry?.Length > MaxText) errors.Add(new(number, "industry", t["The industry can be at most {0} characters.", MaxText]));
            var seat = ParseSeat(row, defaultCurrency, errors);
            if (errors.Count > before) return;
            seen[email] = number;
            rows.Add(new Row(number, email, name, string.IsNullOrEmpty(employer) ? null : employer, string.IsNullOrEmpty(industry) ? null : industry, seat));
        }, t);
        return rows;
    }

    /// <summary>The membership columns (membership_starts, membership_ends, membership_fee, membership_currency, membership_paid_on); null when the row has none.</summary>
    private Seat? ParseSeat(ImportCsv.Row row, string defaultCurrency, List<ImportError> errors)
    {
        string[] columns = ["membership_starts", "membership_ends", "membership_fee", "membership_currency", "membership_paid_on"];
        if (columns.All(c => string.IsNullOrEmpty(row.Cell(c)))) return null;
        var before = errors.Count;
        DateOnly? Day(string column, bool required)
        {
            var text = row.Cell(column) ?? "";
            if (text.Length == 0)
            {
                if (required) errors.Add(new(row.Number, column, t["A membership needs this date (yyyy-MM-dd)."]));
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(new(row.Number, column, t["\"{0}\" is not a date (yyyy-MM-dd).", text]));
            return null;
        }
        var starts = Day("membership_starts", true);
        var ends = Day("membership_ends", true);
        var paid = Day("membership_paid_on", false);
        if (starts is { } s && ends is { } e && e <= s) errors.Add(new(row.Number, "membership_ends", t["The membership must end after it starts."]));
        var currency = Money.Normalize(row.Cell("membership_currency") is { Length: > 0 } c ? c : defaultCurrency);
        if (!Money.IsCurrency(currency)) errors.Add(new(row.Number, "membership_currency", t["\"{0}\" is not an ISO 4217 currency code (such as CNY, USD or EUR).", currency]));
        long minor = 0;
        if (row.Cell("membership_fee") is { Length: > 0 } fee
            && (!decimal.TryParse(fee, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || !Money.IsCurrency(currency) || !Money.TryToMinor(amount, currency, out minor)))
            errors.Add(new(row.Number, "membership_fee", t["The fee is an amount such as 500 or 500.00."]));
        return errors.Count > before ? null : new Seat(starts!.Value, ends!.Value, minor, currency, paid ?? starts.Value);
    }
}
