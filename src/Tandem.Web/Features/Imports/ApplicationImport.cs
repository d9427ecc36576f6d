using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Audit;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Imports;

/// <summary>
/// Imports applications from CSV: cohort (name), email, role (mentee or mentor), track (code or name), languages, and
/// optionally capacity, tracks_served, focus_areas, expertise, flourish, offer, meeting_mode, availability. The applicant
/// must already be a member (import members first). An application is one per cohort, person and role, so importing the
/// same file again creates nothing; a changed row updates the application's fields (never its status). New applications
/// arrive as submitted, to be reviewed like any other. A file with any error writes nothing.
/// </summary>
public sealed class ApplicationImport(TandemDb db, UserManager<User> users, TimeProvider clock, AuditLog audit, IStringLocalizer<ImportsText> t)
{
    public const int MaxText = 2000;

    private sealed record Row(int Number, int CohortId, string Email, ApplicationRole Role, ApplicationFields Fields);

    private sealed record CohortRef(int Id, int ProgramId, string Name, bool Open);

    /// <param name="progress">Told how many rows have been written so far (the real run only).</param>
    public async Task<ImportResult> RunAsync(byte[] csv, bool dryRun, CancellationToken ct, IProgress<int>? progress = null)
    {
        var cohorts = await db.Cohorts.AsNoTracking()
            .Select(c => new CohortRef(c.Id, c.ProgramId, c.Name, c.Status == Cohorts.CohortStatus.Open || c.Status == Cohorts.CohortStatus.Matching)).ToListAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().Select(x => new { x.Id, x.ProgramId, x.Code, x.Name }).ToListAsync(ct);
        int? Track(CohortRef? cohort, string value) => tracks.Where(x => x.ProgramId == cohort?.ProgramId).FirstOrDefault(x => string.Equals(x.Code, value, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Name, value, StringComparison.OrdinalIgnoreCase))?.Id;

        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var seen = new Dictionary<(int, string, ApplicationRole), int>();
        ImportCsv.Read(csv, "email", t["The file needs a header row with the columns cohort, email, role, track and languages."], errors, r =>
        {
            var n = r.Number;
            var before = errors.Count;
            var cohortText = r.Cell("cohort") ?? "";
            var cohort = cohorts.FirstOrDefault(c => string.Equals(c.Name, cohortText, StringComparison.OrdinalIgnoreCase))
                         ?? (int.TryParse(cohortText, NumberStyles.None, CultureInfo.InvariantCulture, out var cid) ? cohorts.FirstOrDefault(c => c.Id == cid) : null);
            if (cohortText.Length == 0) errors.Add(new(n, "cohort", t["Name the cohort."]));
            else if (cohort is null) errors.Add(new(n, "cohort", t["There is no cohort \"{0}\".", cohortText]));
            else if (!cohort.Open) errors.Add(new(n, "cohort", t["{0} is not open or matching: applications cannot be imported into it.", cohort.Name]));

            var email = r.Cell("email") ?? "";
            if (email.Length == 0) errors.Add(new(n, "email", t["Please enter an email address."]));
            else if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                errors.Add(new(n, "email", t["\"{0}\" is not an email address.", email]));

            var roleText = r.Cell("role") ?? "";
            ApplicationRole? role = roleText.ToLowerInvariant() switch { "mentee" => ApplicationRole.Mentee, "mentor" => ApplicationRole.Mentor, _ => null };
            if (role is null) errors.Add(new(n, "role", t["The role is mentee or mentor."]));

            int? track = null;
            var trackText = r.Cell("track") ?? "";
            // Tracks belong to the cohort's program: without a cohort there is nothing to check them against.
            if (cohort is not null)
            {
                if (trackText.Length > 0 && (track = Track(cohort, trackText)) is null) errors.Add(new(n, "track", t["There is no track \"{0}\".", trackText]));
                else if (role == ApplicationRole.Mentee && track is null) errors.Add(new(n, "track", t["A mentee needs a track."]));
            }

            var served = new List<int>();
            foreach (var code in cohort is null ? [] : Tags(r.Cell("tracks_served")))
                if (Track(cohort, code) is int id) served.Add(id);
                else errors.Add(new(n, "tracks_served", t["There is no track \"{0}\".", code]));
            if (role == ApplicationRole.Mentor && served.Count == 0) served.AddRange(track is int own ? [own] : tracks.Where(x => x.ProgramId == cohort?.ProgramId).Select(x => x.Id));

            var languages = Tags(r.Cell("languages"));
            if (languages.Count == 0) errors.Add(new(n, "languages", t["List at least one language (such as en; zh)."]));

            var capacity = 1;
            if (r.Cell("capacity") is { Length: > 0 } cap && (!int.TryParse(cap, NumberStyles.None, CultureInfo.InvariantCulture, out capacity) || capacity is < 1 or > 5))
                errors.Add(new(n, "capacity", t["Capacity is a number of mentees from 1 to 5."]));
            var availability = ApplicationRules.AllSlots;
            if (r.Cell("availability") is { Length: > 0 } av && (!int.TryParse(av, NumberStyles.None, CultureInfo.InvariantCulture, out availability) || availability is < 1 or > ApplicationRules.AllSlots))
                errors.Add(new(n, "availability", t["Availability is a number from 1 to {0} (one bit per weekly slot).", ApplicationRules.AllSlots]));
            var mode = MeetingMode.Either;
            if (r.Cell("meeting_mode") is { Length: > 0 } m && !Enum.TryParse(m.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), true, out mode) | int.TryParse(m, out _))
                errors.Add(new(n, "meeting_mode", t["The meeting mode is online, in person or either."]));
            var flourish = r.Cell("flourish");
            var offer = r.Cell("offer");
            foreach (var (column, value) in new[] { ("flourish", flourish), ("offer", offer), ("focus_areas", r.Cell("focus_areas")), ("expertise", r.Cell("expertise")) })
                if (value?.Length > MaxText) errors.Add(new(n, column, t["This text can be at most {0} characters.", MaxText]));

            if (errors.Count > before) return;
            var key = (cohort!.Id, users.NormalizeEmail(email), role!.Value);
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(new(n, "email", t["Row {0} already has this person in this role for this cohort.", first]));
                return;
            }
            seen[key] = n;
            var mentee = role == ApplicationRole.Mentee;
            rows.Add(new Row(n, cohort.Id, email, role.Value, new ApplicationFields(
                mentee ? track : null, string.IsNullOrEmpty(flourish) ? null : flourish, Tags(r.Cell("focus_areas")), GenderPreference.Any, false, MentorOrigin.Either,
                mode, availability, languages, capacity, served, Tags(r.Cell("expertise")), string.IsNullOrEmpty(offer) ? null : offer, false)));
        }, t);

        // The people, by email: an applicant must be a member already.
        var userIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => users.NormalizeEmail(r.Email)).Distinct().Chunk(500))
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct))
                userIds[u.NormalizedEmail!] = u.Id;
        foreach (var r in rows.Where(r => !userIds.ContainsKey(users.NormalizeEmail(r.Email))))
            errors.Add(new(r.Number, "email", t["{0} is not a member yet: import them as a member first.", r.Email]));

        // Existing applications of these cohorts and people, loaded per cohort in chunks of people.
        var existing = new Dictionary<(int, string, ApplicationRole), Application>();
        foreach (var cohortRows in rows.GroupBy(r => r.CohortId))
            foreach (var chunk in cohortRows.Select(r => userIds.GetValueOrDefault(users.NormalizeEmail(r.Email))).OfType<string>().Distinct().Chunk(500))
                foreach (var a in await db.Applications.Where(a => a.CohortId == cohortRows.Key && chunk.Contains(a.UserId)).ToListAsync(ct))
                    existing[(a.CohortId, a.UserId, a.Role)] = a;

        int created = 0, updated = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var toCreate = new List<Application>();
        foreach (var r in rows)
        {
            if (!userIds.TryGetValue(users.NormalizeEmail(r.Email), out var userId)) continue;
            if (existing.TryGetValue((r.CohortId, userId, r.Role), out var application))
            {
                // Only the imported columns change; what the applicant chose in the form (preferences, opt-ins) stays.
                var incoming = new Application { UserId = userId, Role = r.Role };
                ApplicationCommands.Apply(incoming, r.Role, r.Fields, now);
                if (Snapshot(incoming) == Snapshot(application)) { unchanged++; continue; }
                updated++;
                (application.Languages, application.Availability, application.MeetingMode, application.TrackId, application.Flourish, application.FocusAreas) =
                    (incoming.Languages, incoming.Availability, incoming.MeetingMode, incoming.TrackId, incoming.Flourish, incoming.FocusAreas);
                (application.Capacity, application.TracksServed, application.Expertise, application.Offer, application.UpdatedAt) =
                    (incoming.Capacity, incoming.TracksServed, incoming.Expertise, incoming.Offer, now);
                continue;
            }
            created++;
            var fresh = new Application { CohortId = r.CohortId, UserId = userId, Role = r.Role, Status = ApplicationStatus.Submitted, SubmittedAt = now };
            ApplicationCommands.Apply(fresh, r.Role, r.Fields, now);
            toCreate.Add(fresh);
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

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var written = 0;
            foreach (var chunk in toCreate.Chunk(2000))
            {
                await BulkInsert.WriteAsync(db, chunk, keepIds: false, ct);
                progress?.Report(written += chunk.Length);
            }
            foreach (var cohortId in rows.Select(r => r.CohortId).Distinct())
                audit.Add(AuditActions.Imported, "applications", null, cohortId,
                    $"applications: {toCreate.Count(a => a.CohortId == cohortId)} created, {updated} updated in the file, {rows.Count(r => r.CohortId == cohortId)} rows");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new ImportResult(false, created, updated, unchanged, []);
    }

    private static IReadOnlyList<string> Tags(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : cell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Snapshot(Application a) => string.Join('\u001f', a.Languages, a.Availability, a.MeetingMode, a.TrackId, a.Flourish, a.FocusAreas,
        a.Capacity, a.TracksServed, a.Expertise, a.Offer);
}
