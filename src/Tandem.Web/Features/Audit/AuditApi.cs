using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Roles.Coordinator)
            .WithSummary("The audit log of coordinator actions, newest first, 50 a page; filters: action, actorId, cohortId, from, to (yyyy-MM-dd, UTC days) (coordinators).");
        return api;
    }

    private static async Task<Results<Ok<PageResponse<AuditRow>>, ValidationProblem>> List(
        string? action, string? actorId, int? cohortId, string? from, string? to, int? page, AuditQueries queries, IStringLocalizer<AuditText> t, CancellationToken ct)
    {
        var errors = new Errors();
        if (!string.IsNullOrEmpty(action) && !AuditActions.All.Contains(action))
            errors.Add("action", t["Unknown action \"{0}\"; use one of: {1}.", action, string.Join(", ", AuditActions.All)]);
        var fromDay = Day(from, "from", errors, t);
        var toDay = Day(to, "to", errors, t);
        if (fromDay > toDay) errors.Add("to", t["The end date is before the start date."]);
        if (errors.Any) return errors.ToValidationProblem();
        return TypedResults.Ok(await queries.ListAsync(new AuditFilter(action, actorId, cohortId, fromDay, toDay), page, ct));
    }

    internal static DateOnly? Day(string? value, string field, Errors errors, IStringLocalizer<AuditText> t)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        errors.Add(field, t["\"{0}\" is not a date (yyyy-MM-dd).", value]);
        return null;
    }
}
