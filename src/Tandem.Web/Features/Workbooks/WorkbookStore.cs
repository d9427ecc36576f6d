using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

public sealed record WorkbookRequest(string? Title, string? Description, CohortPhase? Phase, bool Published = false, string? TitleZh = null, string? DescriptionZh = null);
public sealed record SectionRequest(string? Title, string? Instructions);
public sealed record ExerciseRequest(ExerciseKind? Kind, string? Prompt, IReadOnlyList<string>? Options);
public sealed record AnswerRequest(string? Value);
public sealed record CommentRequest(string? Text);

public sealed record ExerciseResponse(int Id, ExerciseKind Kind, string Prompt, IReadOnlyList<string> Options, string? Answer);
public sealed record SectionResponse(int Id, int Position, string Title, string Instructions, string InstructionsHtml, IReadOnlyList<ExerciseResponse> Exercises, int? ShareId);
/// <summary>A workbook with the caller's own answers (coordinators have none: they never see anyone's answers).</summary>
public sealed record WorkbookResponse(int Id, string Title, string Description, CohortPhase Phase, bool Published, int Percent, IReadOnlyList<SectionResponse> Sections,
    string? TitleZh = null, string? DescriptionZh = null)
{
    /// <summary>The title and description in the reader's language (the Chinese ones on the Chinese UI, when written).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string ShownTitle => Localized.Pick(Title, TitleZh);
    [System.Text.Json.Serialization.JsonIgnore] public string ShownDescription => Localized.Pick(Description, DescriptionZh);
}
public sealed record WorkbookSummary(int Id, string Title, CohortPhase Phase, bool Published, int Exercises, int Percent, string? TitleZh = null)
{
    [System.Text.Json.Serialization.JsonIgnore] public string ShownTitle => Localized.Pick(Title, TitleZh);
}
public sealed record CompletionResponse(string Name, int Answered, int Exercises, int Percent);
public sealed record CommentResponse(string AuthorName, bool Mine, string Text, DateTime CreatedAt);
public sealed record SharedSectionResponse(int ShareId, string MenteeName, string WorkbookTitle, SectionResponse Section, IReadOnlyList<CommentResponse> Comments, DateTime SharedAt);

/// <summary>
/// Workbooks: coordinators build them; mentees answer, saving as they go, and may share a section with the mentor
/// of their active pair, who can comment. Answers are read in three places only: by their author, and by that mentor
/// for a shared section (checked in the query's Where). Coordinators get completion percentages, never answers.
/// </summary>
public sealed class WorkbookStore(TandemDb db, TimeProvider clock, Notifications.Notices notices, IStringLocalizer<WorkbooksText> t)
{
    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    public Task<bool> IsMenteeAsync(string userId, CancellationToken ct) =>
        db.Applications.AnyAsync(a => a.UserId == userId && a.Role == ApplicationRole.Mentee && a.Status == ApplicationStatus.Accepted, ct);

    public async Task<IReadOnlyList<WorkbookSummary>> ListAsync(string userId, bool coordinator, CancellationToken ct)
    {
        var rows = await db.Workbooks.AsNoTracking().Where(w => coordinator || w.Published).OrderBy(w => w.Phase).ThenBy(w => w.Title)
            .Select(w => new
            {
                w.Id, w.Title, w.TitleZh, w.Phase, w.Published,
                Exercises = db.WorkbookExercises.Count(e => db.WorkbookSections.Any(s => s.Id == e.SectionId && s.WorkbookId == w.Id)),
                Answered = db.WorkbookAnswers.Count(a => a.UserId == userId && db.WorkbookExercises.Any(e => e.Id == a.ExerciseId
                    && db.WorkbookSections.Any(s => s.Id == e.SectionId && s.WorkbookId == w.Id))),
            }).ToListAsync(ct);
        return rows.Select(r => new WorkbookSummary(r.Id, r.Title, r.Phase, r.Published, r.Exercises, Percent(r.Answered, r.Exercises), r.TitleZh)).ToList();
    }

    public sealed record MenteeProgress(string Name, int Percent);

