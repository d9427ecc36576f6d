using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Closure;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Account;

/// <summary>
/// A member deletes their own account (GDPR art. 17, PIPL art. 47; docs/privacy.md, "Deleting your account").
/// Their private things go: private meeting notes, unshared workbook answers, their profile, applications that never
/// led to a pair, notices, preferences, calendar and sign-in tokens, bookmarks, votes and future seats. What they shared
/// with a partner or the community stays for the others (messages, shared work and comments, recommendations, goals,
/// contacts, gratitude notes, community posts), under "former member": the account row stays as an empty tombstone so
/// those rows keep their author, and so cohort and pair counts stay what they were. Their active pairs close early,
/// and the partners are told.
/// </summary>
public sealed class AccountDeletion(TandemDb db, UserManager<User> users, ClosureBook closure, TimeProvider clock, IStringLocalizer<AccountText> t)
{
    public async Task<StepPreview> PreviewAsync(string userId, CancellationToken ct)
    {
        var active = await ActivePairsAsync(userId, ct);
        var consequences = new List<string>
        {
            t["You can no longer sign in, and your email address is removed from Tandem."],
            t["Your profile, private meeting notes, unshared workbook answers, notices, bookmarks and applications that did not lead to a pair are deleted."],
            t["What you shared with a partner (messages, shared work, comments, recommendations, goals and gratitude notes) stays for them, shown as written by \"former member\"."],
            t["Counts the program keeps (pairs, meetings held, memberships paid) keep your part, without your name."],
        };
        if (active.Count > 0) consequences.Add(t["Active pairs you are in: {0}. They close early, and your partners are told.", active.Count]);
        var warnings = new List<StepWarning>();
        if (await IsLastCoordinatorAsync(userId, ct))
            warnings.Add(new StepWarning("lastCoordinator", t["You are the program's only coordinator: give someone else the coordinator role first."]));
        return new StepPreview(consequences, warnings);
    }

