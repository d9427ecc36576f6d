using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Notifications;

/// <summary>The signed-in person's email choice for each notice kind.</summary>
[Authorize]
public sealed class PreferencesModel(NoticePreferences preferences, IStringLocalizer<NotificationsText> t) : PageModel
{
    [BindProperty] public Dictionary<string, EmailChoice?> Choices { get; set; } = [];
    public IReadOnlyList<NoticePreferenceResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await preferences.ReadAsync(User.Id(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();  // an unknown choice is reported by the rule, in words
        var outcome = await preferences.SaveAsync(User.Id(), Choices, ct);
        return await this.AnswerAsync(outcome, _ => t["Your email choices are saved."], _ => RedirectToPage(),
            showAgain: async () => { Items = await preferences.ReadAsync(User.Id(), ct); return true; }, prefix: "");
    }
}
