using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Agreements;

[Authorize]
public sealed class GoalModel(TandemDb db, AgreementBook book, IStringLocalizer<AgreementsText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Note { get; set; }
        public int? Progress { get; set; }
    }

    public sealed class EditModel
    {
        public string? Title { get; set; }
        public string? Measure { get; set; }
        public DateOnly? TargetDate { get; set; }
        public GoalStatus? Status { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public EditModel Edit { get; set; } = new();
    public GoalResponse Goal { get; private set; } = null!;
    public PairMember Pair { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int pairId, int goalId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, goalId, ct)) return NotFound();
        Edit = new EditModel { Title = Goal.Title, Measure = Goal.Measure, TargetDate = Goal.TargetDate, Status = Goal.Status };
        Input.Progress = Goal.Progress;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int pairId, int goalId, CancellationToken ct)
    {
        var outcome = await book.AddUpdateAsync(pairId, goalId, User.Id(), new GoalUpdateRequest(Input.Note, Input.Progress), ct);
        return await DoneAsync(pairId, goalId, outcome, "Input.", ct);
    }

    public async Task<IActionResult> OnPostEditAsync(int pairId, int goalId, CancellationToken ct)
    {
        var outcome = await book.EditGoalAsync(pairId, goalId, User.Id(), new GoalRequest(Edit.Title, Edit.Measure, Edit.TargetDate, Edit.Status), ct);
        return await DoneAsync(pairId, goalId, outcome, "Edit.", ct);
    }

    private Task<IActionResult> DoneAsync<T>(int pairId, int goalId, Outcome<T> outcome, string prefix, CancellationToken ct) =>
        this.AnswerAsync(outcome, _ => t["The goal is updated."], _ => RedirectToPage("/Agreements/Goal", new { pairId, goalId }), () => LoadAsync(pairId, goalId, ct), prefix);

    private async Task<bool> LoadAsync(int pairId, int goalId, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, User.Id(), ct) is not { } pair) return false;
        Pair = pair;
        var goal = (await AgreementQueries.GoalsAsync(db, pairId, goalId, ct)).SingleOrDefault();
        if (goal is null) return false;
        Goal = goal;
        return true;
    }
}
