using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Meetings;

/// <summary>A counter-proposal keeps one meeting thread; every time is shown in the viewer's zone with the other's beside it.</summary>
public sealed class MeetingThreadTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ACounterProposalMovesTheOneMeetingAndBothSeeTheCurrentTimeWithItsHistory(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        await w.Factory.WithDbAsync(d => d.Profiles.Where(p => p.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Europe/London")));
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        (await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new()
        {
            ["Input.StartsAt"] = "2027-05-12T19:30", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video", ["Input.Agenda"] = "The team lead role",
        }, handler: "Propose")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await w.Factory.WithDbAsync(d => d.Meetings.Select(m => m.Id).SingleAsync());

        // The mentor (London, UTC+1 in May) answers with 9:00 her time = 16:00 in Shanghai.
        var countered = await Pages.PostFormAsync(mentor, $"/Meetings/{id}", new() { ["Input.StartsAt"] = "2027-05-13T09:00" }, handler: "Counter");
        countered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        countered.Headers.Location!.ToString().ShouldBe($"/Meetings/{id}");

        var meetings = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().ToListAsync());
        meetings.Count.ShouldBe(1);
        (meetings[0].Status, meetings[0].ProposedById, meetings[0].StartsAt).ShouldBe((MeetingStatus.Proposed, w.MentorId, new DateTime(2027, 5, 13, 8, 0, 0)));

        var seenByMentee = await Pages.GetDocumentAsync(mentee, $"/Meetings/{id}");
        var current = SchedulingAssistantTests.Text(seenByMentee.QuerySelector("#current-proposal")!);
        current.ShouldContain("5/13/2027 4:00 PM");
        current.ShouldContain("(Asia/Shanghai)");
        current.ShouldContain("9:00 AM for Wang Li (Europe/London)");
        seenByMentee.QuerySelector("#accept").ShouldNotBeNull();
        var history = seenByMentee.QuerySelectorAll("#history li").Select(SchedulingAssistantTests.Text).ToList();
        history.Count.ShouldBe(2);
        history[0].ShouldContain("Zhao Min proposed");
        history[0].ShouldContain("5/12/2027 7:30 PM");
        history[1].ShouldContain("Wang Li proposed");
        history[1].ShouldContain("current");
        seenByMentee.Body!.TextContent.ShouldNotContain("Declined");

        var seenByMentor = await Pages.GetDocumentAsync(mentor, $"/Meetings/{id}");
        SchedulingAssistantTests.Text(seenByMentor.QuerySelector("#current-proposal")!).ShouldContain("5/13/2027 9:00 AM");
        SchedulingAssistantTests.Text(seenByMentor.QuerySelector("#current-proposal")!).ShouldContain("4:00 PM for Zhao Min (Asia/Shanghai)");
        SchedulingAssistantTests.Text(seenByMentor.QuerySelector("#current-proposal")!).ShouldContain("Waiting for Zhao Min");
        seenByMentor.QuerySelector("#accept").ShouldBeNull();

        var list = await Pages.GetDocumentAsync(mentee, $"/Meetings/Pair/{w.PairId}");
        list.QuerySelectorAll("#meetings tbody tr").Length.ShouldBe(1);
        SchedulingAssistantTests.Text(list.QuerySelector("#meetings .other-time")!).ShouldContain("for Wang Li");

        (await Pages.PostFormAsync(mentee, $"/Meetings/{id}", new(), handler: "Accept")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync())).Status.ShouldBe(MeetingStatus.Accepted);
        var mails = await w.Factory.MailAsync();
        mails.Select(m => m.To).ShouldBe([PairWorld.Mentor, PairWorld.Mentee, PairWorld.Mentor]);
    }

    [Fact]
    public async Task ACounterProposalInThePastIsRefusedAndTheThreadIsUnchanged()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        (await Pages.PostFormAsync(mentee, $"/Meetings/Pair/{w.PairId}", new()
        {
            ["Input.StartsAt"] = "2027-05-12T19:30", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video", ["Input.Agenda"] = "Questions",
        }, handler: "Propose")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await w.Factory.WithDbAsync(d => d.Meetings.Select(m => m.Id).SingleAsync());
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var refused = await Pages.PostFormAsync(mentor, $"/Meetings/{id}", new() { ["Input.StartsAt"] = "2027-05-01T09:00" }, handler: "Counter");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("Please propose a time in the future.");
        (await w.Factory.WithDbAsync(d => d.Set<MeetingProposal>().CountAsync())).ShouldBe(1);
        (await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().SingleAsync())).ProposedById.ShouldBe(w.MenteeId);
    }
}
