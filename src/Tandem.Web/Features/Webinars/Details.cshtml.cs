using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Events;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Webinars;

/// <summary>A webinar: registration, and its dilemma board (mentees of the cohort post and answer; coordinators moderate,
/// checked per handler; anonymous posts show no author to anyone).</summary>
[Authorize]
public sealed class DetailsModel(WebinarSchedule schedule, DilemmaBoard board, ViewerTime time, TimeProvider clock, IStringLocalizer<WebinarsText> t) : PageModel
{
    public WebinarResponse Webinar { get; private set; } = null!;
    public IReadOnlyList<DilemmaResponse>? Board { get; private set; }
    public IReadOnlyList<RegistrationResponse> Registrations { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool Open { get; private set; }

    [BindProperty] public DilemmaInput Input { get; set; } = new();

    public sealed class DilemmaInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public bool Anonymous { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        Do(id, async () => await schedule.RegisterAsync(id, User.Id(), ct) is { } o ? (o.Refusal, t["You're registered."].Value) : null, ct);

    public Task<IActionResult> OnPostUnregisterAsync(int id, CancellationToken ct) =>
        Do(id, async () => await schedule.CancelRegistrationAsync(id, User.Id(), ct) ? (null, t["Your registration was cancelled."].Value) : null, ct);

    public Task<IActionResult> OnPostDilemmaAsync(int id, CancellationToken ct) =>
        Do(id, async () => await board.PostAsync(id, User.Id(), new DilemmaRequest(Input.Title, Input.Body, Input.Anonymous), ct) is { } o
            ? (o.Refusal, Input.Anonymous ? t["Your dilemma was posted anonymously."].Value : t["Your dilemma was posted."].Value) : null, ct);

    public Task<IActionResult> OnPostSolutionAsync(int id, int dilemmaId, string? text, CancellationToken ct) =>
        Do(id, async () => await board.SuggestAsync(dilemmaId, User.Id(), new SolutionRequest(text), ct) is { } o ? (o.Refusal, t["Thank you for your suggestion."].Value) : null, ct);

    public Task<IActionResult> OnPostVoteAsync(int id, int solutionId, bool on, CancellationToken ct) =>
        Do(id, async () => await board.VoteAsync(solutionId, User.Id(), on, ct) is { } o ? (o.Refusal, on ? t["Upvoted."].Value : t["Vote removed."].Value) : null, ct);

    public Task<IActionResult> OnPostHelpfulAsync(int id, int solutionId, bool on, CancellationToken ct) =>
        Do(id, async () => await board.MarkHelpfulAsync(solutionId, User.Id(), on, ct) ? (null, on ? t["Marked as helpful."].Value : t["No longer marked as helpful."].Value) : null, ct);

    public Task<IActionResult> OnPostHideDilemmaAsync(int id, int dilemmaId, string? reason, CancellationToken ct) =>
        User.IsCoordinator() ? Do(id, async () => await board.HideDilemmaAsync(dilemmaId, new HideRequest(reason), ct) is { } o ? (o.Refusal, t["The post was hidden."].Value) : null, ct)
            : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostHideSolutionAsync(int id, int solutionId, string? reason, CancellationToken ct) =>
        User.IsCoordinator() ? Do(id, async () => await board.HideSolutionAsync(solutionId, new HideRequest(reason), ct) is { } o ? (o.Refusal, t["The post was hidden."].Value) : null, ct)
            : Task.FromResult<IActionResult>(Forbid());

    public async Task<IActionResult> OnPostAttendanceAsync(int id, string[] attended, CancellationToken ct)
    {
        if (!User.IsCoordinator()) return Forbid();
        return await Do(id, async () => await schedule.SetAttendanceAsync(id, attended, ct) is { } o ? (o.Refusal, t["Attendance saved."].Value) : null, ct);
    }

    /// <summary>Runs a write: null → 404; refusal → the page with errors; else flash and back to the page.</summary>
    private async Task<IActionResult> Do(int id, Func<Task<(Errors? Refusal, string Flash)?>> write, CancellationToken ct)
    {
        var result = await write();
        if (result is null) return NotFound();
        if (result.Value.Refusal is { } errors)
        {
            ModelState.Clear();
            errors.AddTo(ModelState);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Flash"] = result.Value.Flash;
        return Redirect($"/Webinars/{id}#board");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var w = await schedule.GetAsync(id, User.Id(), User.IsCoordinator(), ct);
        if (w is null) return false;
        Webinar = w;
        Zone = await time.ZoneAsync(User.Id(), ct);
        Board = await board.ListAsync(id, User.Id(), User.IsCoordinator(), ct);
        Open = w.EndsAt >= clock.GetUtcNow().UtcDateTime;
        if (User.IsCoordinator()) Registrations = await schedule.RegistrationsAsync(id, ct) ?? [];
        return true;
    }
}
