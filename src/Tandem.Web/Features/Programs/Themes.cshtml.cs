using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

/// <summary>The program's feedforward themes: rename, translate, retire, add.</summary>
[Authorize(Policy = Account.Roles.Coordinator)]
public sealed class ThemesModel(TandemDb db, ProgramEditor editor, IStringLocalizer<ProgramsText> t) : PageModel
{
    public IReadOnlyList<ThemeResponse> Themes { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameZh { get; set; }
    [BindProperty] public bool Retired { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Saves one theme (<paramref name="id"/>) or adds a new one (no id).</summary>
    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        var outcome = await editor.SaveThemeAsync(id, new ThemeRequest(Name, NameZh, Retired), ct);
        return await this.AnswerAsync(outcome, theme => t["The theme \"{0}\" is saved.", theme.Name], _ => RedirectToPage());
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Themes = (await db.FeedforwardThemes.AsNoTracking().OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct)).Select(ThemeResponse.From).ToList();
}
