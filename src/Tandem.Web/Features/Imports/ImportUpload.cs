using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Imports;

/// <summary>The uploaded CSV of an import page: its bytes, or a form error on "file" when there is none or it is too large.</summary>
public static class ImportUpload
{
    public static async Task<byte[]?> ReadAsync(IFormFile? file, ModelStateDictionary modelState, IStringLocalizer<ImportsText> t, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            modelState.AddModelError("file", t["Choose a CSV file to import."]);
            return null;
        }
        if (file.Length > ImportsApi.MaxBytes)
        {
            modelState.AddModelError("file", t["The file is larger than {0} MB.", ImportsApi.MaxBytes / 1024 / 1024]);
            return null;
        }
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        return stream.ToArray();
    }
}
