using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Imports;

/// <summary>Upload a members CSV, see the dry run (counts and every error by row and column), then confirm.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class MembersModel(MemberImport import, IStringLocalizer<ImportsText> t) : PageModel
{
    public ImportResult? Preview { get; private set; }

    /// <summary>The checked file, carried to the confirmation so the same rows are imported.</summary>
    public string? Csv { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (await ImportUpload.ReadAsync(file, ModelState, t, ct) is not { } bytes) return Page();
        Csv = Encoding.UTF8.GetString(bytes);
        Preview = await import.RunAsync(bytes, dryRun: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? csv, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(csv)) return RedirectToPage();
        var result = await import.RunAsync(Encoding.UTF8.GetBytes(csv), dryRun: false, ct);
        if (result.Errors.Count > 0)
        {
            Csv = csv;
            Preview = result;
            return Page();
        }
        this.Flash(t["Imported: {0} new members, {1} updated, {2} unchanged.", result.Created, result.Updated, result.Unchanged]);
        return Redirect("/Members");
    }
}
