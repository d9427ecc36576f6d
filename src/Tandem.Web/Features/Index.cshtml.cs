using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features;

public sealed class IndexModel(TandemDb db) : PageModel
{
    public string? ProgramName { get; private set; }
    public string? Description { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Name, p.Description }).FirstOrDefaultAsync(ct);
        ProgramName = program?.Name;
        Description = program?.Description;
    }
}
