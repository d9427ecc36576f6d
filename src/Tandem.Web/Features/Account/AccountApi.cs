using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <param name="Password">The account's current password.</param>
/// <param name="Confirm">true to delete; without it the answer lists what deleting would do, and nothing changes.</param>
public sealed record DeleteAccountRequest(string? Password, bool? Confirm = null);

/// <summary><paramref name="Done"/> false is the preview (nothing changed); true is the account deleted.</summary>
public sealed record DeleteAccountResponse(bool Done, IReadOnlyList<string> Consequences, IReadOnlyList<StepWarning> Warnings);

/// <summary>The caller's own account: POST /api/v1/me/delete.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccount(this RouteGroupBuilder api)
    {
        api.MapPost("/me/delete", DeleteAsync).WithTags("Account").RequireAuthorization()
            .WithSummary("Deletes the caller's account when \"confirm\" is true and the password is right; without \"confirm\", answers what " +
                         "deleting would do and changes nothing. Shared items stay for partners under \"former member\"; private items go.");
        return api;
    }

    private static async Task<Results<Ok<DeleteAccountResponse>, NotFound, ValidationProblem>> DeleteAsync(
        DeleteAccountRequest request, HttpContext http, AccountDeletion deletion, CancellationToken ct)
    {
        if (request.Confirm != true)
        {
            var preview = await deletion.PreviewAsync(http.User.Id(), ct);
            return TypedResults.Ok(new DeleteAccountResponse(false, preview.Consequences, preview.Warnings));
        }
        return (await deletion.DeleteAsync(http.User.Id(), request.Password, confirm: true, ct))
            .ToApi(p => TypedResults.Ok(new DeleteAccountResponse(true, p.Consequences, p.Warnings)));
    }
}
