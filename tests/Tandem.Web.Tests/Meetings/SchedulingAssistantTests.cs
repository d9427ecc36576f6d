using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

/// <summary>
/// The assistant reads each person's weekly availability in their own zone. Here the mentee (Shanghai, UTC+8) is free
/// on Tuesday evenings (17–21 = 09–13 UTC) and the mentor (London, UTC+1 in May) on Tuesday mornings (8–12 = 07–11 UTC):
/// only 09:00–11:00 UTC on Tuesdays suits both. "Now" is Monday 10 May 2027, 09:00 UTC.
/// </summary>
public sealed class SchedulingAssistantTests
{
    private const int TuesdayMorning = 1 << (1 * 3 + 0), TuesdayEvening = 1 << (1 * 3 + 2);

    private static async Task<PairWorld> WorldAsync(Db provider)
    {
        var w = await PairWorld.CreateAsync(provider);
        await w.Factory.WithDbAsync(async d =>
        {
            await d.Profiles.Where(p => p.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Europe/London"));
            await d.Applications.Where(a => a.UserId == w.MenteeId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Availability, TuesdayEvening));
            await d.Applications.Where(a => a.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Availability, TuesdayMorning));
            // The cohort's webinar on 18 May 08:30–09:45 UTC and the pair's accepted meeting on 25 May 09:00–10:00 UTC.
            d.Webinars.Add(new Webinar { CohortId = w.CohortId, Title = "Negotiation", StartsAt = new DateTime(2027, 5, 18, 8, 30, 0, DateTimeKind.Utc), EndsAt = new DateTime(2027, 5, 18, 9, 45, 0, DateTimeKind.Utc) });
            d.Meetings.Add(new Meeting { PairId = w.PairId, ProposedById = w.MenteeId, StartsAt = new DateTime(2027, 5, 25, 9, 0, 0, DateTimeKind.Utc), DurationMinutes = 60, Status = MeetingStatus.Accepted });
            await d.SaveChangesAsync();
        });
        return w;
    }

    /// <summary>Text with the narrow no-break space .NET puts before AM/PM read as a plain space.</summary>
    internal static string Text(AngleSharp.Dom.IElement e) => e.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ThreeTimesFitBothAvailabilitiesInBothZonesAndAvoidWebinarsAndMeetings(Db provider)
    {
        using var w = await WorldAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var answer = await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/meetings/suggestions");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var times = (await answer.JsonAsync()).EnumerateArray().ToList();
        // 11 May from 10:00 (a day ahead of now); 18 May after the webinar; 25 May after their own meeting.
        times.Select(t => t.GetProperty("startsAt").GetDateTime()).ShouldBe([new DateTime(2027, 5, 11, 10, 0, 0), new DateTime(2027, 5, 18, 10, 0, 0), new DateTime(2027, 5, 25, 10, 0, 0)]);
        times[0].GetProperty("menteeLocal").GetDateTime().ShouldBe(new DateTime(2027, 5, 11, 18, 0, 0));
        times[0].GetProperty("mentorLocal").GetDateTime().ShouldBe(new DateTime(2027, 5, 11, 11, 0, 0));
        (times[0].GetProperty("menteeZone").GetString(), times[0].GetProperty("mentorZone").GetString()).ShouldBe(("Asia/Shanghai", "Europe/London"));

        (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/meetings/suggestions?duration=5")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mentee.GetAsync($"/api/v1/pairs/{w.OtherPairId}/meetings/suggestions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync($"/api/v1/pairs/{w.PairId}/meetings/suggestions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.Factory.Anonymous().GetAsync($"/api/v1/pairs/{w.PairId}/meetings/suggestions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task OneClickOnASuggestedTimeProposesItAndTheMenteesQuestionsAreStillAsked(Db provider)
    {
        using var w = await WorldAsync(provider);
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var page = await Pages.GetDocumentAsync(mentee, $"/Meetings/Pair/{w.PairId}");
        var buttons = page.QuerySelectorAll("#assistant button.suggestion");
        buttons.Length.ShouldBe(3);
        buttons[0].GetAttribute("value").ShouldBe("2027-05-11T10:00:00Z");
        Text(buttons[0]).ShouldContain("5/11/2027 6:00 PM");
        Text(buttons[0]).ShouldContain("11:00 AM for Wang Li (Europe/London)");

        var refused = await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new() { ["startsAtUtc"] = "2027-05-11T10:00:00Z", ["Input.Agenda"] = "" }, handler: "Suggested");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain(e => e.Contains("intentional questions"));
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync(m => m.Status == MeetingStatus.Proposed))).ShouldBe(0);

        var proposed = await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new() { ["startsAtUtc"] = "2027-05-11T10:00:00Z", ["Input.Agenda"] = "My first 90 days" }, handler: "Suggested");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meeting = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync(m => m.Status == MeetingStatus.Proposed));
        (meeting.StartsAt, meeting.DurationMinutes, meeting.Format, meeting.Agenda).ShouldBe((new DateTime(2027, 5, 11, 10, 0, 0), 60, MeetingFormat.Video, "My first 90 days"));
        (await w.Factory.MailAsync()).Single().To.ShouldBe(PairWorld.Mentor);

        // That Tuesday is now taken: the assistant offers the next three Tuesdays.
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var mentorPage = await Pages.GetDocumentAsync(mentor, $"/Meetings/Pair/{w.PairId}");
        mentorPage.QuerySelectorAll("#assistant button.suggestion").Select(b => b.GetAttribute("value"))
            .ShouldBe(["2027-05-18T10:00:00Z", "2027-05-25T10:00:00Z", "2027-06-01T09:00:00Z"]);
        mentorPage.QuerySelector("#Suggested_Agenda").ShouldBeNull();
    }
}
