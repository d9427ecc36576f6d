using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

/// <summary>Either member moves an accepted meeting: one thread with its history, the partner told in their language and zone,
/// and calendars updated by a higher SEQUENCE.</summary>
public sealed class RescheduleTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MovingAnAcceptedMeetingKeepsTheThreadTellsThePartnerAndUpdatesTheCalendar(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        await w.Factory.WithDbAsync(d => d.Users.Where(u => u.Id == w.MenteeId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "zh-Hans")));
        await w.Factory.WithDbAsync(d => d.Profiles.Where(p => p.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Europe/London")));
        var menteeApi = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentorApi = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        var id = (await (await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)))).JsonAsync()).GetProperty("id").GetInt32();
        (await mentorApi.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await w.Factory.MailAsync();
        var before = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync());

        // The mentor (London, UTC+1 in May) moves it to 13 May 10:00 her time = 09:00 UTC = 17:00 in Shanghai.
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        (await Pages.GetDocumentAsync(mentor, $"/Meetings/{id}")).QuerySelector("#reschedule-form").ShouldNotBeNull();
        var moved = await Pages.PostFormAsync(mentor, $"/Meetings/{id}", new() { ["Input.StartsAt"] = "2027-05-13T10:00" }, handler: "Reschedule");
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        moved.Headers.Location!.ToString().ShouldBe($"/Meetings/{id}");

        var meeting = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync());
        (meeting.Status, meeting.StartsAt, meeting.Sequence, meeting.ProposedById).ShouldBe((MeetingStatus.Accepted, new DateTime(2027, 5, 13, 9, 0, 0), before.Sequence + 1, w.MenteeId));

        // The mentee sees one thread: the old time in its history, the new one current, and the meeting still accepted.
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var page = await Pages.GetDocumentAsync(mentee, $"/Meetings/{id}?culture=en");
        var history = page.QuerySelectorAll("#history li").Select(SchedulingAssistantTests.Text).ToList();
        history.Count.ShouldBe(2);
        history[0].ShouldContain("Zhao Min proposed");
        history[0].ShouldContain("5/12/2027 5:00 PM");
        history[1].ShouldContain("Wang Li proposed");
        history[1].ShouldContain("5/13/2027 5:00 PM");
        history[1].ShouldContain("current");
        SchedulingAssistantTests.Text(page.QuerySelector("#status")!).ShouldContain("Accepted");
        page.QuerySelector("#pair-home")!.GetAttribute("href").ShouldBe($"/Pairs/{w.PairId}");

        // Told in her language and zone, with an absolute link, and no agenda in the email.
        var notice = (await NoticesAsync(w)).Where(n => n.UserId == w.MenteeId).OrderBy(n => n.Id).Last();
        notice.Kind.ShouldBe("meeting-rescheduled");
        var mails = await w.Factory.MailAsync();
        mails.Count.ShouldBe(3);  // the proposal, the acceptance, the move
        var mail = mails[^1];
        mail.To.ShouldBe(PairWorld.Mentee);
        mail.Subject.ShouldBe("Wang Li在 Tandem 中更改了见面时间");
        mail.Body.ShouldContain("2027年5月13日");
        mail.Body.ShouldContain("17:00");
        mail.Body.ShouldContain("Asia/Shanghai");
        mail.Body.ShouldContain($"{TandemFactory.PublicUrl}/Meetings/{id}");
        mail.Body.ShouldNotContain("Q3 planning");

        // Her calendar feed (a real RFC 5545 parser) has the new time under the same UID with a higher SEQUENCE.
        var link = new Uri((await Pages.GetDocumentAsync(mentee, "/Meetings/Calendar")).QuerySelector("#feed-url")!.GetAttribute("value")!);
        var feed = await IcsTests.ParseAsync(await w.Factory.Anonymous().GetStringAsync(link.PathAndQuery));
        var e = feed.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("uid").GetString().ShouldBe($"meeting-{id}@tandem");
        e.GetProperty("dtstart_utc").GetString().ShouldBe("2027-05-13T09:00:00+00:00");
        e.GetProperty("sequence").GetInt32().ShouldBe(before.Sequence + 1);
        e.GetProperty("status").GetString().ShouldBe("CONFIRMED");

        // The mentee moves it again through the API: the answer shows the whole thread.
        var again = await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/reschedule", new { startsAt = PairWorld.Now.AddDays(4) });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await again.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Accepted");
        body.GetProperty("sequence").GetInt32().ShouldBe(before.Sequence + 2);
        body.GetProperty("history").GetArrayLength().ShouldBe(3);
        (await NoticesAsync(w)).Where(n => n.UserId == w.MentorId).OrderBy(n => n.Id).Last().Kind.ShouldBe("meeting-rescheduled");
        var invite = await IcsTests.ParseAsync(await mentor.GetStringAsync($"/Meetings/{id}/invite.ics"));
        invite.GetProperty("events")[0].GetProperty("sequence").GetInt32().ShouldBe(before.Sequence + 2);
        invite.GetProperty("events")[0].GetProperty("dtstart_utc").GetString().ShouldBe("2027-05-14T09:00:00+00:00");
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MovingIsRefusedForAProposalAPastTimeOrAnOutsiderAndChangesNothing(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var menteeApi = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var id = (await (await menteeApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/meetings", PairWorld.Proposal(PairWorld.Now.AddDays(2)))).JsonAsync()).GetProperty("id").GetInt32();
        var url = $"/api/v1/pairs/{w.PairId}/meetings/{id}/reschedule";

        var proposed = await menteeApi.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(3) });
        proposed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        proposed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var mentorApi = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentorApi.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await menteeApi.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(-1) })).ErrorFieldsAsync()).ShouldBe(["StartsAt"]);
        (await (await menteeApi.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(2) })).ErrorFieldsAsync()).ShouldBe(["StartsAt"]);
        (await (await menteeApi.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(3), durationMinutes = 5 })).ErrorFieldsAsync()).ShouldBe(["DurationMinutes"]);
        var outsider = await w.Factory.ApiClientAsync(PairWorld.OtherMentee);
        (await outsider.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(3) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var refused = await Pages.PostFormAsync(page, $"/Meetings/{id}", new() { ["Input.StartsAt"] = "" }, handler: "Reschedule");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please choose a date and time.");

        var meeting = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync());
        (meeting.Status, meeting.StartsAt, meeting.Sequence).ShouldBe((MeetingStatus.Accepted, PairWorld.Now.UtcDateTime.AddDays(2), 0));
        (await w.Factory.WithDbAsync(d => d.Set<MeetingProposal>().CountAsync())).ShouldBe(1);
        (await NoticesAsync(w)).ShouldNotContain(n => n.Kind == "meeting-rescheduled");

        await w.CloseAsync(w.PairId);
        (await menteeApi.PostAsJsonAsync(url, new { startsAt = PairWorld.Now.AddDays(3) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static Task<List<Tandem.Web.Features.Notifications.Notification>> NoticesAsync(PairWorld w) =>
        w.Factory.WithDbAsync(d => d.Notifications.AsNoTracking().ToListAsync());
}
