using System.Net;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Applications;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Profiles;

/// <summary>Refusals and the completeness banner point to the next step, and ask each person only for what their role needs.</summary>
public sealed class NextStepTests
{
    [Fact]
    public async Task AMentorIsAskedForExpertiseAndAMenteeIsNot()
    {
        using var world = await CommunityWorld.CreateAsync();
        await world.MenteeAsync("mei@example.com");
        await world.MentorAsync("mentor@example.com");
        await world.Factory.WithDbAsync(async db =>
        {
            await db.Profiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.Expertise, ""));
            return 0;
        });

        var mentee = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("mei@example.com"), "/Profiles/Edit");
        mentee.QuerySelector("#completeness")!.TextContent.ShouldNotContain("expertise");
        var mentor = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("mentor@example.com"), "/Profiles/Edit");
        mentor.QuerySelectorAll("#missing li").Select(li => li.TextContent).ShouldContain("your areas of expertise");
        mentor.QuerySelector("#completeness")!.TextContent.ShouldContain("For matching you as a mentor we still need:");
    }

    [Fact]
    public async Task AMenteeWithoutAMembershipLearnsHowToGetOne()
    {
        using var world = await ApplicationWorld.CreateAsync();
        await world.Factory.WithDbAsync(async db =>
        {
            await db.Programs.ExecuteUpdateAsync(s => s.SetProperty(p => p.ContactEmail, "join@hertandem.example"));
            return 0;
        });
        var cohort = await world.CohortAsync();
        await world.MemberAsync("ana@example.com", membership: false);

        var page = await Pages.GetDocumentAsync(await world.Factory.PageClientAsync("ana@example.com"), $"/Applications/Apply?cohortId={cohort}&role=Mentee");
        var help = page.QuerySelector("#get-membership")!;
        help.QuerySelector("a[href='mailto:join@hertandem.example']").ShouldNotBeNull();
        help.QuerySelector("a[href='/Memberships/Mine']").ShouldNotBeNull();
        page.Body!.TextContent.ShouldNotContain("/Profiles/Edit");
    }

    [Fact]
    public async Task ATrackRefusalIsShownOnceBesideItsFieldWithALinkToTheProfile()
    {
        using var world = await ApplicationWorld.CreateAsync();
        var cohort = await world.CohortAsync();
        await world.MemberAsync("ana@example.com", Seniority.Senior);
        var browser = await world.Factory.PageClientAsync("ana@example.com");
        var url = $"/Applications/Apply?cohortId={cohort}&role=Mentee";

        var posted = await Pages.PostFormAsync(browser, url, world.MenteeForm());
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await posted.Content.ReadAsStringAsync();
        const string refusal = "The Standard track is for mentees at these levels: Entry, Junior. Your profile says Senior. Choose another track, or correct your seniority in your profile.";
        var page = await Pages.ParseAsync(html);
        page.QuerySelectorAll(".field-validation-error").Count(e => e.TextContent.Contains(refusal, StringComparison.Ordinal)).ShouldBe(1);
        page.QuerySelector("#form-errors")!.TextContent.ShouldNotContain(refusal);
        page.QuerySelector("#form-errors")!.TextContent.ShouldContain("Please correct the fields marked below.");
        page.QuerySelector("a#edit-profile[href='/Profiles/Edit']").ShouldNotBeNull();
        page.Body!.TextContent.ShouldNotContain("at /Profiles/Edit");
    }
}
