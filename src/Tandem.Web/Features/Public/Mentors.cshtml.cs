using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Public;

[AllowAnonymous]
[OutputCache(PolicyName = Tandem.Web.Features.Public.PublicCache.PolicyName)]
public sealed class MentorsModel(MentorDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Expertise { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public MentorsResponse Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "page" is a reserved route value in Razor Pages, so ?page= is read by hand.
        Result = await directory.SearchAsync(new MentorQuery(CohortId, Industry, Expertise, Language, Q, Paging.Parse(Request.Query["page"])), ct);
    }

    /// <summary>This listing's URL with some parameters changed (null removes one); filters reset the page.</summary>
    public string Link(int? page = null, string? industry = "", string? expertise = "", string? language = "")
    {
        var query = new Dictionary<string, string?>
        {
            ["cohortId"] = Result.CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["industry"] = industry == "" ? Industry : industry,
            ["expertise"] = expertise == "" ? Expertise : expertise,
            ["language"] = language == "" ? Language : language,
            ["q"] = Q,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Public/Mentors", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
