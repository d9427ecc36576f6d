using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Features.Programs;

[Authorize(Policy = Account.Roles.Coordinator)]
public sealed class TracksModel(ProgramEditor editor) : PageModel
{
    public IReadOnlyList<TrackResponse> Tracks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Tracks = ProgramResponse.From(await editor.LoadAsync(ct)).Tracks;
}