    /// <summary>Deletes the account when the password is right and <paramref name="confirm"/> is true; else nothing changes.</summary>
    public async Task<Outcome<StepPreview>> DeleteAsync(string userId, string? password, bool confirm, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { DeletedAt: null } user) return Refusal.NotFound;
        var preview = await PreviewAsync(userId, ct);
        var errors = new Errors();
        if (!confirm)
        {
            errors.Add("Confirm", t["Deleting your account cannot be undone. Confirm to delete it:"]);
            foreach (var c in preview.Consequences) errors.Add("Confirm", c);
        }
        if (user.PasswordHash is not null && (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password)))
            errors.Add("Password", t["Please enter your current password to delete your account."]);
        if (preview.Warnings.FirstOrDefault(w => w.Code == "lastCoordinator") is { } last) errors.Add("", last.Message);
        if (errors.Any) return errors;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var pairId in await ActivePairsAsync(userId, ct))
                await closure.CloseEarlyAsync(pairId, userId, coordinator: false, EarlyReason.PersonalReasons, confirm: true, ct);
            await RemovePrivateAsync(userId, ct);
            await EmptyAccountAsync(user, ct);
            await tx.CommitAsync(ct);
        });
        return preview;
    }

    private Task<List<int>> ActivePairsAsync(string userId, CancellationToken ct) =>
        db.Pairs.AsNoTracking().Where(p => p.Status == PairStatus.Active && (p.MenteeId == userId || p.MentorId == userId))
            .Select(p => p.Id).ToListAsync(ct);

    private async Task<bool> IsLastCoordinatorAsync(string userId, CancellationToken ct)
    {
        var coordinators = from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id where role.Name == Roles.Coordinator select ur.UserId;
        return await coordinators.AnyAsync(id => id == userId, ct) && !await coordinators.AnyAsync(id => id != userId, ct);
    }

    private async Task RemovePrivateAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.MeetingNotes.Where(n => n.AuthorId == id).ExecuteDeleteAsync(ct);
        // Answers in a section shared with a mentor are part of that pair's shared work; the rest are drafts.
        var shared = db.WorkbookShares.Where(s => s.MenteeId == id).Select(s => s.SectionId);
        await db.WorkbookAnswers.Where(a => a.UserId == id && !db.WorkbookExercises.Any(e => e.Id == a.ExerciseId && shared.Contains(e.SectionId)))
            .ExecuteDeleteAsync(ct);
        await db.ClosureReflections.Where(r => r.AuthorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Reflection, "").SetProperty(r => r.TransitionPlan, ""), ct);

        var unpaired = db.Applications.Where(a => a.UserId == id && !db.Pairs.Any(p => p.MenteeApplicationId == a.Id || p.MentorApplicationId == a.Id)).Select(a => a.Id);
        await db.PairRules.Where(r => unpaired.Contains(r.MenteeApplicationId) || unpaired.Contains(r.MentorApplicationId)).ExecuteDeleteAsync(ct);
        await db.MatchProposals.Where(r => unpaired.Contains(r.MenteeApplicationId) || unpaired.Contains(r.MentorApplicationId)).ExecuteDeleteAsync(ct);
        await db.MentorRankings.Where(r => unpaired.Contains(r.MenteeApplicationId) || unpaired.Contains(r.MentorApplicationId)).ExecuteDeleteAsync(ct);
        await db.Applications.Where(a => unpaired.Contains(a.Id)).ExecuteDeleteAsync(ct);
        // An application that led to a pair stays, for the cohort's counts, without the words the person wrote in it.
        await db.Applications.Where(a => a.UserId == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Flourish, (string?)null).SetProperty(a => a.Offer, (string?)null)
            .SetProperty(a => a.FocusAreas, "").SetProperty(a => a.Expertise, "").SetProperty(a => a.PublicProfile, false), ct);

        await db.Notifications.Where(n => n.UserId == id).ExecuteDeleteAsync(ct);
        await db.QueuedEmails.Where(e => e.UserId == id).ExecuteDeleteAsync(ct);
        await db.NoticePreferences.Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        await db.NoticeDigests.Where(d => d.UserId == id).ExecuteDeleteAsync(ct);
        await db.CalendarFeeds.Where(f => f.UserId == id).ExecuteDeleteAsync(ct);
        await db.LibraryBookmarks.Where(b => b.UserId == id).ExecuteDeleteAsync(ct);
        await db.LibraryReads.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        await db.SolutionVotes.Where(v => v.UserId == id).ExecuteDeleteAsync(ct);
        // Seats at what is still to come go back to others; attendance of what took place stays a count.
        await db.EventRsvps.Where(r => r.UserId == id && db.Events.Any(e => e.Id == r.EventId && e.StartsAt > now)).ExecuteDeleteAsync(ct);
        await db.WebinarRegistrations.Where(r => r.UserId == id && db.Webinars.Any(w => w.Id == r.WebinarId && w.StartsAt > now)).ExecuteDeleteAsync(ct);

        await db.Profiles.Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        db.Profiles.Add(new Profiles.Profile { UserId = id, DisplayName = FormerMember.Stored, UpdatedAt = now });
        await db.SaveChangesAsync(ct);

        await db.UserTokens.Where(x => x.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(x => x.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(x => x.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(x => x.UserId == id).ExecuteDeleteAsync(ct);
    }

    private async Task EmptyAccountAsync(User user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        user.DeletedAt = now.UtcDateTime;
        user.Email = user.NormalizedEmail = null;
        user.UserName = "deleted-" + user.Id;
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.EmailConfirmed = user.PhoneNumberConfirmed = user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.Language = null;
        // A new stamp ends every sign-in: cookies, bearer and refresh tokens (SignIns).
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Entry(user).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The name a deleted account's rows are shown under, in the reader's language.</summary>
public static class FormerMember
{
    /// <summary>What the profile stores in place of the name; read back as <see cref="Name"/>.</summary>
    public const string Stored = "Former member";

    /// <summary>Every name read from the database comes through here (a value converter on the profile's name), so every page,
    /// notice and export shows a deleted account the same way without knowing about deletion.</summary>
    public static string Name() => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "前成员" : "Former member";
}
