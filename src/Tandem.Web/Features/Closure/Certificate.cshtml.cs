using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Closure;

/// <summary>A printable certificate of participation, for the person themself only, once their pair has closed.</summary>
[Authorize]
public sealed class CertificateModel(ClosureBook book) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct)
    {
        if (await book.CertificateAsync(pairId, User.Id(), ct) is not { } c) return NotFound();
        Certificate = c;
        return Page();
    }
}
