using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Features.Guidance;

/// <summary>What mentors are offered: the program's expectations and evidence-based reading. Encouraged, never required.
/// <c>FeedforwardThemes</c>: the themes most often tagged in closed cohorts' feedforward (each from at least three pairs).</summary>
public sealed record GuidanceResponse(int MinimumMeetings, int CohortLengthMonths, IReadOnlyList<LibraryItemResponse> Reading, IReadOnlyList<string> FeedforwardThemes);

public sealed class MentorGuidance(TandemDb db, LibraryCatalog library, Feedback.FeedforwardThemes themes)
{
    /// <summary>Mentors accepted into a cohort that has not closed (preparing for it or in it) and coordinators.</summary>
    public Task<bool> MayReadAsync(string userId, bool coordinator, CancellationToken ct) =>
        coordinator ? Task.FromResult(true)
            : db.Applications.AnyAsync(a => a.UserId == userId && a.Role == ApplicationRole.Mentor && a.Status == ApplicationStatus.Accepted
                && db.Cohorts.Any(c => c.Id == a.CohortId && c.Status != CohortStatus.Closed), ct);

    public async Task<GuidanceResponse> ForAsync(string userId, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.MinimumMeetings, p.CohortLengthMonths }).FirstAsync(ct);
        var reading = await library.MentorReadingAsync(userId, 12, ct);
        return new GuidanceResponse(program.MinimumMeetings, program.CohortLengthMonths, reading, await themes.FromClosedCohortsAsync(6, ct));
    }
}
