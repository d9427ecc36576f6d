using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Shared.OpenApi;

/// <summary>Who may call an endpoint, from its authorization metadata.</summary>
public enum CallerAccess
{
    Anyone,
    Member,
    Coordinator,
}

/// <summary>The generated part of each operation's description, and the summaries of Identity's endpoints (which Tandem
/// maps with one call and so cannot annotate one by one).</summary>
public static class OperationText
{
    public static CallerAccess AccessOf(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()) return CallerAccess.Anyone;
        var rules = metadata.OfType<IAuthorizeData>().ToList();
        if (rules.Count == 0) return CallerAccess.Anyone;
        return rules.Any(r => r.Policy == Roles.Coordinator || (r.Roles ?? "").Split(',').Contains(Roles.Coordinator))
            ? CallerAccess.Coordinator : CallerAccess.Member;
    }

    public static string Describe(CallerAccess access, ApiDescription api)
    {
        var who = access switch
        {
            CallerAccess.Anyone => "**Who may call:** anyone; no sign-in is needed.",
            CallerAccess.Coordinator => "**Who may call:** coordinators, signed in with a bearer token or the sign-in cookie; others get 403.",
            _ => "**Who may call:** any signed-in member (bearer token or sign-in cookie); without sign-in the answer is 401.",
        };
        var answers = api.SupportedResponseTypes
            .Select(r => r.StatusCode).Where(c => c is not (401 or 403)).Distinct().Order()
            .Select(code => Answer(code, api)).Where(a => a is not null).ToList();
        return answers.Count == 0 ? who : who + "\n\n**Answers:** " + string.Join("; ", answers) + ".";
    }

    private static string? Answer(int code, ApiDescription api)
    {
        var response = api.SupportedResponseTypes.First(r => r.StatusCode == code);
        var format = response.ApiResponseFormats.Select(f => f.MediaType).FirstOrDefault();
        var body = format is not null && !format.Contains("problem", StringComparison.Ordinal) ? $" with `{format}`" : "";
        return code switch
        {
            200 => "200" + body,
            201 => "201" + body + " and the new resource's `Location`",
            202 => "202 accepted",
            204 => "204 when done",
            400 => "400 with validation problem details naming each refused field; nothing is changed",
            404 => "404 when it does not exist or is not the caller's to see",
            409 => "409 when it conflicts with the current state; nothing is changed",
            _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture) + body,
        };
    }

    private static readonly Dictionary<(string Method, string Path), string> Identity = new()
    {
        [("POST", "api/v1/account/register")] = "Creates an account and emails a confirmation link.",
        [("POST", "api/v1/account/login")] = "Signs in: returns a bearer token (or sets the sign-in cookie with ?useCookies=true).",
        [("POST", "api/v1/account/refresh")] = "Exchanges a refresh token for a new bearer token.",
        [("GET", "api/v1/account/confirmEmail")] = "Confirms an email address from the link in the confirmation email.",
        [("POST", "api/v1/account/resendConfirmationEmail")] = "Sends the confirmation email again.",
        [("POST", "api/v1/account/forgotPassword")] = "Emails a password reset code.",
        [("POST", "api/v1/account/resetPassword")] = "Sets a new password with the emailed reset code.",
        [("POST", "api/v1/account/manage/2fa")] = "Turns two-factor sign-in on or off and manages its recovery codes.",
        [("GET", "api/v1/account/manage/info")] = "The caller's email address and whether it is confirmed.",
        [("POST", "api/v1/account/manage/info")] = "Changes the caller's email address or password.",
    };

    public static string? IdentitySummary(ApiDescription api) =>
        Identity.GetValueOrDefault((api.HttpMethod ?? "", api.RelativePath?.TrimEnd('/') ?? ""));
}
