using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

/// <summary>A webinar: registration, and its dilemma board (mentees of the cohort post and answer; coordinators moderate,
/// checked per handler; anonymous posts show no author to anyone).</summary>
[Authorize]
public sealed class DetailsModel(WebinarBook book, DilemmaBoard board, ViewerTime time, TimeProvider clock, IStringLocalizer<WebinarsText> t) : PageModel
{
    public WebinarResponse Webinar { get; private set; } = null!;
    public IReadOnlyList<DilemmaResponse>? Board { get; private set; }
    public IReadOnlyList<RegistrationResponse> Registrations { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZones.Fallback;
    public bool Open { get; private set; }

    [BindProperty] public DilemmaInput Input { get; set; } = new();

    public sealed class DilemmaInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public bool Anonymous { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        await Do(id, await book.RegisterAsync(id, User.Id(), ct), _ => t["You're registered."], ct);

    public async Task<IActionResult> OnPostUnregisterAsync(int id, CancellationToken ct) =>
        await Do(id, Found(await book.CancelRegistrationAsync(id, User.Id(), ct)), _ => t["Your registration was cancelled."], ct);

    public async Task<IActionResult> OnPostDilemmaAsync(int id, CancellationToken ct) =>
        await Do(id, await board.PostAsync(id, User.Id(), new DilemmaRequest(Input.Title, Input.Body, Input.Anonymous), ct),
            _ => Input.Anonymous ? t["Your dilemma was posted anonymously."] : t["Your dilemma was posted."], ct);

    public async Task<IActionResult> OnPostSolutionAsync(int id, int dilemmaId, string? text, CancellationToken ct) =>
        await Do(id, await board.SuggestAsync(dilemmaId, User.Id(), new SolutionRequest(text), ct), _ => t["Thank you for your suggestion."], ct);

    public async Task<IActionResult> OnPostVoteAsync(int id, int solutionId, bool on, CancellationToken ct) =>
        await Do(id, await board.VoteAsync(solutionId, User.Id(), on, ct), _ => on ? t["Upvoted."] : t["Vote removed."], ct);

    public async Task<IActionResult> OnPostHelpfulAsync(int id, int solutionId, bool on, CancellationToken ct) =>
        await Do(id, Found(await board.MarkHelpfulAsync(solutionId, User.Id(), on, ct)),
            _ => on ? t["Marked as helpful."] : t["No longer marked as helpful."], ct);

    public async Task<IActionResult> OnPostHideDilemmaAsync(int id, int dilemmaId, string? reason, CancellationToken ct) =>
        User.IsCoordinator() ? await Do(id, await board.HideDilemmaAsync(dilemmaId, new HideRequest(reason), ct), _ => t["The post was hidden."], ct) : Forbid();

    public async Task<IActionResult> OnPostHideSolutionAsync(int id, int solutionId, string? reason, CancellationToken ct) =>
        User.IsCoordinator() ? await Do(id, await board.HideSolutionAsync(solutionId, new HideRequest(reason), ct), _ => t["The post was hidden."], ct) : Forbid();

    public async Task<IActionResult> OnPostAttendanceAsync(int id, string[] attended, CancellationToken ct) =>
        User.IsCoordinator() ? await Do(id, await book.SetAttendanceAsync(id, attended, ct), _ => t["Attendance saved."], ct) : Forbid();

    /// <summary>Every form on the page answers alike: the errors on the page, or the flash and back to the board.</summary>
    private Task<IActionResult> Do<T>(int id, Outcome<T> outcome, Func<T, string> flash, CancellationToken ct)
    {
        ModelState.Clear();
        return this.AnswerAsync(outcome, flash, _ => Redirect($"/Webinars/{id}#board"), () => LoadAsync(id, ct));
    }

    private static Outcome<bool> Found(bool done) => done ? true : Refusal.NotFound;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var w = await book.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (w is null) return false;
        Webinar = w;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Board = await board.ListAsync(id, User.Id(), User.IsCoordinator(), ct);
        Open = w.EndsAt >= clock.GetUtcNow().UtcDateTime;
        if (User.IsCoordinator()) Registrations = await book.RegistrationsAsync(id, ct) ?? [];
        return true;
    }
}
