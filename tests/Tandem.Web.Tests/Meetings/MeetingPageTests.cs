using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

public sealed class MeetingPageTests
{
    [Fact]
    public async Task TheMenteeProposesInHerTimeZoneAndTheMeetingIsStoredInUtc()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var response = await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new()
        {
            ["Input.StartsAt"] = "2027-05-12T19:30", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
            ["Input.Location"] = "https://meet.example.com/x", ["Input.Agenda"] = "How do I ask for the team lead role?",
        }, handler: "Propose");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meeting = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync());
        meeting.StartsAt.ShouldBe(new DateTime(2027, 5, 12, 11, 30, 0)); // Asia/Shanghai is UTC+8
        (meeting.ProposedById, meeting.Status, meeting.DurationMinutes, meeting.Format).ShouldBe((w.MenteeId, MeetingStatus.Proposed, 45, MeetingFormat.Video));

        var mail = (await w.Factory.MailAsync()).Single();
        mail.To.ShouldBe(PairWorld.Mentor);
        mail.Subject.ShouldContain("Zhao Min proposed a meeting in Tandem");
        mail.Body.ShouldContain("Wednesday, May 12, 2027 7:30 PM (Asia/Shanghai, UTC+08:00)");  // the mentor has no zone: the program's
        mail.Body.ShouldContain(TandemFactory.PublicUrl + $"/Meetings/{meeting.Id}");
        mail.Body.ShouldNotContain("team lead role");
    }

    [Fact]
    public async Task AProposalWithoutQuestionsShowsAGentlePromptAndSavesNothing()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var response = await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new()
        {
            ["Input.StartsAt"] = "2027-05-12T19:30", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video", ["Input.Agenda"] = "",
        }, handler: "Propose");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).ShouldContain(e => e.Contains("intentional questions"));
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task OnTheMeetingPageEachPersonSeesOnlyTheirOwnPrivateNoteAndTheCoordinatorSeesNothing()
    {
        using var w = await PairWorld.CreateAsync();
        var id = await w.Factory.WithDbAsync(async d =>
        {
            var m = new Meeting { PairId = w.PairId, ProposedById = w.MenteeId, StartsAt = PairWorld.Now.UtcDateTime.AddDays(-1), DurationMinutes = 60, Status = MeetingStatus.Held, Summary = "Shared summary" };
            d.Meetings.Add(m);
            await d.SaveChangesAsync();
            return m.Id;
        });
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        (await Pages.PostFormAsync(mentee, $"/Meetings/{id}", new() { ["Input.Note"] = "MENTEE-ONLY thoughts" }, handler: "Note")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.PostFormAsync(mentor, $"/Meetings/{id}", new() { ["Input.Note"] = "MENTOR-ONLY thoughts" }, handler: "Note")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var menteeHtml = await mentee.GetStringAsync($"/Meetings/{id}");
        menteeHtml.ShouldContain("MENTEE-ONLY");
        menteeHtml.ShouldNotContain("MENTOR-ONLY");
        var mentorHtml = await mentor.GetStringAsync($"/Meetings/{id}");
        mentorHtml.ShouldContain("MENTOR-ONLY");
        mentorHtml.ShouldNotContain("MENTEE-ONLY");
        (await mentor.GetStringAsync($"/Meetings/Pair/{w.PairId}")).ShouldNotContain("MENTEE-ONLY");

        var coordinator = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var asCoordinator = await coordinator.GetAsync($"/Meetings/{id}");
        asCoordinator.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asCoordinator.Content.ReadAsStringAsync()).ShouldNotContain("ONLY thoughts");
        var coordinatorApi = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        (await coordinatorApi.GetAsync($"/api/v1/pairs/{w.PairId}/meetings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.Factory.WithDbAsync(d => d.MeetingNotes.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task ContactsCountAsContactNotAsMeetings()
    {
        using var w = await PairWorld.CreateAsync();
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/contacts", new { channel = "Phone", note = "Quick call about the offer" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bad = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/contacts", new { channel = "Pigeon" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var future = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/contacts", new { channel = "Email", at = PairWorld.Now.AddDays(1) });
        (await future.ErrorFieldsAsync()).ShouldBe(["At"]);

        var home = await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}")).JsonAsync();
        (home.GetProperty("contacts").GetInt32(), home.GetProperty("meetingsHeld").GetInt32(), home.GetProperty("minimumMeetings").GetInt32()).ShouldBe((1, 0, 3));
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync())).ShouldBe(0);
        var list = await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/contacts")).JsonAsync();
        list.GetProperty("items")[0].GetProperty("note").GetString().ShouldBe("Quick call about the offer");
    }

    [Fact]
    public async Task AMeetingCannotBeLoggedAsHeldBeforeItStartsNorAcceptedByItsProposer()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var id = (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)))).JsonAsync()).GetProperty("id").GetInt32();
        (await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/held", new { summary = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/held", new { startsAt = PairWorld.Now.AddHours(1), durationMinutes = 30, format = "Phone" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync())).Status.ShouldBe(MeetingStatus.Proposed);
    }
}
