using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

/// <summary>Everything the other person should know about reaches them through the one notice service: in the app,
/// and by email with an absolute link and without the pair's private words.</summary>
public sealed class PairNoticeTests
{
    private const string Private = "PRIVATE-WORDS";

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task SharingCommentsRecommendationsIntroductionsCancellationsWorkbooksAndFeedbackEachTellTheOther(Db db)
    {
        using var w = await PairWorld.CreateAsync(db);
        w.Day(5);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        async Task<List<(string UserId, string Kind, string Link)>> Kinds() =>
            (await w.Factory.WithDbAsync(d => d.Notifications.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.UserId, n.Kind, n.Link }).ToListAsync()))
            .Select(n => (n.UserId, n.Kind, n.Link ?? "")).ToList();

        var work = await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work", new { title = Private, text = Private });
        work.StatusCode.ShouldBe(HttpStatusCode.Created);
        var workId = (await work.JsonAsync()).GetProperty("work").GetProperty("id").GetInt32();
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/work/{workId}/comments", new { text = Private })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = Private, url = "https://example.org/" + Private })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/introductions", new { kind = "Introduction", toWhom = Private, why = Private })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Refused input tells nobody.
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/resources", new { title = "", url = "nope" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var meeting = await w.MeetingAsync(w.PairId, PairWorld.At(12, 9), MeetingStatus.Accepted);
        (await mentor.PostAsync($"/api/v1/pairs/{w.PairId}/meetings/{meeting}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var section = await w.Factory.WithDbAsync(async d =>
        {
            var book = new Workbook
            {
                Title = "Starting well", Phase = CohortPhase.Start, Published = true,
                Sections = [new WorkbookSection { Position = 1, Title = "Your goals", Exercises = [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "Goals?" }] }],
            };
            d.Workbooks.Add(book);
            await d.SaveChangesAsync();
            return book.Sections[0].Id;
        });
        var shared = await mentee.PostAsync($"/api/v1/workbooks/sections/{section}/share", null);
        shared.StatusCode.ShouldBe(HttpStatusCode.Created);
        var share = (await shared.JsonAsync()).GetInt32();
        (await mentor.PostAsJsonAsync($"/api/v1/workbooks/shares/{share}/comments", new { text = Private })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await w.SetCohortAsync(CohortStatus.Closing);
        object Feedback() => new { rating = 5, wentWell = Private, couldBeBetter = Private, feedforward = Private };
        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mentor.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/feedback", Feedback())).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await Kinds()).ShouldBe(
        [
            (w.MentorId, "work-shared", $"/Sharing/Work/{workId}"),
            (w.MenteeId, "work-comment", $"/Sharing/Work/{workId}"),
            (w.MenteeId, "resource-recommended", $"/Sharing/{w.PairId}#resources"),
            (w.MenteeId, "introduction", $"/Sharing/{w.PairId}#introductions"),
            (w.MenteeId, "meeting-cancelled", $"/Meetings/{meeting}"),
            (w.MentorId, "workbook-shared", $"/Workbooks/Shared/{share}"),
            (w.MenteeId, "workbook-comment", $"/Workbooks/Shared/{share}"),
            (w.MentorId, "feedback-given", $"/Feedback/{w.PairId}"),
            (w.MenteeId, "feedback-available", $"/Feedback/{w.PairId}"),
        ]);

        var mail = await w.Factory.MailAsync();
        mail.Count.ShouldBe(9);
        mail.ShouldAllBe(m => !m.Body.Contains(Private) && !m.Subject.Contains(Private));
        mail.ShouldAllBe(m => m.Body.Contains(TandemFactory.PublicUrl + "/"));
        mail.Where(m => m.To == PairWorld.Mentee).Select(m => m.Subject).ShouldContain("Mona Mentor cancelled your meeting in Tandem");
        mail.Where(m => m.To == PairWorld.Mentor).Select(m => m.Subject).ShouldContain("Mei Mentee shared work with you in Tandem");

        // In the reader's language in the app.
        var zh = await Pages.GetDocumentAsync(await w.Factory.PageClientAsync(PairWorld.Mentee), "/Notifications?culture=zh-Hans");
        zh.QuerySelector("#notifications")!.TextContent.ShouldContain("Mona Mentor向你推荐了一份资源。");
    }
}
