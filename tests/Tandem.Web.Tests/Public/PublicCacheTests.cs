using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Faq;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Public;

/// <summary>Anonymous public pages come from the output cache (its Age header says so) until a save changes what they show.</summary>
public sealed class PublicCacheTests
{
    [Fact]
    public async Task VisitorsGetTheStoredPagePerLanguageUntilAnEditAndSignedInPeopleAlwaysAFreshOne()
    {
        using var factory = new TandemFactory();
        await PublicData.ProgramAsync(factory);
        await factory.CreateUserAsync("member@example.com");
        await EntryAsync(factory, "Who can apply?", "谁可以申请？");
        var visitor = factory.Anonymous();

        var first = await visitor.GetAsync("/Faq");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Set-Cookie").ShouldBeFalse();
        first.Headers.Age.ShouldBeNull();
        var second = await visitor.GetAsync("/Faq");
        second.Headers.Age.ShouldNotBeNull();
        (await second.Content.ReadAsStringAsync()).ShouldContain("Who can apply?");

        // Each language is stored apart.
        var chinese = await (await visitor.GetAsync("/Faq?culture=zh-Hans")).Content.ReadAsStringAsync();
        chinese.ShouldContain("谁可以申请？");
        chinese.ShouldNotContain("Who can apply?");

        // An edit reaches the next visitor at once, in every language.
        await EntryAsync(factory, "How long does it last?", "持续多久？");
        var after = await visitor.GetAsync("/Faq");
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldContain("How long does it last?");
        (await (await visitor.GetAsync("/Faq?culture=zh-Hans")).Content.ReadAsStringAsync()).ShouldContain("持续多久？");

        // A signed-in reader is never answered from the stored page (the layout shows their name and menu).
        var member = await factory.PageClientAsync("member@example.com");
        foreach (var _ in new[] { 1, 2 })
        {
            var page = await member.GetAsync("/Faq");
            page.Headers.Age.ShouldBeNull();
            (await page.Content.ReadAsStringAsync()).ShouldContain("How long does it last?");
        }
    }

    [Fact]
    public async Task VisitorsPagesAreStoredCompressedAndSignedInPagesAndFormsAreNotCompressed()
    {
        using var factory = new TandemFactory();
        await PublicData.ProgramAsync(factory);
        await factory.CreateUserAsync("member@example.com");
        await EntryAsync(factory, "Who can apply?", "谁可以申请？");
        var visitor = factory.Anonymous();
        async Task<HttpResponseMessage> Get(HttpClient client, string url, string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            return await client.SendAsync(request);
        }
        static async Task<string> Gunzip(HttpResponseMessage r)
        {
            await using var zip = new System.IO.Compression.GZipStream(await r.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            return await new StreamReader(zip).ReadToEndAsync();
        }

        var first = await Get(visitor, "/Faq", "gzip");
        first.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        (await Gunzip(first)).ShouldContain("Who can apply?");
        // The stored copy is the compressed one; a client that takes no compression gets its own plain copy.
        var again = await Get(visitor, "/Faq", "gzip");
        again.Headers.Age.ShouldNotBeNull();
        again.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        (await Gunzip(again)).ShouldContain("Who can apply?");
        var plain = await Get(visitor, "/Faq", null);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await plain.Content.ReadAsStringAsync()).ShouldContain("Who can apply?");

        // Pages with a person's secrets (antiforgery tokens, their menu) are never compressed (BREACH).
        (await Get(visitor, "/Account/Login", "gzip")).Content.Headers.ContentEncoding.ShouldBeEmpty();
        var member = await factory.PageClientAsync("member@example.com");
        (await Get(member, "/Faq", "gzip")).Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    private static Task EntryAsync(TandemFactory factory, string question, string questionZh) =>
        factory.WithDbAsync(async db =>
        {
            var programId = await db.Programs.Select(p => p.Id).FirstAsync();
            db.FaqEntries.Add(new FaqEntry
            {
                ProgramId = programId, Question = question, Answer = "See the program page.", QuestionZh = questionZh, AnswerZh = "请看项目页面。",
                Position = (await db.FaqEntries.MaxAsync(f => (int?)f.Position) ?? 0) + 1,
            });
            await db.SaveChangesAsync();
        });
}
