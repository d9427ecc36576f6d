using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.Faq;

[AllowAnonymous]
[OutputCache(PolicyName = Tandem.Web.Features.Public.PublicCache.PolicyName)]
public sealed class IndexModel(FaqEditor faq) : PageModel
{
    public IReadOnlyList<FaqEntryResponse> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await faq.ListAsync(ct);
}
