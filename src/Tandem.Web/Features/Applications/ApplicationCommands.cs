using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Applications;

[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    Accept = 0,
    Waitlist = 1,
    Decline = 2,
}

/// <summary>
/// Every write to an application — submit, edit, withdraw, decide — used alike by the pages and the API.
/// Not found means "no such application for this caller" (404 to the caller, never a hint that it exists).
/// </summary>
public sealed class ApplicationCommands(
    TandemDb db, ApplicationRules rules, TimeProvider clock, Notices notices, Audit.AuditLog audit, IStringLocalizer<ApplicationsText> t, ILogger<ApplicationCommands> logger)
{
    public async Task<Outcome<Application>> SubmitAsync(string userId, int cohortId, ApplicationRole role, ApplicationFields fields, CancellationToken ct)
    {
        var cohort = await rules.CohortAsync(cohortId, ct);
        var refusal = await rules.CheckApplicantAsync(userId, cohort, role, ct);
        if (refusal.Any) return refusal;
        var invalid = await rules.CheckFieldsAsync(userId, cohort!, role, fields, ct);
        if (invalid.Any) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        // A withdrawn application is taken up again rather than duplicated (one row per role per cohort).
        var application = await db.Applications.SingleOrDefaultAsync(a => a.CohortId == cohortId && a.UserId == userId && a.Role == role, ct);
        if (application is null)
        {
            application = new Application { CohortId = cohortId, UserId = userId, Role = role };
            db.Applications.Add(application);
        }
        application.Status = ApplicationStatus.Submitted;
        application.DecisionReason = null;
        application.DecidedById = null;
        application.DecidedAt = null;
        application.SubmittedAt = now;
        application.MembershipId = cohort!.NeedsMembership(role) ? await rules.FreeSeatAsync(userId, cohort, application.Id, ct) : null;
        Apply(application, role, fields, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Two submissions raced past the checks; the unique indexes (role per cohort, seat per
            // membership) stopped the second. Answer it as the checks would have.
            db.ChangeTracker.Clear();
            var again = await rules.CheckApplicantAsync(userId, cohort, role, ct);
            if (!again.Any) throw;
            logger.LogInformation(ex, "Concurrent application to cohort {CohortId} refused", cohortId);
            return again;
        }
        return application;
    }

    public async Task<Outcome<Application>> UpdateAsync(int id, string userId, ApplicationFields fields, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (application is null) return Refusal.NotFound;
        var cohort = (await rules.CohortAsync(application.CohortId, ct))!;
        if (rules.EditRefusal(application.Status, cohort) is { } refused)
            return Errors.One("Status", refused);
        var invalid = await rules.CheckFieldsAsync(userId, cohort, application.Role, fields, ct);
        if (invalid.Any) return invalid;
        Apply(application, application.Role, fields, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return application;
    }

    public async Task<Outcome<Application>> WithdrawAsync(int id, string userId, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (application is null) return Refusal.NotFound;
        var cohort = (await rules.CohortAsync(application.CohortId, ct))!;
        if (rules.WithdrawRefusal(application.Status, cohort) is { } refused)
            return Errors.One("Status", refused);
        application.Status = ApplicationStatus.Withdrawn;
        application.MembershipId = null; // the seat goes back to the member
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return application;
    }

    public async Task<Outcome<Application>> DecideAsync(int id, string coordinatorId, Decision decision, string? reason, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Refusal.NotFound;
        var cohort = (await rules.CohortAsync(application.CohortId, ct))!;
        if (cohort.Status is not (CohortStatus.Open or CohortStatus.Matching))
            return Errors.One("CohortId", t["Decisions can only be made while {0} is open or matching.", cohort.Name]);
        if (application.Status == ApplicationStatus.Withdrawn)
            return Errors.One("Status", t["The applicant withdrew this application, so it cannot be decided."]);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == Decision.Decline && reason is null)
            return Errors.One("Reason", t["Please give a reason for declining; it is sent to the applicant."]);
        if (reason?.Length > 2000)
            return Errors.One("Reason", t["Please keep the reason to at most 2000 characters."]);

        if (decision == Decision.Decline)
            application.MembershipId = null;
        else if (cohort.NeedsMembership(application.Role) && application.MembershipId is null)
        {
            // A seat released by an earlier decline may be gone by now: find one again before accepting.
            application.MembershipId = await rules.FreeSeatAsync(application.UserId, cohort, application.Id, ct);
            if (application.MembershipId is null && decision == Decision.Accept)
                return Errors.One("Membership", t["This applicant has no free membership covering {0}; they need a membership before they can be accepted.", ApplicationRules.Date(cohort.StartsOn)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = decision switch
        {
            Decision.Accept => ApplicationStatus.Accepted,
            Decision.Waitlist => ApplicationStatus.Waitlisted,
            _ => ApplicationStatus.Declined,
        };
        application.DecisionReason = reason;
        application.DecidedById = coordinatorId;
        application.DecidedAt = now;
        application.UpdatedAt = now;
        var kind = decision switch
        {
            Decision.Accept => NoticeKinds.ApplicationAccepted,
            Decision.Waitlist => NoticeKinds.ApplicationWaitlisted,
            _ => NoticeKinds.ApplicationDeclined,
        };
        await notices.AddAsync(kind, new Notice(application.UserId, "/Applications/Mine",
            [NoticeArg.Text(cohort.Name), NoticeArg.Term(application.Role == ApplicationRole.Mentee ? "mentee" : "mentor"), NoticeArg.Name(await notices.NameAsync(application.UserId, ct))],
            reason), ct);
        // The reason goes to the applicant, not to the log: the log keeps the decision only.
        audit.Add(Audit.AuditActions.ApplicationDecided, "application", application.Id, cohort.Id, $"{application.Role}: {application.Status}");
        await db.SaveChangesAsync(ct);
        return application;
    }

    internal static void Apply(Application a, ApplicationRole role, ApplicationFields f, DateTime now)
    {
        a.Languages = TagList.Format(f.Languages);
        a.Availability = f.Availability;
        a.MeetingMode = f.MeetingMode;
        var mentee = role == ApplicationRole.Mentee;
        a.TrackId = mentee ? f.TrackId : null;
        a.Flourish = mentee ? f.Flourish?.Trim() : null;
        a.FocusAreas = mentee ? TagList.Format(f.FocusAreas) : "";
        a.MentorGenderPreference = mentee ? f.MentorGenderPreference : GenderPreference.Any;
        a.OpenToReverse = f.OpenToReverse; // both sides opt in: matching pairs a junior mentor with a senior mentee only then
        a.MentorOrigin = mentee ? f.MentorOrigin : MentorOrigin.Either;
        a.Capacity = mentee ? 0 : f.Capacity;
        a.TracksServed = mentee ? "" : TagList.Format(f.TracksServed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        a.Expertise = mentee ? "" : TagList.Format(f.Expertise);
        a.Offer = mentee || string.IsNullOrWhiteSpace(f.Offer) ? null : f.Offer.Trim();
        a.PublicProfile = !mentee && f.PublicProfile;
        a.UpdatedAt = now;
    }
}
