using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Agreements;

[Authorize]
public sealed class IndexModel(TandemDb db, AgreementBook book, ReverseMentoring reverseMentoring, IStringLocalizer<AgreementsText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? AreasForGrowth { get; set; }
        public string? DesiredOutcomes { get; set; }
        public string? MenteeExpectations { get; set; }
        public string? MentorExpectations { get; set; }
        public string? RolesAndResponsibilities { get; set; }
        public string? MeetingCadence { get; set; }
        public bool ConfidentialityAcknowledged { get; set; }
    }

    public sealed class GoalInputModel
    {
        public string? Title { get; set; }
        public string? Measure { get; set; }
        public DateOnly? TargetDate { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public GoalInputModel Goal { get; set; } = new();
    public AgreementResponse Agreement { get; private set; } = null!;
    public PairMember Pair { get; private set; } = null!;
    public bool Reverse { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        var a = Agreement;
        Input = new InputModel
        {
            AreasForGrowth = a.AreasForGrowth, DesiredOutcomes = a.DesiredOutcomes, MenteeExpectations = a.MenteeExpectations, MentorExpectations = a.MentorExpectations,
            RolesAndResponsibilities = a.RolesAndResponsibilities, MeetingCadence = a.MeetingCadence, ConfidentialityAcknowledged = a.ConfidentialityAcknowledged,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int pairId, CancellationToken ct)
    {
        var request = new AgreementRequest(Input.AreasForGrowth, Input.DesiredOutcomes, Input.MenteeExpectations, Input.MentorExpectations,
            Input.RolesAndResponsibilities, Input.MeetingCadence, Input.ConfidentialityAcknowledged);
        return await DoneAsync(pairId, await book.SaveAsync(pairId, User.Id(), request, ct), t["The agreement is saved. Please both confirm it again."], "Input.", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int pairId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.ConfirmAsync(pairId, User.Id(), ct), t["You confirmed the agreement."], "Input.", ct);

    public async Task<IActionResult> OnPostGoalAsync(int pairId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.AddGoalAsync(pairId, User.Id(), new GoalRequest(Goal.Title, Goal.Measure, Goal.TargetDate, null), ct),
            t["The goal is added."], "Goal.", ct);

    /// <summary>The pair agrees it is reverse mentoring (each teaches the other), or not; the prompts and role labels follow.</summary>
    public async Task<IActionResult> OnPostReverseAsync(int pairId, bool reverse, CancellationToken ct) =>
        await DoneAsync(pairId, await reverseMentoring.SetAsync(pairId, User.Id(), coordinator: false, new ReverseRequest(reverse), ct),
            reverse ? t["This pair is now reverse mentoring: each of you teaches the other."] : t["This pair is now ordinary mentoring."], "", ct);

    private Task<IActionResult> DoneAsync<T>(int pairId, Outcome<T> outcome, string flash, string prefix, CancellationToken ct) =>
        this.AnswerAsync(outcome, _ => flash, _ => RedirectToPage("/Agreements/Index", new { pairId }), () => LoadAsync(pairId, ct), prefix);

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, User.Id(), ct) is not { } pair) return false;
        Pair = pair;
        Agreement = (await AgreementQueries.GetAsync(db, pairId, User.Id(), ct))!;
        Reverse = Pair.Reverse;
        return true;
    }
}
