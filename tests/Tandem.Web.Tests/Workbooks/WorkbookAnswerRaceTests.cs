using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Workbooks;

/// <summary>The autosave and the form's save race for the same answer; every save must succeed and one row remain.</summary>
public sealed class WorkbookAnswerRaceTests
{
    private static Task<(int Workbook, int Section, int Text, int Scale)> WorkbookAsync(TandemFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var w = new Workbook
            {
                Title = "Starting well", Published = true,
                Sections = [new WorkbookSection { Position = 1, Title = "Your goals", Exercises =
                    [new WorkbookExercise { Position = 1, Kind = ExerciseKind.FreeText, Prompt = "What do you want?" }, new WorkbookExercise { Position = 2, Kind = ExerciseKind.Scale, Prompt = "How sure?" }] }],
            };
            db.Workbooks.Add(w);
            await db.SaveChangesAsync();
            return (w.Id, w.Sections[0].Id, w.Sections[0].Exercises[0].Id, w.Sections[0].Exercises[1].Id);
        });

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ConcurrentFirstSavesOfOneAnswerAllSucceedAndLeaveOneRow(Db provider)
    {
        using var world = await CommunityWorld.CreateAsync(provider);
        await world.MenteeAsync("mei@example.com");
        var (workbook, section, text, scale) = await WorkbookAsync(world.Factory);
        var api = await world.Factory.ApiClientAsync("mei@example.com");
        var page = await world.Factory.PageClientAsync("mei@example.com");
        var form = await Pages.GetDocumentAsync(page, $"/Workbooks/{workbook}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Eight autosaves through the API and two form saves of the same first answer, all at once.
        var saves = Enumerable.Range(0, 8).Select(i => api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "draft " + i.ToString(CultureInfo.InvariantCulture) }))
            .Concat(Enumerable.Range(0, 2).Select(_ => page.PostAsync($"/Workbooks/{workbook}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["sectionId"] = section.ToString(CultureInfo.InvariantCulture), ["a" + text] = "from the form", ["a" + scale] = "4",
            }))))
            .ToList();
        var answers = await Task.WhenAll(saves);

        answers.Take(8).ShouldAllBe(r => r.StatusCode == HttpStatusCode.NoContent);
        answers.Skip(8).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var rows = await world.Factory.WithDbAsync(db => db.WorkbookAnswers.AsNoTracking().Where(a => a.ExerciseId == text).ToListAsync());
        rows.Count.ShouldBe(1);
        (rows[0].Value.StartsWith("draft ", StringComparison.Ordinal) || rows[0].Value == "from the form").ShouldBeTrue(rows[0].Value);
        (await world.Factory.WithDbAsync(db => db.WorkbookAnswers.CountAsync(a => a.ExerciseId == scale))).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ASaveReplacesTheAnswerAndAnEmptySaveClearsIt(Db provider)
    {
        using var world = await CommunityWorld.CreateAsync(provider);
        await world.MenteeAsync("mei@example.com");
        var (workbook, _, text, _) = await WorkbookAsync(world.Factory);
        var api = await world.Factory.ApiClientAsync("mei@example.com");

        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "first" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "  second  " })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var row = await world.Factory.WithDbAsync(db => db.WorkbookAnswers.AsNoTracking().SingleAsync(a => a.ExerciseId == text));
        row.Value.ShouldBe("second");
        row.UpdatedAt.ShouldBe(world.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
        var mine = await (await api.GetAsync($"/api/v1/workbooks/{workbook}")).JsonAsync();
        mine.GetProperty("sections")[0].GetProperty("exercises")[0].GetProperty("answer").GetString().ShouldBe("second");

        (await api.PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await world.Factory.WithDbAsync(db => db.WorkbookAnswers.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheMentorsListShowsTheirMenteesProgressNotTheirOwn(Db provider)
    {
        using var world = await CommunityWorld.CreateAsync(provider);
        var mentee = await world.MenteeAsync("mei@example.com");
        var mentor = await world.MentorAsync("mentor@example.com");
        await world.PairAsync(mentee, mentor);
        await world.MenteeAsync("stranger@example.com");
        var (workbook, _, text, _) = await WorkbookAsync(world.Factory);
        (await (await world.Factory.ApiClientAsync("mei@example.com")).PutAsJsonAsync($"/api/v1/workbooks/exercises/{text}/answer", new { value = "a goal" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var list = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("mentor@example.com"), "/Workbooks");
        var row = list.QuerySelector($"#workbooks tr[data-id='{workbook}']")!;
        row.QuerySelector(".mentee-progress")!.TextContent.ShouldContain("Name mei: 50% done");
        row.QuerySelector(".progress-cell").ShouldBeNull();
        list.QuerySelector("#workbooks")!.TextContent.ShouldNotContain("stranger");

        var menteeList = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("mei@example.com"), "/Workbooks");
        menteeList.QuerySelector($"#workbooks tr[data-id='{workbook}'] .progress-cell")!.TextContent.ShouldContain("50% done");
        menteeList.QuerySelector(".mentee-progress").ShouldBeNull();
    }
}
