using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.MyData;

[Authorize]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
