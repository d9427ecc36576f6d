using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

public sealed class MeetingTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheMenteeProposesTheMentorCountersTheMenteeAcceptsAndBothLogItAsHeld(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);

        var proposed = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = (await proposed.JsonAsync()).GetProperty("id").GetInt32();

        var counter = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{first}/counter", new { startsAt = PairWorld.Now.AddDays(3) });
        counter.StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await counter.JsonAsync();
        // One thread: the same meeting moves to the new time, its history keeps both proposals, nothing is "Declined".
        second.GetProperty("id").GetInt32().ShouldBe(first);
        second.GetProperty("status").GetString().ShouldBe("Proposed");
        second.GetProperty("startsAt").GetDateTime().ShouldBe(PairWorld.Now.AddDays(3).UtcDateTime);
        var history = second.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("startsAt").GetDateTime()).ShouldBe([PairWorld.Now.AddDays(2).UtcDateTime, PairWorld.Now.AddDays(3).UtcDateTime]);
        history.Select(h => h.GetProperty("proposedById").GetString()).ShouldBe([w.MenteeId, w.MentorId]);
        var asMentee = await (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/meetings/{first}")).JsonAsync();
        asMentee.GetProperty("startsAt").GetDateTime().ShouldBe(PairWorld.Now.AddDays(3).UtcDateTime);
        second.GetProperty("agenda").GetString()!.ShouldContain("Q3 planning review");
        var secondId = second.GetProperty("id").GetInt32();

        (await mentor.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{secondId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var accepted = await mentee.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{secondId}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);

        w.Clock.Advance(TimeSpan.FromDays(3.1));
        mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor); // bearer tokens live an hour on the moved clock
        var held = await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{secondId}/held", new { summary = "Went through the Q3 numbers.", actionItems = "Draft the review deck." });
        held.StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        stored.Select(m => m.Status).ShouldBe([MeetingStatus.Held]);
        stored[0].StartsAt.ShouldBe(PairWorld.Now.AddDays(3).UtcDateTime);

        var mails = await w.Factory.MailAsync();
        mails.Select(m => m.To).ShouldBe([PairWorld.Mentor, PairWorld.Mentee, PairWorld.Mentor]);
        mails.ShouldAllBe(m => !m.Body.Contains("Q3 planning review") && m.Body.Contains(TandemFactory.PublicUrl + "/Meetings/"));
    }

    [Fact]
    public async Task TheMenteesProposalWithoutQuestionsIsRefusedAndNothingIsSaved()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var response = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2), agenda: " "));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).ShouldBe(["Agenda"]);
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync())).ShouldBe(0);
        (await w.Factory.MailAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task EachPersonsPrivateNoteIsInvisibleToTheOtherInTheApi()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        var logged = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/held",
            new { startsAt = PairWorld.Now.AddDays(-1), durationMinutes = 45, format = "InPerson", location = "Café", summary = "Talked about promotion." });
        logged.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await logged.JsonAsync()).GetProperty("id").GetInt32();
        (await mentee.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/note", new { text = "MENTEE-SECRET: I felt nervous." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mentor.PutAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/note", new { text = "MENTOR-SECRET: push her on numbers." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var asMentor = await mentor.GetStringAsync($"/api/v1/pairs/{w.PairId}/meetings");
        asMentor.ShouldContain("MENTOR-SECRET");
        asMentor.ShouldNotContain("MENTEE-SECRET");
        var asMentee = await mentee.GetStringAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}");
        asMentee.ShouldContain("MENTEE-SECRET");
        asMentee.ShouldNotContain("MENTOR-SECRET");
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        (await coordinator.GetAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/pairs/{w.PairId}/meetings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
