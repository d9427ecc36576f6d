using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Account;

/// <summary>
/// A member deletes their account: their private items go, what they shared with their partner stays for the partner
/// under "former member" (前成员), the cohort's counts do not move, and no coordinator export carries private content.
/// </summary>
public sealed class AccountDeletionTests
{
    private const string Mentee = "mentee@tandem.local", Mentor = "mentor@tandem.local", Coordinator = "coordinator@tandem.local";
    private const string SharedMarker = "Shared-with-my-mentor-7731", NoteMarker = "Private-note-only-mine-4402";

    private sealed record Facts(int Messages, int Work, int Comments, int Resources, int Pairs, int PairedApplications, int AcceptedInCohort);

    private static Task<Facts> FactsAsync(TandemFactory f, string id, int cohortId) => f.WithDbAsync(async db => new Facts(
        await db.Messages.CountAsync(m => m.SenderId == id),
        await db.SharedWork.CountAsync(w => w.ById == id),
        await db.WorkComments.CountAsync(c => c.ById == id),
        await db.Resources.CountAsync(r => r.ById == id),
        await db.Pairs.CountAsync(p => p.CohortId == cohortId),
        await db.Applications.CountAsync(a => a.UserId == id && db.Pairs.Any(p => p.MenteeApplicationId == a.Id || p.MentorApplicationId == a.Id)),
        await db.Applications.CountAsync(a => a.CohortId == cohortId && a.Status == Features.Applications.ApplicationStatus.Accepted)));

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AMemberDeletesTheirAccountAndTheirPartnerKeepsWhatTheyShared(Db provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new TandemFactory(provider, new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var (menteeId, pairId, cohortId) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == Mentee).Select(u => u.Id).SingleAsync(ct);
            var pair = await db.Pairs.Where(p => p.MenteeId == id && p.Status == PairStatus.Active).Select(p => new { p.Id, p.CohortId }).FirstAsync(ct);
            return (id, pair.Id, pair.CohortId);
        });
        var mentee = await factory.ApiClientAsync(Mentee, DemoData.Password);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{pairId}/messages", new { body = SharedMarker }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await AddPrivateNoteAsync(factory, menteeId, pairId);
        var before = await FactsAsync(factory, menteeId, cohortId);
        before.Messages.ShouldBeGreaterThan(0);

        // Without "confirm": the consequences, and nothing changes.
        var preview = await mentee.PostAsJsonAsync("/api/v1/me/delete", new { password = DemoData.Password }, ct);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewBody = JsonDocument.Parse(await preview.Content.ReadAsStringAsync(ct)).RootElement;
        previewBody.GetProperty("done").GetBoolean().ShouldBeFalse();
        previewBody.GetProperty("consequences").GetArrayLength().ShouldBeGreaterThan(3);
        // A wrong password: refused, and nothing changes.
        var wrong = await mentee.PostAsJsonAsync("/api/v1/me/delete", new { password = "not-my-password", confirm = true }, ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Id == menteeId && u.Email == Mentee && u.DeletedAt == null, ct))).ShouldBe(1);

        var done = await mentee.PostAsJsonAsync("/api/v1/me/delete", new { password = DemoData.Password, confirm = true }, ct);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await done.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("done").GetBoolean().ShouldBeTrue();

        // The person is gone: no address, no sign-in, and the token they held no longer works.
        (await mentee.GetAsync("/api/v1/me/data", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email = Mentee, password = DemoData.Password }, ct)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == menteeId, ct);
            user.Email.ShouldBeNull();
            user.PasswordHash.ShouldBeNull();
            user.DeletedAt.ShouldNotBeNull();
            var normalized = Mentee.ToUpperInvariant();
            (await db.Users.CountAsync(u => u.NormalizedEmail == normalized, ct)).ShouldBe(0);
            // Private: gone.
            (await db.MeetingNotes.CountAsync(n => n.AuthorId == menteeId, ct)).ShouldBe(0);
            (await db.Notifications.CountAsync(n => n.UserId == menteeId, ct)).ShouldBe(0);
            (await db.NoticePreferences.CountAsync(n => n.UserId == menteeId, ct)).ShouldBe(0);
            (await db.CalendarFeeds.CountAsync(n => n.UserId == menteeId, ct)).ShouldBe(0);
            (await db.LibraryBookmarks.CountAsync(n => n.UserId == menteeId, ct)).ShouldBe(0);
            (await db.UserTokens.CountAsync(n => n.UserId == menteeId, ct)).ShouldBe(0);
            (await db.Applications.CountAsync(a => a.UserId == menteeId && !db.Pairs.Any(p => p.MenteeApplicationId == a.Id || p.MentorApplicationId == a.Id), ct)).ShouldBe(0);
            var profile = await db.Profiles.AsNoTracking().Where(p => p.UserId == menteeId).Select(p => new { p.Bio, p.Employer, p.City }).SingleAsync(ct);
            (profile.Bio, profile.Employer, profile.City).ShouldBe((null, null, null));
            (await db.Pairs.Where(p => p.Id == pairId).Select(p => p.Status).SingleAsync(ct)).ShouldBe(PairStatus.ClosedEarly);
        });
        // Shared, and counted: all still there.
        (await FactsAsync(factory, menteeId, cohortId)).ShouldBe(before);

        // The mentor still reads the thread, written by "former member", in their language; and is told the pair closed.
        var mentor = await factory.ApiClientAsync(Mentor, DemoData.Password);
        foreach (var (culture, name) in new[] { ("en", "Former member"), ("zh-Hans", "前成员") })
        {
            var thread = JsonDocument.Parse(await mentor.GetStringAsync($"/api/v1/pairs/{pairId}/messages?culture={culture}", ct)).RootElement.GetProperty("items");
            var mine = thread.EnumerateArray().Single(m => m.GetProperty("body").GetString() == SharedMarker);
            mine.GetProperty("senderName").GetString().ShouldBe(name);
        }
        (await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "pair-closed" && db.Users.Any(u => u.Id == n.UserId && u.Email == Mentor), ct)))
            .ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task NoCoordinatorExportCarriesPrivateContentBeforeOrAfterADeletion(Db provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new TandemFactory(provider, new() { ["Demo:Seed"] = "true", ["Reminders:Enabled"] = "false" });
        var (menteeId, pairId, name, cohorts) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == Mentee).Select(u => u.Id).SingleAsync(ct);
            var pair = await db.Pairs.Where(p => p.MenteeId == id && p.Status == PairStatus.Active).Select(p => p.Id).FirstAsync(ct);
            var displayName = await db.Profiles.Where(p => p.UserId == id).Select(p => p.DisplayName).SingleAsync(ct);
            return (id, pair, displayName, await db.Cohorts.Select(c => c.Id).ToListAsync(ct));
        });
        var mentee = await factory.ApiClientAsync(Mentee, DemoData.Password);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{pairId}/messages", new { body = SharedMarker }, ct)).EnsureSuccessStatusCode();
        await AddPrivateNoteAsync(factory, menteeId, pairId);
        var coordinator = await factory.PageClientAsync(Coordinator, DemoData.Password);

        var exports = await ExportsAsync(coordinator, cohorts);
        exports.ShouldContain(name, customMessage: "the exports name the mentee while the account exists");
        exports.ShouldNotContain(SharedMarker);
        exports.ShouldNotContain(NoteMarker);

        (await mentee.PostAsJsonAsync("/api/v1/me/delete", new { password = DemoData.Password, confirm = true }, ct)).EnsureSuccessStatusCode();
        exports = await ExportsAsync(coordinator, cohorts);
        exports.ShouldNotContain(SharedMarker);
        exports.ShouldNotContain(NoteMarker);
        exports.ShouldNotContain(Mentee);
        exports.ShouldNotContain(name);
        exports.ShouldContain("Former member");
    }

    [Fact]
    public async Task TheDeletePageShowsWhatHappensAndNeedsThePassword()
    {
        using var factory = new TandemFactory();
        var id = await factory.CreateUserAsync("leaving@example.com");
        var browser = await factory.PageClientAsync("leaving@example.com");
        var page = await Pages.GetDocumentAsync(browser, "/Account/Delete");
        page.QuerySelectorAll("#consequences li").Length.ShouldBeGreaterThan(3);

        var refused = await Pages.PostFormAsync(browser, "/Account/Delete", new() { ["Password"] = "wrong-password" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please enter your current password to delete your account.");
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Id == id && u.DeletedAt == null))).ShouldBe(1);

        var deleted = await Pages.PostFormAsync(browser, "/Account/Delete", new() { ["Password"] = TandemFactory.Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Id == id && u.DeletedAt != null && u.Email == null))).ShouldBe(1);
        (await browser.GetAsync("/Account/Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out");
    }

    [Fact]
    public async Task TheOnlyCoordinatorCannotDeleteTheirAccount()
    {
        using var factory = new TandemFactory();
        var id = await factory.CreateUserAsync("only.coordinator@example.com", coordinator: true);
        var api = await factory.ApiClientAsync("only.coordinator@example.com");
        var preview = JsonDocument.Parse(await (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = TandemFactory.Password })).Content.ReadAsStringAsync()).RootElement;
        preview.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ShouldContain("lastCoordinator");
        (await api.PostAsJsonAsync("/api/v1/me/delete", new { password = TandemFactory.Password, confirm = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Id == id && u.DeletedAt == null))).ShouldBe(1);
    }

    private static Task AddPrivateNoteAsync(TandemFactory factory, string menteeId, int pairId) => factory.WithDbAsync(async db =>
    {
        var meeting = await db.Meetings.Where(m => m.PairId == pairId).Select(m => m.Id).FirstAsync();
        db.MeetingNotes.Add(new MeetingNote { MeetingId = meeting, AuthorId = menteeId, Text = NoteMarker, UpdatedAt = DateTime.UnixEpoch });
        await db.SaveChangesAsync();
    });

    /// <summary>Every CSV a coordinator can download, for every cohort, as one text.</summary>
    private static async Task<string> ExportsAsync(HttpClient coordinator, IReadOnlyList<int> cohorts)
    {
        var urls = new List<string> { "/api/v1/applications.csv", "/Reports/Cohorts?handler=Csv" };
        foreach (var id in cohorts) urls.AddRange([$"/api/v1/applications.csv?cohortId={id}", $"/api/v1/cohorts/{id}/pairs.csv", $"/Reports/Cohorts/{id}?handler=Csv"]);
        var text = new StringBuilder();
        var read = 0;
        foreach (var url in urls)
        {
            using var response = await coordinator.GetAsync(url);
            // A cohort without a report (a draft) answers 404; every other answer is a CSV that must be read.
            if (response.StatusCode == HttpStatusCode.NotFound) continue;
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            text.Append(await response.Content.ReadAsStringAsync());
            read++;
        }
        read.ShouldBeGreaterThan(cohorts.Count);
        return text.ToString();
    }
}
