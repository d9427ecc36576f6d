using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Library;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Community;

public sealed class DemoCommunityTests
{
    [Fact]
    public async Task TheDemoHasALibraryEventsWithAWaitlistWebinarBoardsAndWorkbookProgress()
    {
        using var factory = new TandemFactory();
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);

        await factory.WithDbAsync(async db =>
        {
            var items = await db.LibraryItems.AsNoTracking().ToListAsync();
            items.Count(i => i.Status == LibraryStatus.Published).ShouldBeGreaterThanOrEqualTo(38);
            items.ShouldContain(i => i.Language == "zh");
            items.ShouldContain(i => i.EvidenceBased && i.Audience == Shared.Audience.Mentors);
            items.ShouldContain(i => i.Status == LibraryStatus.Suggested);
            (await db.EventRsvps.CountAsync(r => r.Status == RsvpStatus.Waitlisted)).ShouldBe(2);
            (await db.Dilemmas.CountAsync(d => d.Anonymous)).ShouldBeGreaterThan(0);
            (await db.Dilemmas.CountAsync(d => !d.Anonymous)).ShouldBeGreaterThan(0);
            (await db.DilemmaSolutions.CountAsync(s => s.Helpful)).ShouldBeGreaterThan(0);
            (await db.SolutionVotes.CountAsync()).ShouldBeGreaterThan(0);
            (await db.Workbooks.CountAsync(w => w.Published)).ShouldBe(2);
            (await db.WorkbookAnswers.CountAsync()).ShouldBeGreaterThan(0);
        });

        var mentee = await factory.PageClientAsync("mentee@tandem.local", DemoData.Password);
        (await Pages.GetDocumentAsync(mentee, "/Library")).QuerySelectorAll(".library-item").Length.ShouldBe(20);
        (await Pages.GetDocumentAsync(mentee, "/Events")).QuerySelectorAll(".calendar-entry").Length.ShouldBe(5); // includes the workshop for accepted mentees and the upcoming webinar of her running cohort
        var mentor = await factory.PageClientAsync("mentor@tandem.local", DemoData.Password);
        (await Pages.GetDocumentAsync(mentor, "/Guidance")).QuerySelectorAll("#reading li").Length.ShouldBeGreaterThan(3);
        var coordinator = await factory.PageClientAsync("coordinator@tandem.local", DemoData.Password);
        var webinars = await factory.WithDbAsync(db => db.Webinars.Select(w => w.Id).ToListAsync());
        foreach (var id in webinars) (await Pages.GetDocumentAsync(coordinator, $"/Webinars/{id}")).QuerySelector("h1").ShouldNotBeNull();
    }
}
