using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Workbooks;

/// <summary>A mentee works through a workbook, saving a section at a time, and may share a section with their mentor.</summary>
[Authorize]
public sealed class WorkModel(WorkbookStore store, IStringLocalizer<WorkbooksText> t) : PageModel
{
    public WorkbookResponse Workbook { get; private set; } = null!;
    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Saves every exercise of one section from the form: a{id} for text and scale, c{id} (repeated) for checklists.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, int sectionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var section = Workbook.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return NotFound();
        foreach (var e in section.Exercises)
        {
            var value = e.Kind == ExerciseKind.Checklist ? string.Join(',', Request.Form["c" + e.Id].Select(v => v ?? "")) : Request.Form["a" + e.Id].ToString();
            var outcome = await store.SaveAnswerAsync(e.Id, User.Id(), value, ct);
            if (outcome.IsNotFound) return NotFound();
            if (this.Refused(outcome, prefix: ""))
            {
                await LoadAsync(id, ct);
                return Page();
            }
        }
        this.Flash(t["Saved."]);
        return Redirect($"/Workbooks/{id}#section-{sectionId}");
    }

    public async Task<IActionResult> OnPostShareAsync(int id, int sectionId, CancellationToken ct)
    {
        var outcome = await store.ShareAsync(sectionId, User.Id(), ct);
        return await this.AnswerAsync(outcome, _ => t["The section is now shared with your mentor."], _ => Redirect($"/Workbooks/{id}#section-{sectionId}"),
            () => LoadAsync(id, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var w = await store.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (w is null) return false;
        Workbook = w;
        CanAnswer = w.Published && await store.IsMenteeAsync(User.Id(), ct);
        return true;
    }
}
