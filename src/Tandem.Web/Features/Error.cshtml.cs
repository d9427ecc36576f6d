using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared;

namespace Tandem.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedText> s) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => (s["Page not found"].Value, s["We could not find that page. It may have moved, or the link may be mistyped."].Value),
            403 => (s["Not allowed"].Value, s["You do not have access to this page."].Value),
            429 => (s["Too many requests"].Value, s["You have tried this too often. Please wait a few minutes and try again."].Value),
            400 => (s["Bad request"].Value, s["The request could not be understood. Please check what you entered and try again."].Value),
            _ => (s["Something went wrong"].Value, s["Sorry, something went wrong on our side. Please try again in a moment."].Value),
        };
        if (code is int c && c >= 400) Response.StatusCode = c;
    }
}
