using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

/// <summary>The pair home as a timeline of the six months, "My pairs", and closing a pair early honestly.</summary>
public sealed class PairJourneyTests
{
    private static async Task<(string Current, string Action)> CurrentStepAsync(HttpClient page, int pairId)
    {
        var home = await Pages.GetDocumentAsync(page, $"/Pairs/{pairId}");
        var current = home.QuerySelectorAll("#journey li[aria-current=step]").Single();
        return (current.GetAttribute("data-step")!, home.QuerySelector("#next-action a")!.GetAttribute("href")!);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheHomeLeadsEachPersonThroughTheSixMonthsOneCurrentStepAtATime(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        w.Day(3);
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        (await CurrentStepAsync(mentee, w.PairId)).ShouldBe(("Agreement", $"/Agreements/{w.PairId}"));
        var home = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}");
        home.QuerySelectorAll("#journey li").Select(l => l.GetAttribute("data-step")).ShouldBe(["Agreement", "Meetings", "CheckIn-2", "CheckIn-4", "Feedback", "Closure", "Certificate"]);
        home.QuerySelector("#journey li[data-step='CheckIn-2']")!.GetAttribute("data-state").ShouldBe("Upcoming");
        home.QuerySelector("#pace")!.TextContent.ShouldContain("on pace");
        // Every pair page is a click away from the home.
        foreach (var href in new[] { $"/CheckIns/{w.PairId}", $"/Feedback/{w.PairId}", $"/Closure/{w.PairId}", $"/Sharing/{w.PairId}", $"/Messages/{w.PairId}" })
            home.QuerySelector($"a[href='{href}']").ShouldNotBeNull(href);

        // The mentee confirms the agreement: her next step is the meetings; the mentor's is still the agreement.
        await w.Factory.WithDbAsync(async d =>
        {
            d.Agreements.Add(new Agreement { PairId = w.PairId, MenteeConfirmedAt = PairWorld.At(2) });
            await d.SaveChangesAsync();
        });
        (await CurrentStepAsync(mentee, w.PairId)).ShouldBe(("Meetings", $"/Meetings/Pair/{w.PairId}"));
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);
        (await CurrentStepAsync(mentor, w.PairId)).Current.ShouldBe("Agreement");
        (await Pages.GetDocumentAsync(mentor, $"/Pairs/{w.PairId}")).QuerySelector("#next-action")!.TextContent.ShouldContain("Mei Mentee confirmed the agreement");

