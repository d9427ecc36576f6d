using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pace;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Feedback;

/// <param name="Themes">Up to three of the program's feedforward theme codes (<c>GET /api/v1/feedforward-themes</c>).</param>
public sealed record FeedbackRequest(int Rating, string? WentWell, string? CouldBeBetter, string? Feedforward, string? ProgramComment, IReadOnlyList<string>? Themes = null);

public sealed record FeedbackResponse(PairRole Role, int Rating, string WentWell, string CouldBeBetter, string Feedforward, string? ProgramComment, DateTime SubmittedAt, IReadOnlyList<string> Themes);

/// <summary>What a coordinator sees of one person's feedback: the rating and the comment for the program.</summary>
public sealed record FeedbackRating(PairRole Role, int Rating, string? ProgramComment);

/// <summary>A member's view: whether feedback is open, their own, and the other's once it may be shown.</summary>
public sealed record PairFeedbackView(int PairId, PairRole Role, bool Open, bool OtherSubmitted, FeedbackResponse? Mine, FeedbackResponse? FromOther, IReadOnlyList<FeedbackRating> Ratings);

/// <summary>
/// Feedback and feedforward at the end: open once the cohort is Closing or Closed or the pair has closed; once per
/// person. What one writes to the other (went well, could be better, feedforward) is shown to the other only when
/// both have submitted or the cohort is Closed; coordinators see ratings and program comments, never that text.
/// </summary>
public sealed class FeedbackBook(TandemDb db, PairFacts facts, TimeProvider clock, Notices notices, FeedforwardThemes themes, IStringLocalizer<FeedbackText> t)
{
    public const int MaxText = 4000, MaxComment = 2000;

    public static bool IsOpen(PairRow pair) =>
        pair.Status != PairStatus.Active || pair.CohortStatus is CohortStatus.Closing or CohortStatus.Closed;

    public async Task<PairFeedbackView?> ReadAsync(int pairId, string userId, bool coordinator, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, coordinator, ct);
        if (pair is null) return null;
        var role = pair.RoleOf(userId);
        var rows = await db.PairFeedback.AsNoTracking().Where(f => f.PairId == pairId).ToListAsync(ct);
        if (role == PairRole.None)
            return new(pairId, role, IsOpen(pair), false, null, null,
                rows.Select(f => new FeedbackRating(pair.RoleOf(f.AuthorId), f.Rating, f.ProgramComment)).OrderBy(r => r.Role).ToList());
        var mine = rows.FirstOrDefault(f => f.AuthorId == userId);
        var other = rows.FirstOrDefault(f => f.AuthorId != userId);
        var show = other is not null && (mine is not null || pair.CohortStatus == CohortStatus.Closed);
        return new(pairId, role, IsOpen(pair), other is not null, mine is null ? null : ToResponse(pair, mine), show ? ToResponse(pair, other!) with { ProgramComment = null } : null, []);
    }

    public async Task<Outcome<PairFeedback>> SubmitAsync(int pairId, string userId, FeedbackRequest r, CancellationToken ct)
    {
        var pair = await facts.ForMemberAsync(pairId, userId, false, ct);
        if (pair is null) return Refusal.NotFound;
        var errors = new Errors();
        if (r.Rating is < 1 or > 5) errors.Add(nameof(r.Rating), t["Rate the relationship from 1 to 5."]);
        Text(errors, nameof(r.WentWell), r.WentWell, t["Say what went well."]);
        Text(errors, nameof(r.CouldBeBetter), r.CouldBeBetter, t["Say what could have been better."]);
        Text(errors, nameof(r.Feedforward), r.Feedforward, t["Write at least one suggestion for the other person's growth."]);
        var tags = await themes.CheckAsync(r.Themes, errors, t, ct);
        if (r.ProgramComment?.Length > MaxComment) errors.Add(nameof(r.ProgramComment), t["The comment is limited to {0} characters.", MaxComment]);
        if (!IsOpen(pair)) errors.Add("", t["Feedback opens when the cohort is closing or your pair has closed."]);
        else if (await db.PairFeedback.AnyAsync(f => f.PairId == pairId && f.AuthorId == userId, ct)) errors.Add("", t["You have already given your feedback."]);
        if (errors.Any) return errors;

        var feedback = new PairFeedback
        {
            PairId = pairId, AuthorId = userId, Rating = r.Rating, WentWell = r.WentWell!.Trim(), CouldBeBetter = r.CouldBeBetter!.Trim(),
            Feedforward = r.Feedforward!.Trim(), ProgramComment = string.IsNullOrWhiteSpace(r.ProgramComment) ? null : r.ProgramComment.Trim(),
            SubmittedAt = clock.GetUtcNow().UtcDateTime, Themes = tags ?? "",
        };
        db.PairFeedback.Add(feedback);
        // The other hears of it: theirs to read now when they have written too, else once they have.
        var otherWrote = await db.PairFeedback.AnyAsync(f => f.PairId == pairId && f.AuthorId == pair.OtherOf(userId), ct);
        await notices.AddAsync(otherWrote ? NoticeKinds.FeedbackAvailable : NoticeKinds.FeedbackGiven,
            new Notice(pair.OtherOf(userId), $"/Feedback/{pairId}", [NoticeArg.Name(pair.RoleOf(userId) == PairRole.Mentee ? pair.MenteeName : pair.MentorName)]), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Errors.One("", t["You have already given your feedback."]);
        }
        return feedback;

        void Text(Errors e, string field, string? value, string missing)
        {
            if (string.IsNullOrWhiteSpace(value)) e.Add(field, missing);
            else if (value.Length > MaxText) e.Add(field, t["Each answer is limited to {0} characters.", MaxText]);
        }
    }

    private static FeedbackResponse ToResponse(PairRow pair, PairFeedback f) =>
        new(pair.RoleOf(f.AuthorId), f.Rating, f.WentWell, f.CouldBeBetter, f.Feedforward, f.ProgramComment, f.SubmittedAt, TagList.Parse(f.Themes));
}
