using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <summary>A mentee ranks up to five of her cohort's published mentors while applications are open.</summary>
[Authorize]
public sealed class RankModel(MentorRankings rankings, IStringLocalizer<MatchingText> t) : PageModel
{
    public sealed class InputModel
    {
        public int?[] Choices { get; set; } = new int?[MentorRankings.MaxRanked];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public MyRankingResponse? Mine { get; private set; }
    public IReadOnlyList<(int Id, string Label)> Choices { get; private set; } = [];
    public PageResponse<MentorOption> Mentors { get; private set; } = PageResponse<MentorOption>.Empty(MentorRankings.PageSize);
    public int CohortId { get; private set; }
    public int LastPage => Mentors.TotalPages;

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        if (Mine is not null)
            foreach (var r in Mine.Ranking.Where(r => r.Rank <= MentorRankings.MaxRanked)) Input.Choices[r.Rank - 1] = r.MentorApplicationId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cohortId, CancellationToken ct)
    {
        var ids = (Input.Choices ?? []).OfType<int>().ToArray();
        var outcome = await rankings.SaveAsync(cohortId, User.Id(), new RankingRequest(ids), ct);
        return await this.AnswerAsync(outcome, _ => t["Your ranking is saved."], _ => RedirectToPage(new { cohortId }), () => LoadAsync(cohortId, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(int cohortId, CancellationToken ct)
    {
        CohortId = cohortId;
        var mine = await rankings.GetAsync(cohortId, User.Id(), ct);
        if (mine.IsNotFound) return false;
        if (!this.Refused(mine, prefix: "")) Mine = mine.Value;
        var matchable = await rankings.MatchableAsync(cohortId, User.Id(), ct);
        Mentors = await rankings.MentorsAsync(cohortId, Q, Paging.Parse(Request.Query["page"]), ct, matchable);
        Choices = await rankings.ChoicesAsync(cohortId, ct, matchable);
        return true;
    }
}
