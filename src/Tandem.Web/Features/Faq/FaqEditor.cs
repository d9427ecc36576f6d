using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Faq;

public sealed record FaqRequest(string? Question, string? Answer, string? QuestionZh = null, string? AnswerZh = null);

/// <summary>An entry with both languages' Markdown, and the question and rendered answer in the caller's language.</summary>
public sealed record FaqEntryResponse(int Id, int Position, string Question, string Answer, string? QuestionZh, string? AnswerZh,
    string ShownQuestion, string ShownAnswerHtml)
{
    public static FaqEntryResponse From(FaqEntry e)
    {
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
                 && !string.IsNullOrWhiteSpace(e.QuestionZh) && !string.IsNullOrWhiteSpace(e.AnswerZh);
        return new(e.Id, e.Position, e.Question, e.Answer, e.QuestionZh, e.AnswerZh,
            zh ? e.QuestionZh! : e.Question, Tandem.Web.Shared.SafeMarkdown.ToHtml(zh ? e.AnswerZh : e.Answer));
    }
}

/// <summary>The FAQ's writes, shared by the Manage page and the API.</summary>
public sealed class FaqEditor(TandemDb db, IStringLocalizer<FaqText> t, Public.PublicData cache)
{
    public const int QuestionLength = 500, AnswerLength = 8000;

    /// <summary>Rendered once per language and version of the public data (an edit starts a new one): Markdown and its sanitizing cost milliseconds per entry.</summary>
    public Task<IReadOnlyList<FaqEntryResponse>> ListAsync(CancellationToken ct) =>
        cache.GetAsync("faq", perLanguage: true, async () =>
            (IReadOnlyList<FaqEntryResponse>)(await db.FaqEntries.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct)).Select(FaqEntryResponse.From).ToList());

    public Errors Validate(FaqRequest r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Question)) errors.Add("Question", t["Please enter the question."]);
        else if (r.Question.Trim().Length > QuestionLength) errors.Add("Question", t["The question can be at most {0} characters.", QuestionLength]);
        if (string.IsNullOrWhiteSpace(r.Answer)) errors.Add("Answer", t["Please enter the answer."]);
        else if (r.Answer.Trim().Length > AnswerLength) errors.Add("Answer", t["The answer can be at most {0} characters.", AnswerLength]);
        if (r.QuestionZh?.Trim().Length > QuestionLength) errors.Add("QuestionZh", t["The question can be at most {0} characters.", QuestionLength]);
        if (r.AnswerZh?.Trim().Length > AnswerLength) errors.Add("AnswerZh", t["The answer can be at most {0} characters.", AnswerLength]);
        if (string.IsNullOrWhiteSpace(r.QuestionZh) != string.IsNullOrWhiteSpace(r.AnswerZh))
            errors.Add(string.IsNullOrWhiteSpace(r.QuestionZh) ? "QuestionZh" : "AnswerZh", t["Give both the Chinese question and the Chinese answer, or neither."]);
        return errors;
    }

    public async Task<Outcome<FaqEntryResponse>> CreateAsync(FaqRequest r, CancellationToken ct)
    {
        var errors = Validate(r);
        if (errors.Any) return errors;
        var programId = await db.Programs.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (programId is null) return Errors.One("", t["Set up the program before writing its FAQ."]);
        var last = await db.FaqEntries.Where(f => f.ProgramId == programId).MaxAsync(f => (int?)f.Position, ct) ?? 0;
        var entry = new FaqEntry { ProgramId = programId.Value, Position = last + 1, Question = "", Answer = "" };
        Apply(entry, r);
        db.FaqEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return FaqEntryResponse.From(entry);
    }

    public async Task<Outcome<FaqEntryResponse>> UpdateAsync(int id, FaqRequest r, CancellationToken ct)
    {
        var entry = await db.FaqEntries.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return Refusal.NotFound;
        var errors = Validate(r);
        if (errors.Any) return errors;
        Apply(entry, r);
        await db.SaveChangesAsync(ct);
        return FaqEntryResponse.From(entry);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct) =>
        await db.FaqEntries.Where(f => f.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Swaps the entry with its neighbour; null when there is no such entry, false when it is already first/last.</summary>
    public async Task<bool?> MoveAsync(int id, bool up, CancellationToken ct)
    {
        var entry = await db.FaqEntries.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return null;
        var siblings = db.FaqEntries.Where(f => f.ProgramId == entry.ProgramId && f.Id != entry.Id);
        var neighbour = up
            ? await siblings.Where(f => f.Position < entry.Position || (f.Position == entry.Position && f.Id < entry.Id))
                .OrderByDescending(f => f.Position).ThenByDescending(f => f.Id).FirstOrDefaultAsync(ct)
            : await siblings.Where(f => f.Position > entry.Position || (f.Position == entry.Position && f.Id > entry.Id))
                .OrderBy(f => f.Position).ThenBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (neighbour is null) return false;
        if (neighbour.Position == entry.Position)
        {
            // Equal positions (only possible after a manual data fix): make the order explicit first.
            if (up) entry.Position -= 1; else entry.Position += 1;
        }
        else
        {
            (entry.Position, neighbour.Position) = (neighbour.Position, entry.Position);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Apply(FaqEntry entry, FaqRequest r)
    {
        entry.Question = r.Question!.Trim();
        entry.Answer = r.Answer!.Trim();
        entry.QuestionZh = string.IsNullOrWhiteSpace(r.QuestionZh) ? null : r.QuestionZh.Trim();
        entry.AnswerZh = string.IsNullOrWhiteSpace(r.AnswerZh) ? null : r.AnswerZh.Trim();
    }
}
