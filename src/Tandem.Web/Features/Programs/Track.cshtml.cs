using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

/// <summary>Adds a track (no id) or edits one.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class TrackModel(TandemDb db, ProgramEditor editor, IStringLocalizer<ProgramsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [FromRoute] public int? Id { get; set; }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string? NameZh { get; set; }
        public string? DescriptionZh { get; set; }
        public List<Seniority> MenteeLevels { get; set; } = [];
        public List<Seniority> MentorLevels { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        var track = await db.Tracks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (track is null) return NotFound();
        Input = new InputModel
        {
            Code = track.Code, Name = track.Name, Description = track.Description, NameZh = track.NameZh, DescriptionZh = track.DescriptionZh,
            MenteeLevels = track.MenteeLevels.Members().ToList(), MentorLevels = track.MentorLevels.Members().ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await editor.SaveTrackAsync(Id, new TrackRequest(Input.Code, Input.Name, Input.Description, Input.MenteeLevels, Input.MentorLevels, Input.NameZh, Input.DescriptionZh), ct);
        return await this.AnswerAsync(outcome, track => t["The track \"{0}\" is saved.", track.Name], _ => RedirectToPage("/Programs/Tracks"));
    }
}