    /// <summary>For a mentor: per published workbook, how far each mentee of their active pairs is. Counts only, never answers.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<MenteeProgress>>> MenteesProgressAsync(string mentorId, CancellationToken ct)
    {
        var mentees = await db.Pairs.AsNoTracking().Where(p => p.MentorId == mentorId && p.Status == PairStatus.Active)
            .Select(p => new { p.MenteeId, Name = db.Profiles.Where(x => x.UserId == p.MenteeId).Select(x => x.DisplayName).FirstOrDefault() ?? "" })
            .ToListAsync(ct);
        if (mentees.Count == 0) return new Dictionary<int, IReadOnlyList<MenteeProgress>>();
        var ids = mentees.Select(m => m.MenteeId).Distinct().ToList();
        var totals = await db.WorkbookExercises.AsNoTracking()
            .Join(db.WorkbookSections, e => e.SectionId, s => s.Id, (e, s) => s.WorkbookId)
            .GroupBy(w => w).Select(g => new { WorkbookId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.WorkbookId, x => x.Count, ct);
        var answered = await db.WorkbookAnswers.AsNoTracking().Where(a => ids.Contains(a.UserId))
            .Join(db.WorkbookExercises, a => a.ExerciseId, e => e.Id, (a, e) => new { a.UserId, e.SectionId })
            .Join(db.WorkbookSections, x => x.SectionId, s => s.Id, (x, s) => new { x.UserId, s.WorkbookId })
            .GroupBy(x => new { x.UserId, x.WorkbookId }).Select(g => new { g.Key.UserId, g.Key.WorkbookId, Count = g.Count() }).ToListAsync(ct);
        return totals.ToDictionary(t => t.Key, t => (IReadOnlyList<MenteeProgress>)mentees.DistinctBy(m => m.MenteeId)
            .Select(m => new MenteeProgress(m.Name, Percent(answered.FirstOrDefault(a => a.UserId == m.MenteeId && a.WorkbookId == t.Key)?.Count ?? 0, t.Value)))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList());
    }

    public async Task<WorkbookResponse?> GetAsync(int id, string userId, bool coordinator, CancellationToken ct)
    {
        var w = await db.Workbooks.AsNoTracking().Include(x => x.Sections).ThenInclude(s => s.Exercises)
            .FirstOrDefaultAsync(x => x.Id == id && (coordinator || x.Published), ct);
        if (w is null) return null;
        var exerciseIds = w.Sections.SelectMany(s => s.Exercises).Select(e => e.Id).ToList();
        // Coordinators' own rows only, like anyone's: a coordinator never reads a mentee's answers here.
        var answers = await db.WorkbookAnswers.AsNoTracking().Where(a => a.UserId == userId && exerciseIds.Contains(a.ExerciseId))
            .ToDictionaryAsync(a => a.ExerciseId, a => a.Value, ct);
        var sectionIds = w.Sections.Select(s => s.Id).ToList();
        var shares = await db.WorkbookShares.AsNoTracking().Where(s => s.MenteeId == userId && sectionIds.Contains(s.SectionId))
            .GroupBy(s => s.SectionId).Select(g => new { SectionId = g.Key, Id = g.Max(s => s.Id) }).ToDictionaryAsync(s => s.SectionId, s => s.Id, ct);
        var sections = w.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => ToSection(s, answers, shares.TryGetValue(s.Id, out var share) ? share : null)).ToList();
        return new WorkbookResponse(w.Id, w.Title, w.Description, w.Phase, w.Published, Percent(answers.Count, exerciseIds.Count), sections, w.TitleZh, w.DescriptionZh);
    }

    private static SectionResponse ToSection(WorkbookSection s, IReadOnlyDictionary<int, string> answers, int? shareId) =>
        new(s.Id, s.Position, s.Title, s.Instructions, SafeMarkdown.ToHtml(s.Instructions),
            s.Exercises.OrderBy(e => e.Position).ThenBy(e => e.Id)
                .Select(e => new ExerciseResponse(e.Id, e.Kind, e.Prompt, Options(e.Options), answers.TryGetValue(e.Id, out var a) ? a : null)).ToList(), shareId);

    public static IReadOnlyList<string> Options(string stored) => stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Percent(int answered, int total) => total == 0 ? 0 : (int)Math.Round(100.0 * answered / total);

