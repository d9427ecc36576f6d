using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Imports;

/// <summary>
/// Upload an applications CSV, see the dry run, then confirm. The confirmation streams its progress (rows written so far)
/// to the page's script as lines of JSON; without the script it is an ordinary post that redirects when done.
/// </summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class ApplicationsModel(ApplicationImport import, IStringLocalizer<ImportsText> t) : PageModel
{
    public const string ProgressType = "application/x-ndjson";

    public ImportResult? Preview { get; private set; }
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
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (Request.Headers.Accept.ToString().Contains(ProgressType, StringComparison.Ordinal))
        {
            Response.ContentType = ProgressType;
            var lines = System.Threading.Channels.Channel.CreateUnbounded<int>();
            var running = import.RunAsync(bytes, dryRun: false, ct, new Progress(lines.Writer));
            var writing = Task.Run(async () =>
            {
                await foreach (var written in lines.Reader.ReadAllAsync(ct))
                {
                    await Response.WriteAsync(JsonSerializer.Serialize(new { written }) + "\n", ct);
                    await Response.Body.FlushAsync(ct);
                }
            }, ct);
            ImportResult streamed;
            try { streamed = await running; }
            finally { lines.Writer.TryComplete(); }
            await writing;
            await Response.WriteAsync(JsonSerializer.Serialize(new
            {
                done = true, streamed.Created, streamed.Updated, streamed.Unchanged, errors = streamed.Errors.Count,
                message = streamed.Errors.Count == 0 ? Done(streamed) : t["{0} problems: fix them in the file and check it again. Nothing has been saved.", streamed.Errors.Count].Value,
            }, JsonSerializerOptions.Web) + "\n", ct);
            return new EmptyResult();
        }
        var result = await import.RunAsync(bytes, dryRun: false, ct);
        if (result.Errors.Count > 0)
        {
            Csv = csv;
            Preview = result;
            return Page();
        }
        this.Flash(Done(result));
        return Redirect("/Applications");
    }

    private string Done(ImportResult r) => t["Imported: {0} new applications, {1} updated, {2} unchanged.", r.Created, r.Updated, r.Unchanged];

    /// <summary>Passes the import's progress to the response writer without making the import wait for the network.</summary>
    private sealed class Progress(System.Threading.Channels.ChannelWriter<int> writer) : IProgress<int>
    {
        public void Report(int value) => writer.TryWrite(value);
    }
}
