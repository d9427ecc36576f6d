using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Faq;

[Authorize(Policy = Roles.Coordinator)]
public sealed class ManageModel(FaqEditor faq, IStringLocalizer<FaqText> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>From <c>?page=</c>, read by hand: "page" is a reserved route value in Razor Pages.</summary>
    public int PageNumber => Result.Page;

    public PageResponse<FaqEntryResponse> Result { get; private set; } = PageResponse<FaqEntryResponse>.Empty(PageSize);
    public IReadOnlyList<FaqEntryResponse> Entries => Result.Items;
    public int Total => Result.Total;
    public int FirstId { get; private set; }
    public int LastId { get; private set; }
    public string? PreviewAnswer { get; private set; }
    public string? PreviewAnswerZh { get; private set; }

    public sealed class InputModel
    {
        public string? Question { get; set; }
        public string? Answer { get; set; }
        public string? QuestionZh { get; set; }
        public string? AnswerZh { get; set; }

        public FaqRequest ToRequest() => new(Question, Answer, QuestionZh, AnswerZh);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is int id)
        {
            var entry = Entries.FirstOrDefault(e => e.Id == id) ?? (await faq.ListAsync(ct)).FirstOrDefault(e => e.Id == id);
            if (entry is null) return NotFound();
            Input = new InputModel { Question = entry.Question, Answer = entry.Answer, QuestionZh = entry.QuestionZh, AnswerZh = entry.AnswerZh };
        }
        return Page();
    }

    /// <summary>Renders the Markdown exactly as the FAQ page will, without saving.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        PreviewAnswer = Tandem.Web.Shared.SafeMarkdown.ToHtml(Input.Answer);
        PreviewAnswerZh = string.IsNullOrWhiteSpace(Input.AnswerZh) ? null : Tandem.Web.Shared.SafeMarkdown.ToHtml(Input.AnswerZh);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var outcome = Id is int id ? await faq.UpdateAsync(id, Input.ToRequest(), ct) : await faq.CreateAsync(Input.ToRequest(), ct);
        var flash = Id is null ? t["The question was added."] : t["The question was saved."];
        return await this.AnswerAsync(outcome, _ => flash, _ => Redirect(Back()), async () => { await LoadAsync(ct); return true; });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int entryId, CancellationToken ct)
    {
        if (!await faq.DeleteAsync(entryId, ct)) return NotFound();
        this.Flash(t["The question was deleted."]);
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostMoveAsync(int entryId, string direction, CancellationToken ct)
    {
        var moved = await faq.MoveAsync(entryId, direction == "up", ct);
        if (moved is null) return NotFound();
        this.Flash(moved.Value ? t["The order was changed."] : t["That question is already at the end of the list."]);
        return Redirect(Back());
    }

    private string Back() => "/Faq/Manage?page=" + Paging.Parse(Request.Query["page"]);

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await faq.ListAsync(ct);
        Result = all.ToPage(Paging.Parse(Request.Query["page"]), PageSize);
        FirstId = all.Count > 0 ? all[0].Id : 0;
        LastId = all.Count > 0 ? all[^1].Id : 0;
    }
}
