using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Agreements;

public sealed record AgreementRequest(string? AreasForGrowth, string? DesiredOutcomes, string? MenteeExpectations, string? MentorExpectations,
    string? RolesAndResponsibilities, string? MeetingCadence, bool ConfidentialityAcknowledged);

public sealed record GoalRequest(string? Title, string? Measure, DateOnly? TargetDate, GoalStatus? Status);

public sealed record GoalUpdateRequest(string? Note, int? Progress);

/// <summary>The agreement's writes, shared by the pages and the API. The mentee leads the goals; the mentor comments on their updates.</summary>
public sealed class AgreementBook(TandemDb db, TimeProvider clock, IStringLocalizer<AgreementsText> t, IStringLocalizer<PairsText> pt)
{
    public const int LongText = 4000;

    public async Task<Outcome<Agreement>> SaveAsync(int pairId, string me, AgreementRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var errors = new Errors();
        foreach (var (field, value) in new[] { (nameof(r.AreasForGrowth), r.AreasForGrowth), (nameof(r.DesiredOutcomes), r.DesiredOutcomes),
                     (nameof(r.MenteeExpectations), r.MenteeExpectations), (nameof(r.MentorExpectations), r.MentorExpectations),
                     (nameof(r.RolesAndResponsibilities), r.RolesAndResponsibilities) })
            if (value?.Length > LongText) errors.Add(field, t["Please keep each part under {0} characters.", LongText]);
        if (r.MeetingCadence?.Length > 200) errors.Add(nameof(r.MeetingCadence), t["Please describe the meeting cadence in under 200 characters."]);
        if (errors.Any) return errors;

        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.PairId == pairId, ct);
        if (agreement is null) db.Agreements.Add(agreement = new Agreement { PairId = pairId });
        agreement.AreasForGrowth = Clean(r.AreasForGrowth);
        agreement.DesiredOutcomes = Clean(r.DesiredOutcomes);
        agreement.MenteeExpectations = Clean(r.MenteeExpectations);
        agreement.MentorExpectations = Clean(r.MentorExpectations);
        agreement.RolesAndResponsibilities = Clean(r.RolesAndResponsibilities);
        agreement.MeetingCadence = Clean(r.MeetingCadence);
        agreement.ConfidentialityAcknowledged = r.ConfidentialityAcknowledged;
        Changed(agreement);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>Records the person's confirmation with its time; the agreement needs the confidentiality acknowledgement and a goal.</summary>
    public async Task<Outcome<Agreement>> ConfirmAsync(int pairId, string me, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.PairId == pairId, ct);
        var errors = new Errors();
        if (agreement is null || !agreement.ConfidentialityAcknowledged)
            errors.Add(nameof(Agreement.ConfidentialityAcknowledged), t["Please acknowledge confidentiality in the agreement before confirming it."]);
        if (!await db.Goals.AnyAsync(g => g.PairId == pairId, ct))
            errors.Add("Goals", t["Please add at least one goal before confirming the agreement."]);
        if (errors.Any) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        if (pair.IsMentee) agreement!.MenteeConfirmedAt = now;
        else agreement!.MentorConfirmedAt = now;
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    public async Task<Outcome<Goal>> AddGoalAsync(int pairId, string me, GoalRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (GoalRefusal(pair) is { } refused) return refused;
        if (Validate(r) is { } errors) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        var goal = new Goal
        {
            PairId = pairId, Title = r.Title!.Trim(), Measure = r.Measure!.Trim(), TargetDate = r.TargetDate!.Value,
            Status = r.Status ?? GoalStatus.NotStarted, CreatedAt = now, UpdatedAt = now,
        };
        db.Goals.Add(goal);
        await ResetConfirmationsAsync(pairId, ct);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    public async Task<Outcome<Goal>> EditGoalAsync(int pairId, int goalId, string me, GoalRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.PairId == pairId, ct);
        if (goal is null) return Refusal.NotFound;
        if (GoalRefusal(pair) is { } refused) return refused;
        if (Validate(r) is { } errors) return errors;
        goal.Title = r.Title!.Trim();
        goal.Measure = r.Measure!.Trim();
        goal.TargetDate = r.TargetDate!.Value;
        goal.Status = r.Status ?? goal.Status;
        goal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await ResetConfirmationsAsync(pairId, ct);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    /// <summary>The mentee records progress (0–100) with a note; the mentor adds a comment (a note without progress).</summary>
    public async Task<Outcome<GoalUpdate>> AddUpdateAsync(int pairId, int goalId, string me, GoalUpdateRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.PairId == pairId, ct);
        if (goal is null) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Note)) errors.Add(nameof(r.Note), pair.IsMentee ? t["Please write a short note on your progress."] : t["Please write your comment."]);
        else if (r.Note.Length > LongText) errors.Add(nameof(r.Note), t["Please keep the note under {0} characters.", LongText]);
        if (pair.IsMentor && r.Progress is not null) errors.Add(nameof(r.Progress), t["The mentee records the goal's progress; as mentor you can comment on it."]);
        if (r.Progress is < 0 or > 100) errors.Add(nameof(r.Progress), t["Progress is a percentage from 0 to 100."]);
        if (errors.Any) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        var update = new GoalUpdate { GoalId = goalId, AuthorId = me, Note = r.Note!.Trim(), Progress = r.Progress, At = now };
        db.GoalUpdates.Add(update);
        if (r.Progress is { } progress)
        {
            goal.Progress = progress;
            goal.Status = progress == 100 ? GoalStatus.Achieved : goal.Status == GoalStatus.NotStarted && progress > 0 ? GoalStatus.InProgress : goal.Status;
            goal.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return update;
    }

    private Errors? GoalRefusal(PairMember pair) =>
        PairAccess.ClosedRefusal(pair, pt) ?? (pair.IsMentee ? null : Errors.One("", t["The mentee leads the goals: only the mentee adds and edits them. You can comment on their updates."]));

    private Errors? Validate(GoalRequest r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add(nameof(r.Title), t["Please name the goal."]);
        else if (r.Title.Length > 200) errors.Add(nameof(r.Title), t["Please keep the goal's name under 200 characters."]);
        if (string.IsNullOrWhiteSpace(r.Measure)) errors.Add(nameof(r.Measure), t["Please say how you will measure the goal: what will be true when it is reached?"]);
        else if (r.Measure.Length > 1000) errors.Add(nameof(r.Measure), t["Please keep the measure under 1000 characters."]);
        if (r.TargetDate is null) errors.Add(nameof(r.TargetDate), t["Please give the goal a target date."]);
        else if (r.TargetDate < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors.Add(nameof(r.TargetDate), t["The target date cannot be in the past."]);
        return errors.Any ? errors : null;
    }

    private async Task ResetConfirmationsAsync(int pairId, CancellationToken ct)
    {
        if (await db.Agreements.SingleOrDefaultAsync(a => a.PairId == pairId, ct) is { } agreement) Changed(agreement);
    }

    /// <summary>Any change after a confirmation means both confirm again what they now agree.</summary>
    private void Changed(Agreement agreement)
    {
        agreement.MenteeConfirmedAt = null;
        agreement.MentorConfirmedAt = null;
        agreement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
