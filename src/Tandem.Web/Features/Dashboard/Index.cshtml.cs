using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Dashboard;

[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(ProgramDashboard dashboard) : PageModel
{
    public DashboardResponse Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await dashboard.ReadAsync(ct);
}
