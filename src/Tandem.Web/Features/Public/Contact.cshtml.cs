using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Public;

[AllowAnonymous]
public sealed class ContactModel(ContactMessages contact, TandemDb db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ContactEmail { get; private set; }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Subject { get; set; }
        public string? Message { get; set; }
        /// <summary>Honeypot, hidden from people.</summary>
        public string? Website { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await contact.SendAsync(new ContactRequest(Input.Name, Input.Email, Input.Subject, Input.Message, Input.Website), ct);
        return await this.AnswerAsync(outcome, sent => sent.Message, _ => RedirectToPage(), async () =>
        {
            await LoadAsync(ct);
            return true;
        });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        ContactEmail = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => p.ContactEmail).FirstOrDefaultAsync(ct);
}