        // Month two: the check-in is due and comes first; no meeting in seven weeks brings a kind nudge to both.
        w.Day(60);
        mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        (await CurrentStepAsync(mentee, w.PairId)).ShouldBe(("CheckIn-2", $"/CheckIns/{w.PairId}"));
        var nudged = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}");
        nudged.QuerySelector("#pace")!.TextContent.ShouldContain("A short call this week");
        (await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentor), $"/Pairs/{w.PairId}")).QuerySelector("#pace")!.TextContent.ShouldContain("A short call this week");
        var zh = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}?culture=zh-Hans");
        zh.QuerySelector("#next-action")!.TextContent.ShouldContain("你的下一步");

        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await api.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", new { month = 2, progress = 4, relationship = 4 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var journey = await (await api.GetAsync($"/api/v1/pairs/{w.PairId}/journey")).JsonAsync();
        journey.GetProperty("pace").GetString().ShouldBe("AtRisk");
        var steps = journey.GetProperty("steps").EnumerateArray().ToList();
        steps.Single(s => s.GetProperty("kind").GetString() == "CheckIn" && s.GetProperty("month").GetInt32() == 2).GetProperty("state").GetString().ShouldBe("Done");
        steps.Single(s => s.GetProperty("current").GetBoolean()).GetProperty("kind").GetString().ShouldBe("Meetings");

        // Closed: the closing steps open, the missed check-in says so, the certificate is ready.
        await w.SetPairAsync(w.PairId, PairStatus.ClosedEarly);
        (await CurrentStepAsync(mentee, w.PairId)).ShouldBe(("Feedback", $"/Feedback/{w.PairId}"));
        var closed = await Pages.GetDocumentAsync(mentee, $"/Pairs/{w.PairId}");
        closed.QuerySelector("#journey li[data-step='CheckIn-4']")!.GetAttribute("data-state").ShouldBe("Missed");
        closed.QuerySelector("#journey li[data-step='Certificate'] a")!.GetAttribute("href").ShouldBe($"/Closure/{w.PairId}/Certificate");
        closed.QuerySelector("#pace").ShouldBeNull();

        // Only the two see the journey.
        (await (await w.Factory.ApiClientAsync(PairWorld.OtherMentee)).GetAsync($"/api/v1/pairs/{w.PairId}/journey")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync($"/api/v1/pairs/{w.PairId}/journey")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task MyPairsListsCurrentAndPastPairsWithTheirStepsAndTheOldListLeadsThere(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        var old = await w.PairAsync(w.MenteeId, w.OtherMentorId, PairStatus.Completed);
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var mine = await Pages.GetDocumentAsync(page, "/Pairs/Mine");
        mine.QuerySelector("#alumni").ShouldNotBeNull();
        mine.QuerySelector($"#current tr[data-pair='{w.PairId}']")!.TextContent.ShouldContain("Mona Mentor");
        mine.QuerySelector($"#current tr[data-pair='{w.PairId}'] a[href='/Closure/{w.PairId}/Certificate']").ShouldBeNull();
        var past = mine.QuerySelector($"#past tr[data-pair='{old}']")!;
        past.TextContent.ShouldContain("Ola Othermentor");
        foreach (var href in new[] { $"/Pairs/{old}", $"/CheckIns/{old}", $"/Feedback/{old}", $"/Closure/{old}", $"/Closure/{old}/Certificate" })
            past.QuerySelector($"a[href='{href}']").ShouldNotBeNull(href);
        mine.QuerySelector("nav a[href='/Pairs/Mine']").ShouldNotBeNull();
        (await Pages.GetDocumentAsync(page, "/Pairs/Mine?culture=zh-Hans")).QuerySelector("h2")!.TextContent.ShouldBe("当前结对");

        var redirected = await page.GetAsync("/Closure");
        redirected.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        redirected.Headers.Location!.ToString().ShouldBe("/Pairs/Mine");
        (await w.Factory.Anonymous().GetAsync("/Closure")).Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ClosingEarlyNeedsConfirmationThenCancelsFutureMeetingsAndTellsThePartnerAndTheCoordinators(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        w.Day(5);
        var held = await w.MeetingAsync(w.PairId, PairWorld.At(2), MeetingStatus.Held);
        var accepted = await w.MeetingAsync(w.PairId, PairWorld.At(10, 9), MeetingStatus.Accepted);
        var proposed = await w.MeetingAsync(w.PairId, PairWorld.At(20, 9), MeetingStatus.Proposed);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}")).JsonAsync()).GetProperty("nextMeeting").GetProperty("id").GetInt32().ShouldBe(accepted);

        // Without "confirm": a 400 that lists what closing does, and nothing changes.
        var unconfirmed = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch" });
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unconfirmed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await unconfirmed.JsonAsync();
        var warnings = problem.GetProperty("errors").GetProperty("Confirm").EnumerateArray().Select(e => e.GetString()!).ToList();
        warnings.ShouldContain("2 upcoming meetings will be cancelled and removed from both calendars.");
        warnings.ShouldContain(s => s.Contains("Mona Mentor will be told", StringComparison.Ordinal));
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { confirm = true })).ErrorFieldsAsync()).ShouldBe(["Reason"]);
        var unknown = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Bored", confirm = true });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await (await w.Factory.ApiClientAsync(PairWorld.OtherMentee)).PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch", confirm = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.Factory.WithDbAsync(d => d.Pairs.SingleAsync(p => p.Id == w.PairId))).Status.ShouldBe(PairStatus.Active);
        (await w.Factory.WithDbAsync(d => d.Meetings.CountAsync(m => m.Status == MeetingStatus.Cancelled))).ShouldBe(0);
        (await w.NotificationsAsync()).ShouldBeEmpty();

        var closed = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch", confirm = true });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await closed.JsonAsync()).GetProperty("status").GetString().ShouldBe("ClosedEarly");

        // Future meetings are cancelled (a CANCEL invitation with a new sequence), gone from the feed, and there is no next meeting.
        var meetings = await w.Factory.WithDbAsync(d => d.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Id));
        meetings[held].Status.ShouldBe(MeetingStatus.Held);
        meetings[accepted].Status.ShouldBe(MeetingStatus.Cancelled);
        meetings[accepted].Sequence.ShouldBe(1);
        meetings[proposed].Status.ShouldBe(MeetingStatus.Cancelled);
        var mentorPage = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var invite = await IcsParser.ParseAsync(await mentorPage.GetStringAsync($"/Meetings/{accepted}/invite.ics"));
        invite.GetProperty("method").GetString().ShouldBe("CANCEL");
        invite.GetProperty("events")[0].GetProperty("SEQUENCE").GetString().ShouldBe("1");
        (await mentorPage.GetAsync("/Meetings/Calendar")).StatusCode.ShouldBe(HttpStatusCode.OK);  // makes the mentor's feed link
        var token = await w.Factory.WithDbAsync(d => d.CalendarFeeds.Where(f => f.UserId == w.MentorId).Select(f => f.Token).SingleAsync());
        var feed = await IcsParser.ParseAsync(await w.Factory.Anonymous().GetStringAsync($"/calendar/{token}.ics"));
        feed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("UID").GetString()).ShouldBe([$"meeting-{held}@tandem"]);
        (await (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}")).JsonAsync()).GetProperty("nextMeeting").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // The mentor is told in the app and by email (absolute link, no private words); coordinators see an alert; the closer gets nothing.
        var notes = await w.Factory.WithDbAsync(d => d.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Kind, n.Link }).ToListAsync());
        notes.Where(n => n.Kind == "pair-closed").Select(n => n.UserId).ShouldBe([w.MentorId]);
        var coordinatorId = await w.Factory.WithDbAsync(d => d.Users.Where(u => u.Email == PairWorld.Coordinator).Select(u => u.Id).SingleAsync());
        notes.Where(n => n.Kind == "pair-closed-alert").Select(n => n.UserId).ShouldBe([coordinatorId]);
        notes.ShouldNotContain(n => n.UserId == w.MenteeId);
        var mail = (await w.Factory.MailAsync()).Where(m => m.To == PairWorld.Mentor).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Your Tandem pair was closed early");
        mail.Body.ShouldContain("Mei Mentee closed your mentoring pair early (mismatch). 2 upcoming meetings were cancelled");
        mail.Body.ShouldContain($"{TandemFactory.PublicUrl}/Closure/{w.PairId}");
        var alert = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), "/Notifications");
        alert.QuerySelector("#notifications")!.TextContent.ShouldContain("Mei Mentee – Mona Mentor in 2027 Spring was closed early by Mei Mentee (mismatch)");

        // The partner may add their own reflection.
        var mentorApi = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentorApi.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/reflection", new { reflection = "r", gratitude = "Thank you", transitionPlan = "p" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ThePageAsksForAReasonThenShowsTheConsequencesBeforeItCloses(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        w.Day(5);
        await w.MeetingAsync(w.PairId, PairWorld.At(10, 9), MeetingStatus.Accepted);
        var page = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var url = $"/Closure/{w.PairId}";
        (await Pages.GetDocumentAsync(page, url)).QuerySelector("#pair-home")!.GetAttribute("href").ShouldBe($"/Pairs/{w.PairId}");

        var noReason = await Pages.ParseAsync(await (await Pages.PostFormAsync(page, url, new() { ["Reason"] = "" }, handler: "Close")).Content.ReadAsStringAsync());
        Pages.Errors(noReason).ShouldContain("Choose why the pair is closing.");

        var asked = await Pages.PostFormAsync(page, url, new() { ["Reason"] = "PersonalReasons" }, handler: "Close");
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await Pages.ParseAsync(await asked.Content.ReadAsStringAsync());
        confirmation.QuerySelector("#consequences")!.TextContent.ShouldContain("1 upcoming meetings will be cancelled");
        confirmation.QuerySelector("#consequences")!.TextContent.ShouldContain("Mei Mentee will be told");
        (await w.Factory.WithDbAsync(d => d.Pairs.SingleAsync(p => p.Id == w.PairId))).Status.ShouldBe(PairStatus.Active);
        var zh = await Pages.ParseAsync(await (await Pages.PostFormAsync(page, url + "?culture=zh-Hans", new() { ["Reason"] = "PersonalReasons" }, handler: "Close")).Content.ReadAsStringAsync());
        zh.QuerySelector("#consequences")!.TextContent.ShouldContain("次即将到来的见面将被取消");

        var done = await Pages.PostFormAsync(page, url, new() { ["Reason"] = "PersonalReasons", ["Confirm"] = "true" }, handler: "Close");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pair = await w.Factory.WithDbAsync(d => d.Pairs.AsNoTracking().SingleAsync(p => p.Id == w.PairId));
        pair.Status.ShouldBe(PairStatus.ClosedEarly);
        pair.CloseReason.ShouldBe(CloseReason.PersonalReasons);
        (await w.NotificationsAsync()).ShouldContain(n => n.UserId == w.MenteeId);

        // A coordinator closing from the overview gets the same confirmation step.
        var coordinator = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var overview = $"/Pairs/Overview?cohortId={w.CohortId}";
        var ask = await Pages.PostFormAsync(coordinator, overview + $"&pairId={w.OtherPairId}", new() { ["reason"] = "NoResponse" }, handler: "Close");
        ask.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Pages.ParseAsync(await ask.Content.ReadAsStringAsync())).QuerySelector("#confirm-close #consequences")!.TextContent.ShouldContain("There are no upcoming meetings to cancel.");
        (await w.Factory.WithDbAsync(d => d.Pairs.SingleAsync(p => p.Id == w.OtherPairId))).Status.ShouldBe(PairStatus.Active);
        (await Pages.PostFormAsync(coordinator, overview + $"&pairId={w.OtherPairId}", new() { ["reason"] = "NoResponse", ["confirm"] = "true" }, handler: "Close"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.Factory.WithDbAsync(d => d.Pairs.SingleAsync(p => p.Id == w.OtherPairId))).Status.ShouldBe(PairStatus.ClosedEarly);
        (await w.NotificationsAsync()).Count(n => n.UserId == w.OtherMenteeId || n.UserId == w.OtherMentorId).ShouldBe(2);
    }
}
