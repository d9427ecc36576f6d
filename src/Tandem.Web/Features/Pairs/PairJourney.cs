using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Closure;
using Tandem.Web.Features.Feedback;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pace;

namespace Tandem.Web.Features.Pairs;

[JsonConverter(typeof(JsonStringEnumConverter<JourneyStepKind>))]
public enum JourneyStepKind
{
    Agreement,
    Meetings,
    CheckIn,
    Feedback,
    Closure,
    Certificate,
}

[JsonConverter(typeof(JsonStringEnumConverter<JourneyStepState>))]
public enum JourneyStepState
{
    /// <summary>This person has done their part.</summary>
    Done,
    /// <summary>Open now and waiting for this person; the one marked <see cref="JourneyStep.Current"/> is the next thing to do.</summary>
    Open,
    /// <summary>Not open yet (a check-in before its month, feedback before the end).</summary>
    Upcoming,
    /// <summary>The pair closed before this step opened or was done.</summary>
    Missed,
}

/// <param name="Month">The check-in's month (0 for other steps).</param>
/// <param name="OpensOn">When an upcoming step opens, if it has a date.</param>
/// <param name="Link">The page where this person does the step.</param>
public sealed record JourneyStep(JourneyStepKind Kind, int Month, JourneyStepState State, bool Current, DateOnly? OpensOn, string Link);

/// <summary>
/// The pair's six months seen by one of the two: each step with its state for this person, the current one, the
/// pace with the facts a kind nudge needs, and the next meeting. Engagement facts and the person's own answers only.
/// </summary>
public sealed record PairJourneyResponse(int PairId, PairRole Role, PairStatus Status, PaceStatus Pace, int Held, int Expected, int Minimum, int DaysLeft,
    bool AgreementConfirmedByMe, bool AgreementConfirmedByOther, NextMeetingResponse? NextMeeting, IReadOnlyList<JourneyStep> Steps)
{
    public JourneyStep? CurrentStep => Steps.FirstOrDefault(s => s.Current);
}

public static class PairJourney
{
    /// <summary>Null for anyone but the pair's mentee and mentor.</summary>
    public static async Task<PairJourneyResponse?> ReadAsync(TandemDb db, PairFacts facts, int pairId, string me, DateTime now, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, me, false, ct);
        if (pair is null) return null;
        var settings = await facts.SettingsAsync(ct);
        var role = pair.RoleOf(me);
        var pace = PaceRules.Evaluate(pair.Facts, settings.MinimumMeetings, now);
        var active = pair.Status == PairStatus.Active;
        var today = DateOnly.FromDateTime(now);

        var agreement = await db.Agreements.AsNoTracking().Where(a => a.PairId == pairId)
            .Select(a => new { Mentee = a.MenteeConfirmedAt != null, Mentor = a.MentorConfirmedAt != null }).SingleOrDefaultAsync(ct);
        var mineConfirmed = role == PairRole.Mentee ? agreement?.Mentee ?? false : agreement?.Mentor ?? false;
        var otherConfirmed = role == PairRole.Mentee ? agreement?.Mentor ?? false : agreement?.Mentee ?? false;
        var myCheckIns = await db.CheckIns.AsNoTracking().Where(c => c.PairId == pairId && c.UserId == me).Select(c => c.Month).ToListAsync(ct);
        var myFeedback = await db.PairFeedback.AsNoTracking().AnyAsync(f => f.PairId == pairId && f.AuthorId == me, ct);
        var myReflection = await db.ClosureReflections.AsNoTracking().AnyAsync(r => r.PairId == pairId && r.AuthorId == me, ct);
        // A closed pair has no next meeting: its future meetings were cancelled when it closed.
        var next = !active ? null : await db.Meetings.AsNoTracking()
            .Where(m => m.PairId == pairId && m.StartsAt >= now && (m.Status == MeetingStatus.Accepted || m.Status == MeetingStatus.Proposed))
            .OrderBy(m => m.StartsAt).Select(m => new NextMeetingResponse(m.Id, m.StartsAt, m.DurationMinutes, m.Format, m.Status)).FirstOrDefaultAsync(ct);

        var steps = new List<JourneyStep>
        {
            new(JourneyStepKind.Agreement, 0, mineConfirmed ? JourneyStepState.Done : active ? JourneyStepState.Open : JourneyStepState.Missed,
                false, null, $"/Agreements/{pairId}"),
            new(JourneyStepKind.Meetings, 0, pair.Held >= settings.MinimumMeetings ? JourneyStepState.Done : active ? JourneyStepState.Open : JourneyStepState.Missed,
                false, null, $"/Meetings/Pair/{pairId}"),
        };
        foreach (var month in settings.CheckInMonths)
        {
            var due = pair.PeriodStart.AddMonths(month);
            var state = myCheckIns.Contains(month) ? JourneyStepState.Done
                : !active ? JourneyStepState.Missed
                : due <= today ? JourneyStepState.Open : JourneyStepState.Upcoming;
            steps.Add(new(JourneyStepKind.CheckIn, month, state, false, state == JourneyStepState.Upcoming ? due : null, $"/CheckIns/{pairId}"));
        }
        var closingOpen = FeedbackBook.IsOpen(pair);
        steps.Add(new(JourneyStepKind.Feedback, 0, myFeedback ? JourneyStepState.Done : closingOpen ? JourneyStepState.Open : JourneyStepState.Upcoming,
            false, closingOpen ? null : pair.EndsOn, $"/Feedback/{pairId}"));
        steps.Add(new(JourneyStepKind.Closure, 0, myReflection ? JourneyStepState.Done : closingOpen ? JourneyStepState.Open : JourneyStepState.Upcoming,
            false, closingOpen ? null : pair.EndsOn, $"/Closure/{pairId}"));
        steps.Add(new(JourneyStepKind.Certificate, 0, active ? JourneyStepState.Upcoming : JourneyStepState.Done, false, active ? pair.EndsOn : null,
            active ? $"/Pairs/{pairId}" : $"/Closure/{pairId}/Certificate"));

        var current = CurrentIndex(steps);
        if (current >= 0) steps[current] = steps[current] with { Current = true };
        return new(pairId, role, pair.Status, pace.Status, pace.Held, pace.Expected, pace.Minimum, pace.DaysLeft, mineConfirmed, otherConfirmed, next, steps);
    }

    /// <summary>
    /// What this person should do next: first a step with a date that has come (the agreement, a due check-in, the
    /// closing feedback and words); the meetings run through the whole six months, so they are current only when
    /// nothing dated waits; once everything is done, the certificate.
    /// </summary>
    private static int CurrentIndex(List<JourneyStep> steps)
    {
        var dated = steps.FindIndex(s => s.State == JourneyStepState.Open && s.Kind != JourneyStepKind.Meetings);
        if (dated >= 0) return dated;
        var meetings = steps.FindIndex(s => s.State == JourneyStepState.Open);
        if (meetings >= 0) return meetings;
        return steps.FindIndex(s => s.Kind == JourneyStepKind.Certificate && s.State == JourneyStepState.Done);
    }
}
