using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Sharing;

/// <summary>Recommended resources, shared work and introductions of one pair.</summary>
[Authorize]
public sealed class IndexModel(TandemDb db, SharingBook book, IStringLocalizer<SharingText> t) : PageModel
{
    public sealed class ResourceInputModel { public string? Title { get; set; } public string? Url { get; set; } public string? Note { get; set; } }
    public sealed class WorkInputModel { public string? Title { get; set; } public string? Text { get; set; } public string? Url { get; set; } }
    public sealed class IntroductionInputModel { public IntroductionKind? Kind { get; set; } public string? ToWhom { get; set; } public string? Why { get; set; } public string? Outcome { get; set; } }

    [BindProperty] public ResourceInputModel Resource { get; set; } = new();
    [BindProperty] public WorkInputModel Work { get; set; } = new();
    [BindProperty] public IntroductionInputModel Intro { get; set; } = new();
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public PairMember Pair { get; private set; } = null!;
    public PageResponse<ResourceResponse> Resources { get; private set; } = null!;
    public PageResponse<WorkResponse> SharedWork { get; private set; } = null!;
    public PageResponse<IntroductionResponse> Introductions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct) => await LoadAsync(pairId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecommendAsync(int pairId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.RecommendAsync(pairId, User.Id(), new ResourceRequest(Resource.Title, Resource.Url, Resource.Note), ct),
            t["The resource is recommended."], "Resource.", ct);

    public async Task<IActionResult> OnPostShareAsync(int pairId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.ShareWorkAsync(pairId, User.Id(), new WorkRequest(Work.Title, Work.Text, Work.Url), ct),
            t["Your work is shared."], "Work.", ct);

    public async Task<IActionResult> OnPostIntroduceAsync(int pairId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.IntroduceAsync(pairId, User.Id(), new IntroductionRequest(Intro.Kind, Intro.ToWhom, Intro.Why, Intro.Outcome), ct),
            t["The introduction is recorded."], "Intro.", ct);

    public async Task<IActionResult> OnPostOutcomeAsync(int pairId, int introductionId, CancellationToken ct) =>
        await DoneAsync(pairId, await book.OutcomeAsync(pairId, introductionId, User.Id(), new OutcomeRequest(Intro.Outcome), ct),
            t["The outcome is saved."], "Intro.", ct);

    private Task<IActionResult> DoneAsync<T>(int pairId, Outcome<T> outcome, string flash, string prefix, CancellationToken ct) =>
        this.AnswerAsync(outcome, _ => flash, _ => RedirectToPage("/Sharing/Index", new { pairId }), () => LoadAsync(pairId, ct), prefix);

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, User.Id(), ct) is not { } pair) return false;
        Pair = pair;
        Resources = (await SharingQueries.ResourcesAsync(db, pairId, User.Id(), PageNumber, ct))!;
        SharedWork = (await SharingQueries.WorkAsync(db, pairId, User.Id(), PageNumber, ct))!;
        Introductions = (await SharingQueries.IntroductionsAsync(db, pairId, User.Id(), PageNumber, ct))!;
        return true;
    }
}
