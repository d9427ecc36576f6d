using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Applications;
using Tandem.Web.Tests.Infrastructure;
using Tandem.Web.Tests.Pairs;

namespace Tandem.Web.Tests.Agreements;

/// <summary>Reverse mentoring is a real option: a mentor opts in, and a pair of a junior mentor and a senior mentee who both did is labelled so.</summary>
public sealed class ReverseMentoringTests
{
    [Fact]
    public async Task AMentorCanOptInToBeingMentoredBack()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("wang@example.com", Seniority.Executive);
        var browser = await world.Factory.PageClientAsync("wang@example.com");
        var url = $"/Applications/Apply?cohortId={cohort}&role=Mentor";
        (await Pages.GetDocumentAsync(browser, url)).QuerySelector("input[name='Input.OpenToReverse']").ShouldNotBeNull();

        var posted = await Pages.PostFormAsync(browser, url, new()
        {
            ["Input.Capacity"] = "2", ["Input.TracksServed"] = world.Advanced.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Expertise"] = "negotiation", ["Input.Availability"] = "0", ["Input.Languages"] = "en", ["Input.OpenToReverse"] = "true",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await world.Factory.WithDbAsync(d => d.Applications.AsNoTracking().SingleAsync(a => a.Role == ApplicationRole.Mentor))).OpenToReverse.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AJuniorMentorAndASeniorMenteeWhoBothOptedInAreLabelledReverseWithFittingPrompts(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        await w.Factory.WithDbAsync(async d =>
        {
            await d.Profiles.Where(p => p.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Seniority, Seniority.Junior));
            await d.Profiles.Where(p => p.UserId == w.MenteeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Seniority, Seniority.Executive));
            await d.Applications.Where(a => a.UserId == w.MenteeId).ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenToReverse, true));
        });
        var mentor = await w.Factory.PageClientAsync(PairWorld.Mentor);

        // Only the mentee opted in: not a reverse pair.
        (await Pages.GetDocumentAsync(mentor, $"/Agreements/{w.PairId}")).QuerySelector("#reverse").ShouldBeNull();

        await w.Factory.WithDbAsync(d => d.Applications.Where(a => a.UserId == w.MentorId).ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenToReverse, true)));
        var agreement = await Pages.GetDocumentAsync(mentor, $"/Agreements/{w.PairId}");
        agreement.QuerySelector("#reverse")!.TextContent.ShouldContain("Reverse mentoring");
        agreement.QuerySelector("#confirmations")!.TextContent.ShouldContain("Mentor (junior, learning from experience)");
        agreement.QuerySelector("#agreement-form")!.TextContent.ShouldContain("What does each of you want to learn from the other");
        agreement.QuerySelector("#agreement-form")!.TextContent.ShouldNotContain("The mentee leads: she reaches out");
        (await Pages.GetDocumentAsync(mentor, $"/Meetings/Pair/{w.PairId}")).QuerySelector("#reverse")!.TextContent.ShouldBe("Reverse mentoring");

        var other = await w.Factory.PageClientAsync(PairWorld.OtherMentor);
        (await other.GetAsync($"/Agreements/{w.PairId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
