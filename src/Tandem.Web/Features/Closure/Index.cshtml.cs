using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.Closure;

/// <summary>The old list of pairs: "My pairs" took it over, so old links and bookmarks land there.</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectPermanent("/Pairs/Mine");
}
