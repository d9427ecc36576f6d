using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Faq;

[Authorize(Policy = Roles.Coordinator)]
public sealed class ManageModel(FaqEditor faq, IStringLocalizer<FaqText> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>From <c>?page=</c>, read by hand: "page" is a reserved route value in Razor Pages.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<FaqEntryResponse> Entries { get; private set; } = [];
    public int Total { get; private set; }
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
        if (Id is int id)
        {
            var updated = await faq.UpdateAsync(id, Input.ToRequest(), ct);
            if (updated is null) return NotFound();
            if (!updated.Value.Ok) return await Refused(updated.Value.Refusal!, ct);
            TempData["Flash"] = t["The question was saved."].Value;
        }
        else
        {
            var created = await faq.CreateAsync(Input.ToRequest(), ct);
            if (!created.Ok) return await Refused(created.Refusal!, ct);
            TempData["Flash"] = t["The question was added."].Value;
        }
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostDeleteAsync(int entryId, CancellationToken ct)
    {
        if (!await faq.DeleteAsync(entryId, ct)) return NotFound();
        TempData["Flash"] = t["The question was deleted."].Value;
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostMoveAsync(int entryId, string direction, CancellationToken ct)
    {
        var moved = await faq.MoveAsync(entryId, direction == "up", ct);
        if (moved is null) return NotFound();
        TempData["Flash"] = moved.Value ? t["The order was changed."].Value : t["That question is already at the end of the list."].Value;
        return Redirect(Back());
    }

    private async Task<IActionResult> Refused(Shared.Errors errors, CancellationToken ct)
    {
        errors.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    private string Back() => "/Faq/Manage?page=" + RequestedPage();

    private int RequestedPage() => int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = RequestedPage();
        var all = await faq.ListAsync(ct);
        Total = all.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Entries = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        FirstId = all.Count > 0 ? all[0].Id : 0;
        LastId = all.Count > 0 ? all[^1].Id : 0;
    }
}
