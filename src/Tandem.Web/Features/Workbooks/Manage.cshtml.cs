using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

/// <summary>A coordinator builds a workbook (sections, exercises) and sees how far mentees are: percentages, never answers.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ManageModel(WorkbookStore store, IStringLocalizer<WorkbooksText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public WorkbookResponse? Workbook { get; private set; }
    public IReadOnlyList<CompletionResponse> Completion { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? TitleZh { get; set; }
        public string? DescriptionZh { get; set; }
        public CohortPhase? Phase { get; set; }
        public bool Published { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is int existing)
        {
            if (!await LoadAsync(existing, ct)) return NotFound();
            Input = new InputModel { Title = Workbook!.Title, Description = Workbook.Description, TitleZh = Workbook.TitleZh, DescriptionZh = Workbook.DescriptionZh, Phase = Workbook.Phase, Published = Workbook.Published };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var request = new WorkbookRequest(Input.Title, Input.Description, Input.Phase, Input.Published, Input.TitleZh, Input.DescriptionZh);
        var outcome = id is int existing ? await store.UpdateAsync(existing, request, ct) : await store.CreateAsync(request, ct);
        return await Done(id, outcome, t["The workbook was saved."], ct);
    }

    public async Task<IActionResult> OnPostSectionAsync(int id, string? sectionTitle, string? instructions, CancellationToken ct) =>
        await Done(id, await store.AddSectionAsync(id, new SectionRequest(sectionTitle, instructions), ct), t["The section was added."], ct);

    public async Task<IActionResult> OnPostExerciseAsync(int id, int sectionId, ExerciseKind? kind, string? prompt, string? options, CancellationToken ct) =>
        await Done(id, await store.AddExerciseAsync(sectionId, new ExerciseRequest(kind, prompt, options?.Split('\n')), ct), t["The exercise was added."], ct);

    private Task<IActionResult> Done(int? id, Outcome<int> outcome, string flash, CancellationToken ct)
    {
        ModelState.Clear();
        return this.AnswerAsync(outcome, _ => flash, saved => Redirect($"/Workbooks/Manage/{id ?? saved}"), async () =>
        {
            if (id is int existing) await LoadAsync(existing, ct);
            return true;
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Workbook = await store.GetAsync(id, User.Id(), coordinator: true, ct);
        if (Workbook is null) return false;
        Completion = await store.CompletionAsync(id, ct) ?? [];
        return true;
    }
}
