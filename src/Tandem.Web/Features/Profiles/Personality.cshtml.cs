using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Profiles;

[Authorize]
public sealed class PersonalityModel(TandemDb db, ProfileEditor editor, IStringLocalizer<ProfilesText> t) : PageModel
{
    /// <summary>Answers 1..7 for the ten items, in order; 0 = not answered.</summary>
    [BindProperty] public int[] Answers { get; set; } = new int[Tipi.Items];
    public BigFive? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await editor.SavePersonalityAsync(User.Id(), new PersonalityRequest(Answers), ct);
        return await this.AnswerAsync(outcome, _ => t["Thank you: your personality scores are saved."], _ => RedirectToPage(), async () =>
        {
            await LoadAsync(ct);
            return true;
        }, prefix: "");
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        await editor.ClearPersonalityAsync(User.Id(), ct);
        this.Flash(t["Your personality scores are cleared."]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == User.Id(), ct);
        Current = profile is null ? null : Tipi.Of(profile);
    }
}
