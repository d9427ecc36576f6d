using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

/// <param name="Confirm">Must be true to decide; without it nothing changes and the answer lists what would happen.</param>
public sealed record BulkDecisionRequest(IReadOnlyList<int>? Ids, Decision? Decision, string? Reason, bool Confirm = false);

public sealed record BulkDecisionItem(int Id, string Name, ApplicationRole Role, string? Problem = null);

/// <param name="Done">True when the decisions were saved; false for the preview.</param>
/// <param name="Decided">The applications decided (or, in the preview, that would be).</param>
/// <param name="Refused">The applications the decision cannot apply to, each with the reason; they are left as they are.</param>
public sealed record BulkDecisionResponse(bool Done, Decision Decision, int Count, IReadOnlyList<BulkDecisionItem> Decided, IReadOnlyList<BulkDecisionItem> Refused);

/// <summary>
/// One decision with one reason for many applications of a cohort. Each goes through
/// <see cref="ApplicationCommands.DecideAsync"/> (its rules, notices and audit entry), all inside one transaction;
/// the preview runs the same decisions and rolls them back, so it shows exactly what confirming will do.
/// </summary>
public sealed class BulkDecisions(TandemDb db, ApplicationCommands commands, IStringLocalizer<ApplicationsText> t)
{
    public const int MaxIds = 500;

    public async Task<Outcome<BulkDecisionResponse>> RunAsync(int cohortId, string coordinatorId, BulkDecisionRequest request, CancellationToken ct)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == cohortId, ct)) return Refusal.NotFound;
        var errors = new Errors();
        var ids = (request.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) errors.Add("Ids", t["Select at least one application."]);
        else if (ids.Count > MaxIds) errors.Add("Ids", t["Select at most {0} applications at a time.", MaxIds]);
        if (request.Decision is not { } decision || !Enum.IsDefined(decision)) errors.Add("Decision", t["Choose accept, waitlist or decline."]);
        else if (decision == Decision.Decline && string.IsNullOrWhiteSpace(request.Reason))
            errors.Add("Reason", t["Please give a reason for declining; it is sent to the applicant."]);
        if (request.Reason?.Length > 2000) errors.Add("Reason", t["Please keep the reason to at most 2000 characters."]);
        if (errors.Any) return errors;

        var known = await (from a in db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && ids.Contains(a.Id))
                           select new { a.Id, a.Role, Name = db.Profiles.Where(p => p.UserId == a.UserId).Select(p => p.DisplayName).FirstOrDefault() ?? "" })
                          .ToDictionaryAsync(a => a.Id, ct);
        var decided = new List<BulkDecisionItem>();
        var refused = ids.Where(id => !known.ContainsKey(id))
            .Select(id => new BulkDecisionItem(id, "", ApplicationRole.Mentee, t["This is not an application of this cohort."])).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            decided.Clear();
            refused.RemoveAll(r => known.ContainsKey(r.Id));
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var id in ids.Where(known.ContainsKey))
            {
                var a = known[id];
                var outcome = await commands.DecideAsync(id, coordinatorId, request.Decision!.Value, request.Reason, ct);
                if (outcome.Refusal is { } no)
                {
                    refused.Add(new BulkDecisionItem(id, a.Name, a.Role, string.Join(" ", no.Messages)));
                    // A refused decision may have left tracked changes behind; they must not ride along with the next save.
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList()) entry.State = EntityState.Detached;
                }
                else decided.Add(new BulkDecisionItem(id, a.Name, a.Role));
            }
            if (request.Confirm && decided.Count > 0) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        });
        return new BulkDecisionResponse(request.Confirm && decided.Count > 0, request.Decision!.Value, decided.Count, decided, refused.OrderBy(r => r.Id).ToList());
    }
}