    /// <summary>Saves one answer of the caller (an accepted mentee); an empty value clears it. Null when there is no such exercise.</summary>
    public async Task<Outcome<int>> SaveAnswerAsync(int exerciseId, string userId, string? value, CancellationToken ct)
    {
        var exercise = await db.WorkbookExercises.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == exerciseId && db.WorkbookSections.Any(s => s.Id == e.SectionId && db.Workbooks.Any(w => w.Id == s.WorkbookId && w.Published)), ct);
        if (exercise is null) return Refusal.NotFound;
        if (!await IsMenteeAsync(userId, ct)) return Errors.One("", t["Workbooks are for mentees accepted into a cohort."]);
        var clean = value?.Trim() ?? "";
        switch (exercise.Kind)
        {
            case ExerciseKind.Scale when clean.Length > 0 && clean is not ("1" or "2" or "3" or "4" or "5"):
                return Errors.One("Value", t["Choose a number from 1 to 5."]);
            case ExerciseKind.Checklist when clean.Length > 0:
                var count = Options(exercise.Options).Count;
                var picked = clean.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (picked.Any(p => !int.TryParse(p, out var i) || i < 0 || i >= count)) return Errors.One("Value", t["Tick only the listed items."]);
                clean = string.Join(',', picked.Select(int.Parse).Distinct().Order());
                break;
            case ExerciseKind.FreeText when clean.Length > TextLength.Long:
                return Errors.One("Value", t["An answer can be at most {0} characters.", TextLength.Long]);
        }
        if (clean.Length == 0)
        {
            await db.WorkbookAnswers.Where(a => a.ExerciseId == exerciseId && a.UserId == userId).ExecuteDeleteAsync(ct);
            return exerciseId;
        }
        // One statement that inserts or replaces: the autosave and the form's save (or two tabs) race for the same
        // answer, and a read-then-insert lets the slower one hit the unique index. Both SQLite and PostgreSQL speak
        // ON CONFLICT, so the last save wins and none fails.
        var now = Now();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "WorkbookAnswers" ("ExerciseId", "UserId", "Value", "UpdatedAt") VALUES ({exerciseId}, {userId}, {clean}, {now})
            ON CONFLICT ("ExerciseId", "UserId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
            """, ct);
        return exerciseId;
    }

    /// <summary>Shares a section with the mentor of the caller's active pair. Null when there is no such section.</summary>
    public async Task<Outcome<int>> ShareAsync(int sectionId, string userId, CancellationToken ct)
    {
        if (!await db.WorkbookSections.AnyAsync(s => s.Id == sectionId && db.Workbooks.Any(w => w.Id == s.WorkbookId && w.Published), ct)) return Refusal.NotFound;
        var pair = await db.Pairs.AsNoTracking().Where(p => p.MenteeId == userId && p.Status == PairStatus.Active)
            .OrderByDescending(p => p.PublishedAt).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (pair is null) return Errors.One("", t["You can share a section once you have a mentor."]);
        var existing = await db.WorkbookShares.FirstOrDefaultAsync(s => s.SectionId == sectionId && s.MenteeId == userId && s.PairId == pair, ct);
        if (existing is not null) return existing.Id;
        var share = new WorkbookShare { SectionId = sectionId, MenteeId = userId, PairId = pair.Value, SharedAt = Now() };
        db.WorkbookShares.Add(share);
        var mentor = await db.Pairs.Where(p => p.Id == pair).Select(p => p.MentorId).SingleAsync(ct);
        await notices.SaveWithAsync(async () => await notices.AddAsync(Notifications.NoticeKinds.WorkbookShared,
            new Notifications.Notice(mentor, $"/Workbooks/Shared/{share.Id}", [Notifications.NoticeArg.Name(await notices.NameAsync(userId, ct))]), ct), ct);
        return share.Id;
    }

    public async Task<bool> UnshareAsync(int shareId, string userId, CancellationToken ct) =>
        await db.WorkbookShares.Where(s => s.Id == shareId && s.MenteeId == userId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Shares the caller may read: their own, or those made to them as the pair's mentor.</summary>
    private IQueryable<WorkbookShare> Readable(string userId) =>
        db.WorkbookShares.AsNoTracking().Where(s => s.MenteeId == userId || db.Pairs.Any(p => p.Id == s.PairId && p.MentorId == userId));

    public async Task<IReadOnlyList<SharedSectionResponse>> SharedWithMeAsync(string mentorId, CancellationToken ct)
    {
        var ids = await db.WorkbookShares.AsNoTracking().Where(s => db.Pairs.Any(p => p.Id == s.PairId && p.MentorId == mentorId))
            .OrderByDescending(s => s.SharedAt).Select(s => s.Id).Take(100).ToListAsync(ct);
        var result = new List<SharedSectionResponse>();
        foreach (var id in ids) if (await SharedAsync(id, mentorId, ct) is { } s) result.Add(s);
        return result;
    }

    public async Task<SharedSectionResponse?> SharedAsync(int shareId, string userId, CancellationToken ct)
    {
        var share = await Readable(userId).FirstOrDefaultAsync(s => s.Id == shareId, ct);
        if (share is null) return null;
        var section = await db.WorkbookSections.AsNoTracking().Include(s => s.Exercises).FirstAsync(s => s.Id == share.SectionId, ct);
        var title = await db.Workbooks.Where(w => w.Id == section.WorkbookId).Select(w => w.Title).FirstAsync(ct);
        var exerciseIds = section.Exercises.Select(e => e.Id).ToList();
        var answers = await db.WorkbookAnswers.AsNoTracking().Where(a => a.UserId == share.MenteeId && exerciseIds.Contains(a.ExerciseId))
            .ToDictionaryAsync(a => a.ExerciseId, a => a.Value, ct);
        var menteeName = await db.Profiles.Where(p => p.UserId == share.MenteeId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var comments = await db.WorkbookComments.AsNoTracking().Where(c => c.ShareId == shareId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentResponse(db.Profiles.Where(p => p.UserId == c.AuthorId).Select(p => p.DisplayName).FirstOrDefault() ?? "", c.AuthorId == userId, c.Text, c.CreatedAt))
            .ToListAsync(ct);
        return new SharedSectionResponse(share.Id, menteeName, title, ToSection(section, answers, share.Id), comments, share.SharedAt);
    }

    public async Task<Outcome<int>> CommentAsync(int shareId, string userId, string? text, CancellationToken ct)
    {
        if (!await Readable(userId).AnyAsync(s => s.Id == shareId, ct)) return Refusal.NotFound;
        if (string.IsNullOrWhiteSpace(text)) return Errors.One("Text", t["Write a comment."]);
        if (text.Trim().Length > 4000) return Errors.One("Text", t["A comment can be at most {0} characters.", 4000]);
        var c = new WorkbookComment { ShareId = shareId, AuthorId = userId, Text = text.Trim(), CreatedAt = Now() };
        db.WorkbookComments.Add(c);
        // The other side of the share hears of the comment (the mentee when the mentor comments, and back).
        var other = await db.WorkbookShares.Where(s => s.Id == shareId)
            .Select(s => s.MenteeId == userId ? db.Pairs.Where(p => p.Id == s.PairId).Select(p => p.MentorId).First() : s.MenteeId).SingleAsync(ct);
        await notices.AddAsync(Notifications.NoticeKinds.WorkbookComment,
            new Notifications.Notice(other, $"/Workbooks/Shared/{shareId}", [Notifications.NoticeArg.Name(await notices.NameAsync(userId, ct))]), ct);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    /// <summary>Per mentee who started the workbook: how far they are. Counts only; never the answers.</summary>
    public async Task<IReadOnlyList<CompletionResponse>?> CompletionAsync(int workbookId, CancellationToken ct)
    {
        if (!await db.Workbooks.AnyAsync(w => w.Id == workbookId, ct)) return null;
        var exercises = db.WorkbookExercises.Where(e => db.WorkbookSections.Any(s => s.Id == e.SectionId && s.WorkbookId == workbookId)).Select(e => e.Id);
        var total = await exercises.CountAsync(ct);
        var rows = await db.WorkbookAnswers.AsNoTracking().Where(a => exercises.Contains(a.ExerciseId))
            .GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Answered = g.Count() }).ToListAsync(ct);
        var ids = rows.Select(r => r.UserId).ToList();
        var names = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.DisplayName, ct);
        return rows.Select(r => new CompletionResponse(names.GetValueOrDefault(r.UserId, ""), r.Answered, total, Percent(r.Answered, total)))
            .OrderByDescending(r => r.Percent).ThenBy(r => r.Name).ToList();
    }

    // The coordinator's building blocks.

    public async Task<Outcome<int>> CreateAsync(WorkbookRequest r, CancellationToken ct)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        var w = new Workbook { Title = r.Title!.Trim(), Description = r.Description?.Trim() ?? "", TitleZh = Localized.Clean(r.TitleZh), DescriptionZh = Localized.Clean(r.DescriptionZh), Phase = r.Phase ?? CohortPhase.Any, Published = r.Published, CreatedAt = Now() };
        db.Workbooks.Add(w);
        await db.SaveChangesAsync(ct);
        return w.Id;
    }

    public async Task<Outcome<int>> UpdateAsync(int id, WorkbookRequest r, CancellationToken ct)
    {
        var w = await db.Workbooks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Refusal.NotFound;
        if (Validate(r) is { Any: true } errors) return errors;
        w.Title = r.Title!.Trim();
        w.Description = r.Description?.Trim() ?? "";
        w.TitleZh = Localized.Clean(r.TitleZh);
        w.DescriptionZh = Localized.Clean(r.DescriptionZh);
        w.Phase = r.Phase ?? CohortPhase.Any;
        w.Published = r.Published;
        await db.SaveChangesAsync(ct);
        return w.Id;
    }

    private Errors Validate(WorkbookRequest r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add("Title", t["Please enter the title."]);
        else if (r.Title.Trim().Length > 200) errors.Add("Title", t["The title can be at most {0} characters.", 200]);
        if (r.Description?.Trim().Length > 2000) errors.Add("Description", t["The description can be at most {0} characters.", 2000]);
        if (r.TitleZh?.Trim().Length > 200) errors.Add("TitleZh", t["The title can be at most {0} characters.", 200]);
        if (r.DescriptionZh?.Trim().Length > 2000) errors.Add("DescriptionZh", t["The description can be at most {0} characters.", 2000]);
        if (r.Phase is { } p && !Enum.IsDefined(p)) errors.Add("Phase", t["Choose a phase."]);
        return errors;
    }

    public async Task<Outcome<int>> AddSectionAsync(int workbookId, SectionRequest r, CancellationToken ct)
    {
        if (!await db.Workbooks.AnyAsync(w => w.Id == workbookId, ct)) return Refusal.NotFound;
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add("Title", t["Please enter the section's title."]);
        else if (r.Title.Trim().Length > 200) errors.Add("Title", t["The title can be at most {0} characters.", 200]);
        if (r.Instructions?.Length > TextLength.Long) errors.Add("Instructions", t["The instructions can be at most {0} characters.", TextLength.Long]);
        if (errors.Any) return errors;
        var position = (await db.WorkbookSections.Where(s => s.WorkbookId == workbookId).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var section = new WorkbookSection { WorkbookId = workbookId, Position = position, Title = r.Title!.Trim(), Instructions = r.Instructions?.Trim() ?? "" };
        db.WorkbookSections.Add(section);
        await db.SaveChangesAsync(ct);
        return section.Id;
    }

    public async Task<Outcome<int>> AddExerciseAsync(int sectionId, ExerciseRequest r, CancellationToken ct)
    {
        if (!await db.WorkbookSections.AnyAsync(s => s.Id == sectionId, ct)) return Refusal.NotFound;
        var errors = new Errors();
        var options = (r.Options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add("Kind", t["Choose the kind of exercise."]);
        if (string.IsNullOrWhiteSpace(r.Prompt)) errors.Add("Prompt", t["Please enter the question or task."]);
        else if (r.Prompt.Trim().Length > 1000) errors.Add("Prompt", t["The question can be at most {0} characters.", 1000]);
        if (r.Kind == ExerciseKind.Checklist && options.Count < 2) errors.Add("Options", t["A checklist needs at least two items, one per line."]);
        if (string.Join('\n', options).Length > 2000) errors.Add("Options", t["The items can be at most {0} characters together.", 2000]);
        if (errors.Any) return errors;
        var position = (await db.WorkbookExercises.Where(e => e.SectionId == sectionId).MaxAsync(e => (int?)e.Position, ct) ?? 0) + 1;
        var exercise = new WorkbookExercise
        {
            SectionId = sectionId, Position = position, Kind = r.Kind!.Value, Prompt = r.Prompt!.Trim(),
            Options = r.Kind == ExerciseKind.Checklist ? string.Join('\n', options) : "",
        };
        db.WorkbookExercises.Add(exercise);
        await db.SaveChangesAsync(ct);
        return exercise.Id;
    }

    public string PhaseName(CohortPhase p) => p switch
    {
        CohortPhase.Start => t["Start of the cohort"],
        CohortPhase.Middle => t["Middle of the cohort"],
        CohortPhase.Closing => t["Closing"],
        _ => t["Any time"],
    };

    public string KindName(ExerciseKind k) => k switch
    {
        ExerciseKind.Checklist => t["Checklist"],
        ExerciseKind.Scale => t["Scale 1–5"],
        _ => t["Free text"],
    };
}
