using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

public sealed class PairsProgressHttpTests
{
    private static object CheckIn(int month, int progress = 4, int relationship = 5, string? note = null) =>
        new { month, progress, relationship, noteToCoordinator = note };

    private static object Feedback(string marker, int rating = 5) => new
    {
        rating, wentWell = "went well " + marker, couldBeBetter = "better " + marker, feedforward = "feedforward " + marker, programComment = "program comment",
    };

    [Fact]
    public async Task CheckInsAreRefusedBeforeTheyAreDueTakenOncePerPersonAndPointAndRefusedAfterClose()
    {
        using var w = await PairWorld.CreateAsync();
        w.Day(58);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var early = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(2));
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ErrorFieldsAsync()).ShouldBe(["Month"]);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(3))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        w.Day(59);
        mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(2, progress: 9))).ErrorFieldsAsync()).ShouldBe(["Progress"]);
        (await w.Factory.WithDbAsync(d => d.CheckIns.CountAsync())).ShouldBe(0);

        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(2, note: "We meet monthly."))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(2))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The page: the mentor answers by form.
        var mentorPage = await w.Factory.PageClientAsync(PairWorld.Mentor);
        var posted = await Pages.PostFormAsync(mentorPage, $"/CheckIns/{w.PairId}", new()
        {
            ["Input.Month"] = "2", ["Input.Progress"] = "3", ["Input.Relationship"] = "4", ["Input.NoteToCoordinator"] = "",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The two never see each other's answers.
        var mentorView = await (await (await w.Factory.ApiClientAsync(PairWorld.Mentor)).GetAsync($"/api/v1/pairs/{w.PairId}/checkins")).JsonAsync();
        mentorView.GetProperty("points")[0].GetProperty("mine").GetProperty("progress").GetInt32().ShouldBe(3);
        mentorView.ToString().ShouldNotContain("We meet monthly.");

        // The coordinator sees ratings and the note, on the API and the page.
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var ratings = (await (await coordinator.GetAsync($"/api/v1/pairs/{w.PairId}/checkins")).JsonAsync()).GetProperty("ratings");
        ratings.GetArrayLength().ShouldBe(2);
        ratings.ToString().ShouldContain("We meet monthly.");
        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/CheckIns/{w.PairId}");
        page.QuerySelector("#ratings")!.TextContent.ShouldContain("We meet monthly.");

        // Another pair's member: not found. After closing: refused.
        (await (await w.Factory.ApiClientAsync(PairWorld.OtherMentee)).PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(2))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await w.SetPairAsync(w.PairId, PairStatus.ClosedEarly);
        w.Day(121);
        mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/checkins", CheckIn(4))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await w.Factory.WithDbAsync(d => d.CheckIns.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task FeedforwardIsShownToTheOtherOnlyOnceBothHaveWrittenAndCoordinatorsSeeRatingsOnly()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback("FROM-MENTEE"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await w.SetCohortAsync(CohortStatus.Closing);
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", new { rating = 4 })).ErrorFieldsAsync())
            .ShouldBe(["WentWell", "CouldBeBetter", "Feedforward"], ignoreOrder: true);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback("FROM-MENTEE", 4))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var beforeMentor = await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync();
        beforeMentor.GetProperty("otherSubmitted").GetBoolean().ShouldBeTrue();
        beforeMentor.ToString().ShouldNotContain("FROM-MENTEE");
        (await mentor.GetStringAsync($"/Feedback/{w.PairId}")).ShouldNotContain("FROM-MENTEE");

        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback("FROM-MENTOR", 5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync()).GetProperty("fromOther").GetProperty("feedforward").GetString().ShouldBe("feedforward FROM-MENTEE");
        (await (await mentee.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync()).GetProperty("fromOther").GetProperty("feedforward").GetString().ShouldBe("feedforward FROM-MENTOR");

        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var json = (await (await coordinator.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync()).ToString();
        json.ShouldContain("program comment");
        json.ShouldNotContain("FROM-MENTEE");
        json.ShouldNotContain("FROM-MENTOR");
        var coordinatorPage = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        (await coordinatorPage.GetStringAsync($"/Feedback/{w.PairId}")).ShouldNotContain("FROM-MENTEE");
        (await coordinatorPage.GetStringAsync($"/Pairs/Overview?cohortId={w.CohortId}")).ShouldNotContain("FROM-MENTEE");
        (await coordinatorPage.GetStringAsync($"/Pairs/Overview/Export?cohortId={w.CohortId}")).ShouldNotContain("FROM-MENTEE");
        (await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs")).Content.ReadAsStringAsync()).ShouldNotContain("FROM-MENTEE");
    }

    [Fact]
    public async Task WhenTheCohortIsClosedFeedforwardIsShownEvenIfTheOtherNeverWrote()
    {
        using var w = await PairWorld.CreateAsync();
        await w.SetCohortAsync(CohortStatus.Closing);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback("LATE"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        (await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync()).GetProperty("fromOther").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await w.SetCohortAsync(CohortStatus.Closed);
        (await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).JsonAsync()).GetProperty("fromOther").GetProperty("feedforward").GetString().ShouldBe("feedforward LATE");
    }

    [Fact]
    public async Task ClosingTheCohortCompletesItsActivePairsAndBothBecomeAlumniWithTheirOwnCertificate()
    {
        using var w = await PairWorld.CreateAsync();
        await w.MeetingAsync(w.PairId, PairWorld.At(10), MeetingStatus.Held);
        await w.MeetingAsync(w.PairId, PairWorld.At(70), MeetingStatus.Held);
        await w.MeetingAsync(w.PairId, PairWorld.At(130), MeetingStatus.Held);
        await w.SetCohortAsync(CohortStatus.Closing);
        w.Day(181);
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        (await coordinator.PostAsJsonAsync($"/api/v1/cohorts/{w.CohortId}/transition", new { to = "Closed", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Factory.WithDbAsync(d => d.Pairs.AsNoTracking().Where(p => p.Id == w.PairId).Select(p => p.Status).SingleAsync())).ShouldBe(PairStatus.Completed);

        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var alumni = await (await mentee.GetAsync("/api/v1/me/alumni")).JsonAsync();
        alumni.GetProperty("isAlumni").GetBoolean().ShouldBeTrue();
        (await (await (await w.Factory.ApiClientAsync(PairWorld.Coordinator)).GetAsync("/api/v1/me/alumni")).JsonAsync()).GetProperty("isAlumni").GetBoolean().ShouldBeFalse();
        (await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentee), "/Pairs/Mine")).QuerySelector("#alumni").ShouldNotBeNull();

        var menteePage = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var certificate = await Pages.GetDocumentAsync(menteePage, $"/Closure/{w.PairId}/Certificate");
        certificate.QuerySelector("#name")!.TextContent.ShouldBe("Mei Mentee");
        certificate.QuerySelector("#meetings")!.TextContent.ShouldContain("3");
        certificate.QuerySelector("#certificate")!.TextContent.ShouldContain("2027 Spring");
        var mentorCertificate = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentor), $"/Closure/{w.PairId}/Certificate");
        mentorCertificate.QuerySelector("#name")!.TextContent.ShouldBe("Mona Mentor");
        foreach (var who in new[] { PairWorld.OtherMentee, PairWorld.Coordinator })
            (await (await w.Factory.PageClientAsync(who)).GetAsync($"/Closure/{w.PairId}/Certificate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Closing words: the gratitude note reaches the other person, the reflection and plan stay private.
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/reflection", new { reflection = "x" })).ErrorFieldsAsync()).ShouldBe(["Gratitude", "TransitionPlan"], ignoreOrder: true);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/reflection", new { reflection = "PRIVATE-REFLECTION", gratitude = "Thank you, Mona!", transitionPlan = "PRIVATE-PLAN" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var mentorView = await (await (await w.Factory.ApiClientAsync(PairWorld.Mentor)).GetAsync($"/api/v1/pairs/{w.PairId}/closure")).JsonAsync();
        mentorView.GetProperty("gratitudeFromOther").GetString().ShouldBe("Thank you, Mona!");
        mentorView.ToString().ShouldNotContain("PRIVATE");
    }

    [Fact]
    public async Task APairClosesEarlyWithAReasonAndACoordinatorReparesTheMenteeWithAMentorWhoHasRoom()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        (await coordinator.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = w.OtherMentorId })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { })).ErrorFieldsAsync()).ShouldBe(["Reason"]);
        (await w.Factory.WithDbAsync(d => d.Pairs.SingleAsync(p => p.Id == w.PairId))).Status.ShouldBe(PairStatus.Active);
        (await (await w.Factory.ApiClientAsync(PairWorld.OtherMentee)).PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/close", new { reason = "Mismatch", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The other mentor is full (capacity 1, one active pair); a new mentor with room is accepted.
        (await (await coordinator.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = w.OtherMentorId })).ErrorFieldsAsync()).ShouldBe(["MentorId"]);
        (await coordinator.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = w.MentorId })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var spare = await w.Factory.CreateUserAsync("spare@example.com", profile: p => p.DisplayName = "Sara Spare");
        await w.ApplicationAsync(spare, Tandem.Web.Features.Applications.ApplicationRole.Mentor, capacity: 2);
        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/Pairs/Overview?cohortId={w.CohortId}");
        page.QuerySelector($"tr[data-pair='{w.PairId}'] select[name=mentorId]")!.TextContent.ShouldContain("Sara Spare");
        (await (await w.Factory.ApiClientAsync(PairWorld.Mentee)).PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = spare })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var created = await coordinator.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = spare });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("origin").GetString().ShouldBe("Repaired");
        (await (await coordinator.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/repair", new { mentorId = spare })).ErrorTextAsync()).ShouldContain("already has an active pair");
        (await w.Factory.WithDbAsync(d => d.Pairs.CountAsync(p => p.MenteeId == w.MenteeId))).ShouldBe(2);
    }

    [Fact]
    public async Task TheOverviewFiltersSearchesPagesAndExportsTheCohortsPairs()
    {
        using var w = await PairWorld.CreateAsync();
        for (var i = 0; i < 26; i++)
        {
            var mentee = await w.Factory.CreateUserAsync($"m{i}@example.com", profile: p => p.DisplayName = $"Mentee {i:00}");
            var mentor = await w.Factory.CreateUserAsync($"t{i}@example.com", profile: p => p.DisplayName = $"Mentor {i:00}");
            var pair = await w.PairAsync(mentee, mentor);
            await w.MeetingAsync(pair, PairWorld.At(5), MeetingStatus.Held);
        }
        await w.MeetingAsync(w.PairId, PairWorld.At(2), MeetingStatus.Proposed, createdAt: PairWorld.At(1));
        w.Day(30);  // the 26 with a meeting are on track; the pair (contact, no meeting) is behind; the other (no contact) is behind
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var all = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(28);
        all.GetProperty("items").GetArrayLength().ShouldBe(25);
        (await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?page=2")).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(3);
        var behind = await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?pace=behind")).JsonAsync();
        behind.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("menteeName").GetString()).ShouldBe(["Mei Mentee", "Olga Othermentee"], ignoreOrder: true);
        (await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?pace=notMetYet&q=mei")).JsonAsync())
            .GetProperty("items").EnumerateArray().Single().GetProperty("contacts").GetInt32().ShouldBe(1);
        (await (await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?q=Mentor%2007")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
        (await coordinator.GetAsync("/api/v1/cohorts/9999/pairs")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Coordinator), $"/Pairs/Overview?cohortId={w.CohortId}&pace=behind");
        page.QuerySelectorAll("#pairs tbody tr").Length.ShouldBe(2);

        var bytes = await (await w.Factory.PageClientAsync(PairWorld.Coordinator)).GetByteArrayAsync($"/Pairs/Overview/Export?cohortId={w.CohortId}&status=Active");
        using var reader = CsvReader.Create(bytes, null);
        var headers = reader.Headers.ToList();
        headers.ShouldBe(Tandem.Web.Features.Pace.PaceBoard.CsvColumns);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(headers.ToDictionary(h => h, h => reader.GetString(h)));
        rows.Count.ShouldBe(28);
        var mei = rows.Single(r => r["Mentee"] == "Mei Mentee");
        mei["Pace"].ShouldBe("Behind");
        mei["NotMetYet"].ShouldBe("true");
        mei["Contacts"].ShouldBe("1");
        rows.Count(r => r["Pace"] == "OnTrack").ShouldBe(26);
    }

    [Fact]
    public async Task NoPrivateTextReachesTheCoordinatorsPageApiOrCsv()
    {
        const string Marker = "ZZ-PRIVATE-7731";
        using var w = await PairWorld.CreateAsync();
        var meeting = await w.MeetingAsync(w.PairId, PairWorld.At(5), MeetingStatus.Held, agenda: "agenda " + Marker, summary: "summary " + Marker, actionItems: "actions " + Marker);
        await w.Factory.WithDbAsync(async d =>
        {
            d.MeetingNotes.Add(new MeetingNote { MeetingId = meeting, AuthorId = w.MenteeId, Text = "note " + Marker, UpdatedAt = PairWorld.At(5) });
            await d.SaveChangesAsync();
        });
        await w.Factory.WithDbAsync(async d =>
        {
            var m = await d.Meetings.SingleAsync(x => x.Id == meeting);
            m.Location = "location " + Marker;
            d.PairFeedback.Add(new Tandem.Web.Features.Feedback.PairFeedback { PairId = w.PairId, AuthorId = w.MenteeId, Rating = 5, WentWell = Marker, CouldBeBetter = Marker, Feedforward = Marker, ProgramComment = "ok", SubmittedAt = PairWorld.At(6) });
            d.ClosureReflections.Add(new Tandem.Web.Features.Closure.ClosureReflection { PairId = w.PairId, AuthorId = w.MenteeId, Reflection = Marker, Gratitude = Marker, TransitionPlan = Marker, SubmittedAt = PairWorld.At(6) });
            d.CheckIns.Add(new Tandem.Web.Features.CheckIns.CheckIn { PairId = w.PairId, UserId = w.MenteeId, Month = 2, Progress = 4, Relationship = 4, NoteToCoordinator = "allowed note", SubmittedAt = PairWorld.At(60) });
            await d.SaveChangesAsync();
        });
        w.Day(61);
        var page = await w.Factory.PageClientAsync(PairWorld.Coordinator);
        var api = await w.Factory.ApiClientAsync(PairWorld.Coordinator);
        var html = await page.GetStringAsync($"/Pairs/Overview?cohortId={w.CohortId}");
        html.ShouldContain("Mei Mentee");
        html.ShouldContain("allowed note");
        foreach (var text in new[]
                 {
                     html, await page.GetStringAsync($"/Pairs/Overview/Export?cohortId={w.CohortId}"),
                     await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs")).Content.ReadAsStringAsync(),
                     await (await api.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs.csv")).Content.ReadAsStringAsync(),
                     await (await api.GetAsync($"/api/v1/pairs/{w.PairId}/checkins")).Content.ReadAsStringAsync(),
                     await (await api.GetAsync($"/api/v1/pairs/{w.PairId}/feedback")).Content.ReadAsStringAsync(),
                     await page.GetStringAsync($"/CheckIns/{w.PairId}"), await page.GetStringAsync($"/Feedback/{w.PairId}"),
                 })
            text.ShouldNotContain(Marker);
    }

    public static TheoryData<string, string, string> Routes() => new()
    {
        // method, url template ({pair}, {cohort}), who may: "members" (the two + 404 for others), "coordinator", "self"
        { "GET", "/api/v1/cohorts/{cohort}/pairs", "coordinator" },
        { "GET", "/api/v1/cohorts/{cohort}/pairs.csv", "coordinator" },
        { "GET", "/api/v1/cohorts/{cohort}/feedforward-themes", "coordinator" },
        { "GET", "/Pairs/Overview", "coordinator" },
        { "GET", "/Pairs/Overview/Export?cohortId={cohort}", "coordinator" },
        { "GET", "/api/v1/pairs/{pair}/checkins", "members" },
        { "GET", "/api/v1/pairs/{pair}/feedback", "members" },
        { "GET", "/api/v1/pairs/{pair}/closure", "members-only" },
        { "GET", "/CheckIns/{pair}", "members" },
        { "GET", "/Feedback/{pair}", "members" },
        { "GET", "/Closure/{pair}", "members-only" },
        { "GET", "/api/v1/me/notifications", "anyone" },
        { "GET", "/api/v1/me/alumni", "anyone" },
        { "GET", "/Notifications", "anyone" },
        { "GET", "/Notifications/Preferences", "anyone" },
        { "GET", "/api/v1/me/notice-preferences", "anyone" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EachRouteAnswersOnlyThoseItIsFor(string method, string template, string who)
    {
        using var w = await PairWorld.CreateAsync();
        var url = template.Replace("{pair}", w.PairId.ToString(CultureInfo.InvariantCulture)).Replace("{cohort}", w.CohortId.ToString(CultureInfo.InvariantCulture));
        var isApi = url.StartsWith("/api", StringComparison.Ordinal);
        async Task<HttpResponseMessage> As(string? email)
        {
            var client = email is null ? w.Factory.Anonymous() : isApi ? await w.Factory.ApiClientAsync(email) : await w.Factory.PageClientAsync(email);
            return await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        }

        var anonymous = await As(null);
        if (isApi) anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        else
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        }

        var expected = new Dictionary<string, HttpStatusCode>();
        HttpStatusCode denied = isApi ? HttpStatusCode.Forbidden : HttpStatusCode.Redirect;
        switch (who)
        {
            case "coordinator":
                expected = new() { [PairWorld.Mentee] = denied, [PairWorld.Mentor] = denied, [PairWorld.OtherMentee] = denied, [PairWorld.Coordinator] = HttpStatusCode.OK };
                break;
            case "members":
                expected = new() { [PairWorld.Mentee] = HttpStatusCode.OK, [PairWorld.Mentor] = HttpStatusCode.OK, [PairWorld.OtherMentee] = HttpStatusCode.NotFound, [PairWorld.Coordinator] = HttpStatusCode.OK };
                break;
            case "members-only":
                expected = new() { [PairWorld.Mentee] = HttpStatusCode.OK, [PairWorld.Mentor] = HttpStatusCode.OK, [PairWorld.OtherMentee] = HttpStatusCode.NotFound, [PairWorld.Coordinator] = HttpStatusCode.NotFound };
                break;
            default:
                expected = new() { [PairWorld.Mentee] = HttpStatusCode.OK, [PairWorld.Coordinator] = HttpStatusCode.OK };
                break;
        }
        foreach (var (email, status) in expected)
        {
            var response = await As(email);
            response.StatusCode.ShouldBe(status, $"{email} {method} {url}");
            if (status == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task NotificationsShowInTheBellAndAreMarkedReadOnThePageAndTheApi()
    {
        using var w = await PairWorld.CreateAsync();
        await w.SetPairAsync(w.OtherPairId, PairStatus.Completed);
        w.Day(30);
        await w.RunRemindersAsync();
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var home = await Pages.GetDocumentAsync(page, "/Notifications");
        home.QuerySelector("#unread-count")!.TextContent.ShouldBe("1");
        home.QuerySelector("#notifications")!.TextContent.ShouldContain("Mona Mentor");
        var zh = (await Pages.GetDocumentAsync(page, "/Notifications?culture=zh-Hans")).QuerySelector("#notifications")!.TextContent;
        zh.ShouldContain("请提议下一次见面");

        var api = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var list = await (await api.GetAsync("/api/v1/me/notifications")).JsonAsync();
        list.GetProperty("unread").GetInt32().ShouldBe(1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        (await (await w.Factory.ApiClientAsync(PairWorld.Mentor)).PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Pages.PostFormAsync(page, "/Notifications", new(), handler: "Read")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await api.GetAsync("/api/v1/me/notifications")).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(0);
        (await Pages.GetDocumentAsync(page, "/Notifications")).QuerySelector("#unread-count").ShouldBeNull();
    }

    [Fact]
    public async Task LoggedContactsAndMessagesCountAsContactButNotAsMeetings()
    {
        using var w = await PairWorld.CreateAsync();
        w.Day(50);  // seven weeks without any contact: at risk
        var coordinator = await w.Factory.ApiClientAsync(PairWorld.Coordinator);  // tokens follow the test clock
        async Task<System.Text.Json.JsonElement> Mei()
        {
            var response = await coordinator.GetAsync($"/api/v1/cohorts/{w.CohortId}/pairs?q=mei");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.JsonAsync()).GetProperty("items").EnumerateArray().Single();
        }

        (await Mei()).GetProperty("pace").GetString().ShouldBe("AtRisk");
        await w.Factory.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Tandem.Web.Features.Meetings.Contact { PairId = w.PairId, ById = w.MenteeId, At = PairWorld.At(40), Channel = default });
            db.Messages.Add(new Tandem.Web.Features.Messages.Message { PairId = w.PairId, SenderId = w.MentorId, Body = "Shall we meet next week?", SentAt = PairWorld.At(45) });
            await db.SaveChangesAsync();
        });
        var mei = await Mei();
        mei.GetProperty("contacts").GetInt32().ShouldBe(2);
        mei.GetProperty("held").GetInt32().ShouldBe(0);
        mei.GetProperty("pace").GetString().ShouldBe("Behind");  // behind on meetings, but in touch: no longer at risk
    }
}
