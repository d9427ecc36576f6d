using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

public sealed record DilemmaRequest(string? Title, string? Body, bool Anonymous = false);
public sealed record SolutionRequest(string? Text);
public sealed record HideRequest(string? Reason);

public sealed record SolutionResponse(int Id, string Text, string AuthorName, bool IsMine, int Votes, bool VotedByMe, bool Helpful,
    bool Hidden, string? HiddenReason, DateTime CreatedAt);

/// <summary>A dilemma as the caller may see it. <c>AuthorName</c> is null for an anonymous post, for everyone,
/// coordinators included; <c>IsMine</c> is only ever true for the author.</summary>
public sealed record DilemmaResponse(int Id, int WebinarId, string Title, string Body, bool Anonymous, string? AuthorName, bool IsMine,
    bool Hidden, string? HiddenReason, DateTime CreatedAt, IReadOnlyList<SolutionResponse> Solutions);

/// <summary>
/// The webinar's dilemma board. Every read of a dilemma goes through <see cref="ListAsync"/> or <see cref="ExportCsvAsync"/>,
/// which never read an anonymous post's author out of the database (the name is chosen in SQL, null when anonymous);
/// writes that need the author compare <c>AuthorId</c> with the caller inside the query's Where, so a refusal
/// looks the same as "not found" and tells nothing about who wrote a post.
/// </summary>
public sealed class DilemmaBoard(TandemDb db, WebinarBook webinars, TimeProvider clock, IStringLocalizer<WebinarsText> t)
{
    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Null when the caller may not see the board (neither a mentee of the cohort nor a coordinator).</summary>
    public async Task<IReadOnlyList<DilemmaResponse>?> ListAsync(int webinarId, string userId, bool coordinator, CancellationToken ct)
    {
        if (!coordinator && !await webinars.IsParticipantAsync(webinarId, userId, ct)) return null;
        if (!await db.Webinars.AnyAsync(w => w.Id == webinarId, ct)) return null;
        var dilemmas = await db.Dilemmas.AsNoTracking()
            .Where(d => d.WebinarId == webinarId && (coordinator || !d.Hidden))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Title, d.Body, d.Anonymous, d.Hidden, d.HiddenReason, d.CreatedAt,
                AuthorName = d.Anonymous ? null : db.Profiles.Where(p => p.UserId == d.AuthorId).Select(p => p.DisplayName).FirstOrDefault(),
                IsMine = d.AuthorId == userId,
            }).ToListAsync(ct);
        var ids = dilemmas.Select(d => d.Id).ToList();
        var solutions = await db.DilemmaSolutions.AsNoTracking()
            .Where(s => ids.Contains(s.DilemmaId) && (coordinator || !s.Hidden))
            .Select(s => new
            {
                s.Id, s.DilemmaId, s.Text, s.Helpful, s.Hidden, s.HiddenReason, s.CreatedAt,
                AuthorName = db.Profiles.Where(p => p.UserId == s.AuthorId).Select(p => p.DisplayName).FirstOrDefault() ?? "",
                IsMine = s.AuthorId == userId,
                Votes = db.SolutionVotes.Count(v => v.SolutionId == s.Id),
                VotedByMe = db.SolutionVotes.Any(v => v.SolutionId == s.Id && v.UserId == userId),
            }).ToListAsync(ct);
        return dilemmas.Select(d => new DilemmaResponse(d.Id, webinarId, d.Title, d.Body, d.Anonymous, d.AuthorName, d.IsMine, d.Hidden,
            coordinator ? d.HiddenReason : null, d.CreatedAt,
            solutions.Where(s => s.DilemmaId == d.Id).OrderByDescending(s => s.Helpful).ThenByDescending(s => s.Votes).ThenBy(s => s.Id)
                .Select(s => new SolutionResponse(s.Id, s.Text, s.AuthorName, s.IsMine, s.Votes, s.VotedByMe, s.Helpful, s.Hidden,
                    coordinator ? s.HiddenReason : null, s.CreatedAt)).ToList())).ToList();
    }

    private Errors Validate(DilemmaRequest r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add("Title", t["Give your dilemma a short title."]);
        else if (r.Title.Trim().Length > 200) errors.Add("Title", t["The title can be at most {0} characters.", 200]);
        if (string.IsNullOrWhiteSpace(r.Body)) errors.Add("Body", t["Describe the dilemma."]);
        else if (r.Body.Trim().Length > 4000) errors.Add("Body", t["The description can be at most {0} characters.", 4000]);
        return errors;
    }

    /// <summary>Before and during the webinar, a mentee of its cohort brings a dilemma, named or anonymous.</summary>
    public async Task<Outcome<int>> PostAsync(int webinarId, string userId, DilemmaRequest r, CancellationToken ct)
    {
        var webinar = await db.Webinars.FirstOrDefaultAsync(w => w.Id == webinarId, ct);
        if (webinar is null || !await webinars.IsParticipantAsync(webinarId, userId, ct)) return Refusal.NotFound;
        if (webinar.EndsAt < Now()) return Errors.One("", t["The webinar is over: dilemmas can be brought before and during it."]);
        var errors = Validate(r);
        if (errors.Any) return errors;
        var d = new Dilemma { WebinarId = webinarId, AuthorId = userId, Anonymous = r.Anonymous, Title = r.Title!.Trim(), Body = r.Body!.Trim(), CreatedAt = Now(), UpdatedAt = Now() };
        db.Dilemmas.Add(d);
        await db.SaveChangesAsync(ct);
        return d.Id;
    }

    /// <summary>Only the author edits a dilemma (found by author in the Where: others get "not found").</summary>
    public async Task<Outcome<int>> EditAsync(int id, string userId, DilemmaRequest r, CancellationToken ct)
    {
        var d = await db.Dilemmas.FirstOrDefaultAsync(x => x.Id == id && x.AuthorId == userId && !x.Hidden, ct);
        if (d is null) return Refusal.NotFound;
        var errors = Validate(r);
        if (errors.Any) return errors;
        d.Title = r.Title!.Trim();
        d.Body = r.Body!.Trim();
        d.Anonymous = r.Anonymous;
        d.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return d.Id;
    }

    /// <summary>Another mentee of the cohort suggests a solution. The author can't answer their own dilemma here:
    /// a named answer would unmask an anonymous post.</summary>
    public async Task<Outcome<int>> SuggestAsync(int dilemmaId, string userId, SolutionRequest r, CancellationToken ct)
    {
        var d = await db.Dilemmas.AsNoTracking().Where(x => x.Id == dilemmaId && !x.Hidden)
            .Select(x => new { x.WebinarId, Mine = x.AuthorId == userId }).FirstOrDefaultAsync(ct);
        if (d is null || !await webinars.IsParticipantAsync(d.WebinarId, userId, ct)) return Refusal.NotFound;
        if (d.Mine) return Errors.One("", t["Others suggest solutions to your dilemma; you mark the ones that helped."]);
        if (string.IsNullOrWhiteSpace(r.Text)) return Errors.One("Text", t["Write your suggestion."]);
        if (r.Text.Trim().Length > 4000) return Errors.One("Text", t["The suggestion can be at most {0} characters.", 4000]);
        var s = new DilemmaSolution { DilemmaId = dilemmaId, AuthorId = userId, Text = r.Text.Trim(), CreatedAt = Now() };
        db.DilemmaSolutions.Add(s);
        await db.SaveChangesAsync(ct);
        return s.Id;
    }

    /// <summary>One upvote per person per solution (not on one's own). Idempotent.</summary>
    public async Task<Outcome<int>> VoteAsync(int solutionId, string userId, bool on, CancellationToken ct)
    {
        var s = await db.DilemmaSolutions.AsNoTracking().Where(x => x.Id == solutionId && !x.Hidden)
            .Select(x => new { WebinarId = db.Dilemmas.Where(d => d.Id == x.DilemmaId && !d.Hidden).Select(d => (int?)d.WebinarId).FirstOrDefault(), Mine = x.AuthorId == userId })
            .FirstOrDefaultAsync(ct);
        if (s?.WebinarId is not int webinarId || !await webinars.IsParticipantAsync(webinarId, userId, ct)) return Refusal.NotFound;
        if (s.Mine) return Errors.One("", t["You can't vote for your own suggestion."]);
        var vote = await db.SolutionVotes.FirstOrDefaultAsync(v => v.SolutionId == solutionId && v.UserId == userId, ct);
        if (on && vote is null) db.SolutionVotes.Add(new SolutionVote { SolutionId = solutionId, UserId = userId });
        if (!on && vote is not null) db.SolutionVotes.Remove(vote);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // a double click: the unique index kept one vote
        return await db.SolutionVotes.CountAsync(v => v.SolutionId == solutionId, ct);
    }

    /// <summary>The dilemma's author marks a solution as one that helped (or takes it back).</summary>
    public async Task<bool> MarkHelpfulAsync(int solutionId, string userId, bool helpful, CancellationToken ct)
    {
        var s = await db.DilemmaSolutions.FirstOrDefaultAsync(x => x.Id == solutionId && !x.Hidden
            && db.Dilemmas.Any(d => d.Id == x.DilemmaId && d.AuthorId == userId && !d.Hidden), ct);
        if (s is null) return false;
        s.Helpful = helpful;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Coordinators hide a post with a reason; the author stays unknown to them.</summary>
    public async Task<Outcome<bool>> HideDilemmaAsync(int id, HideRequest r, CancellationToken ct)
    {
        var d = await db.Dilemmas.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Refusal.NotFound;
        if (ReasonError(r) is { } e) return e;
        d.Hidden = true;
        d.HiddenReason = r.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Outcome<bool>> HideSolutionAsync(int id, HideRequest r, CancellationToken ct)
    {
        var s = await db.DilemmaSolutions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Refusal.NotFound;
        if (ReasonError(r) is { } e) return e;
        s.Hidden = true;
        s.HiddenReason = r.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Errors? ReasonError(HideRequest r) =>
        string.IsNullOrWhiteSpace(r.Reason) ? Errors.One("Reason", t["Give a reason for hiding the post."])
        : r.Reason.Trim().Length > 500 ? Errors.One("Reason", t["The reason can be at most {0} characters.", 500]) : null;

    /// <summary>The board as CSV for coordinators: anonymous dilemmas say "Anonymous", nothing else about the author.</summary>
    public async Task<byte[]?> ExportCsvAsync(int webinarId, CancellationToken ct)
    {
        var board = await ListAsync(webinarId, "", coordinator: true, ct);
        if (board is null) return null;
        var rows = board.SelectMany(d => d.Solutions
            .Select(s => Row("solution", d.Id, s.Text, s.AuthorName, s.Votes, s.Helpful, s.Hidden, s.HiddenReason))
            .Prepend(Row("dilemma", d.Id, d.Title + ": " + d.Body, d.AuthorName ?? "Anonymous", 0, false, d.Hidden, d.HiddenReason)));
        return Csv.Write(CsvColumns, rows, cells => cells);
    }

    public static readonly string[] CsvColumns = ["type", "dilemma", "title_or_text", "author", "votes", "helpful", "hidden", "hidden_reason"];

    private static string?[] Row(string type, int dilemma, string text, string author, int votes, bool helpful, bool hidden, string? reason) =>
        [type, dilemma.ToString(CultureInfo.InvariantCulture), text, author, votes.ToString(CultureInfo.InvariantCulture),
            helpful ? "yes" : "no", hidden ? "yes" : "no", reason ?? ""];
}
