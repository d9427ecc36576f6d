using System.Net.Mail;
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

    private sealed record Row(int Number, string Email, string Name, string? Employer, string? Industry);

    public async Task<ImportResult> RunAsync(byte[] csv, bool dryRun, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var rows = Parse(csv, errors);
        var existing = new Dictionary<string, (string UserId, Profile? Profile)>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => users.NormalizeEmail(r.Email)).Distinct().Chunk(500))
        {
            var found = await (from u in db.Users.Where(u => chunk.Contains(u.NormalizedEmail!))
                               join p in db.Profiles on u.Id equals p.UserId into profiles
                               from p in profiles.DefaultIfEmpty()
                               select new { u.Id, u.NormalizedEmail, Profile = p }).ToListAsync(ct);
            foreach (var f in found) existing[f.NormalizedEmail!] = (f.Id, f.Profile);
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
            var changed = profile is null
                || (r.Name.Length > 0 && r.Name != profile.DisplayName)
                || (r.Employer is not null && r.Employer != profile.Employer)
                || (r.Industry is not null && r.Industry != profile.Industry);
            if (!changed) { unchanged++; continue; }
            updated++;
            if (dryRun) continue;
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
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
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
        }
        audit.Add(Audit.AuditActions.Imported, "members", null, null, $"members: {created} created, {updated} updated, {unchanged} unchanged");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(false, created, updated, unchanged, []);
    }

    private List<Row> Parse(byte[] csv, List<ImportError> errors)
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
            if (errors.Count > before) return;
            seen[email] = number;
            rows.Add(new Row(number, email, name, string.IsNullOrEmpty(employer) ? null : employer, string.IsNullOrEmpty(industry) ? null : industry));
        }, t);
        return rows;
    }
}
