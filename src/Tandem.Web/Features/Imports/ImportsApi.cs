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
        api.MapPost("/imports/applications", Applications).RequireAuthorization(Roles.Coordinator).WithTags("Imports")
            .Accepts<string>("text/csv")
            .WithSummary("Imports applications from a text/csv body (cohort, email, role, track, languages; optionally capacity, tracks_served, focus_areas, expertise, flourish, offer, meeting_mode, availability); dryRun=true (the default) only checks. Applicants must be members; one application per cohort, person and role, so re-importing creates nothing. Answers {created, updated, unchanged, errors:[{row, column, message}]}.");
        return api;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Members(HttpRequest request, bool? dryRun, MemberImport import, IStringLocalizer<ImportsText> t, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(request, t, ct);
        return body is null ? problem!.ToValidationProblem() : TypedResults.Ok(await import.RunAsync(body, dryRun ?? true, ct));
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Applications(HttpRequest request, bool? dryRun, ApplicationImport import, IStringLocalizer<ImportsText> t, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(request, t, ct);
        return body is null ? problem!.ToValidationProblem() : TypedResults.Ok(await import.RunAsync(body, dryRun ?? true, ct));
    }

    /// <summary>The body; or, when it is empty or larger than <see cref="MaxBytes"/>, the problem to answer.</summary>
    private static async Task<(byte[]? Body, Errors? Problem)> ReadAsync(HttpRequest request, IStringLocalizer<ImportsText> t, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBytes) return (null, Errors.One("body", t["The file is larger than {0} MB.", MaxBytes / 1024 / 1024]));
        }
        return body.Length == 0 ? (null, Errors.One("body", t["Send the CSV file as the request body (text/csv)."])) : (body.ToArray(), null);
    }
}
