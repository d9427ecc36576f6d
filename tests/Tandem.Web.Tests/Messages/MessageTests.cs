using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Messages;

public sealed class MessageTests
{
    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TheOtherPersonGetsOneNoticeWithoutContentPerUnreadBatch(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        var mentor = await w.Factory.ApiClientAsync(PairWorld.Mentor);
        foreach (var body in new[] { "SECRET-ONE", "SECRET-TWO" })
            (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mails = await w.Factory.MailAsync();
        mails.Count.ShouldBe(1);
        mails[0].To.ShouldBe(PairWorld.Mentor);
        mails[0].Subject.ShouldStartWith("You have a new message from Zhao Min in Tandem");
        mails[0].Body.ShouldContain(TandemFactory.PublicUrl + $"/Messages/{w.PairId}");
        mails[0].Body.ShouldNotContain("SECRET");

        var thread = await (await mentor.GetAsync($"/api/v1/pairs/{w.PairId}/messages")).JsonAsync();
        thread.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ShouldBe(["SECRET-ONE", "SECRET-TWO"]);
        (await w.Factory.WithDbAsync(d => d.Messages.CountAsync(m => m.ReadAt == null))).ShouldBe(0);

        (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = "SECRET-THREE" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await w.Factory.MailAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task EmptyOrTooLongMessagesAreRefusedAndNothingIsSent()
    {
        using var w = await PairWorld.CreateAsync();
        var mentee = await w.Factory.ApiClientAsync(PairWorld.Mentee);
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = " " })).ErrorFieldsAsync()).ShouldBe(["Body"]);
        (await (await mentee.PostAsJsonAsync($"/api/v1/pairs/{w.PairId}/messages", new { body = new string('x', 4001) })).ErrorFieldsAsync()).ShouldBe(["Body"]);
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var response = await Pages.PostFormAsync(page, $"/Messages/{w.PairId}", new() { ["Input.Body"] = "" });
        Pages.Errors(await Pages.ParseAsync(await response.Content.ReadAsStringAsync())).ShouldBe(["Please write a message."]);
        (await w.Factory.WithDbAsync(d => d.Messages.CountAsync())).ShouldBe(0);
        (await w.Factory.MailAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheThreadShowsTheNewestAtTheBottomAndPagesBack()
    {
        using var w = await PairWorld.CreateAsync();
        await w.Factory.WithDbAsync(async d =>
        {
            for (var i = 1; i <= 30; i++)
                d.Messages.Add(new Tandem.Web.Features.Messages.Message { PairId = w.PairId, SenderId = i % 2 == 0 ? w.MentorId : w.MenteeId, Body = $"Message {i}", SentAt = PairWorld.Now.UtcDateTime.AddMinutes(i) });
            await d.SaveChangesAsync();
        });
        var page = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var first = await Pages.GetDocumentAsync(page, $"/Messages/{w.PairId}");
        var items = first.QuerySelectorAll("#thread li").Select(li => li.QuerySelector("div:last-child")!.TextContent).ToList();
        items.Count.ShouldBe(25);
        (items[0], items[^1]).ShouldBe(("Message 6", "Message 30"));
        first.QuerySelector("#older")!.GetAttribute("href").ShouldBe($"/Messages/{w.PairId}?page=2");
        var older = await Pages.GetDocumentAsync(page, $"/Messages/{w.PairId}?page=2");
        older.QuerySelectorAll("#thread li").Select(li => li.QuerySelector("div:last-child")!.TextContent).ShouldBe(["Message 1", "Message 2", "Message 3", "Message 4", "Message 5"]);
    }
}
