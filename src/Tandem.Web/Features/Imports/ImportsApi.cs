using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Imports;

public static class ImportsApi
{
    /// <summary>The largest file accepted (about 50,000 rows of members).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/members", Members).RequireAuthorization(Roles.Coordinator).WithTags("Imports")
            .Accepts<string>("text/csv")
            .WithSummary("Imports members from a text/csv body (email, name, employer, industry); dryRun=true (the default) only checks. Answers {created, updated, unchanged, errors:[{row, column, message}]}; a file with errors writes nothing.");
        return api;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Members(HttpRequest request, bool? dryRun, MemberImport import, IStringLocalizer<ImportsText> t, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBytes) return Errors.One("body", t["The file is larger than {0} MB.", MaxBytes / 1024 / 1024]).ToValidationProblem();
        }
        if (body.Length == 0) return Errors.One("body", t["Send the CSV file as the request body (text/csv)."]).ToValidationProblem();
        return TypedResults.Ok(await import.RunAsync(body.ToArray(), dryRun ?? true, ct));
    }
}
