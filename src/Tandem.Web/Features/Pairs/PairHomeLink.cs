using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Pairs;

/// <summary>
/// "← Pair home" on pages that belong to the pair's journey but not to one pair's address (workbooks, mentor guidance):
/// the pair the person came from (<c>?pair=</c>, when they are in it), else their newest active pair. Nothing for people
/// in no pair, coordinators included.
/// </summary>
public sealed class PairHomeLinkViewComponent(TandemDb db, IStringLocalizer<PairsText> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.IdOrNull() is not { } me) return Content("");
        var ct = HttpContext.RequestAborted;
        var mine = db.Pairs.AsNoTracking().OfMember(me);
        int? id = null;
        if (int.TryParse(Request.Query["pair"], out var asked))
            id = await mine.Where(p => p.Id == asked).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        id ??= await mine.OrderBy(p => p.Status == PairStatus.Active ? 0 : 1).ThenByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null) return Content("");
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p><a href=\"/Pairs/{id}\" id=\"pair-home\">← {HtmlEncoder.Default.Encode(t["Pair home"])}</a></p>"));
    }
}
