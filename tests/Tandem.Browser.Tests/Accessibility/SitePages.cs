using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Browser.Tests.Accessibility;

/// <summary>One URL to look at: the Razor page it belongs to and, for a page with an optional parameter, which form.</summary>
public sealed record SitePage(string Page, string Url);

/// <summary>
/// Every Razor page of the app, read from its endpoint table (so a page added later is looked at too), with its
/// route parameters filled from the demo data. A page with a parameter this class cannot fill fails the test
/// and names the parameter to add here.
/// </summary>
public static class SitePages
{
    /// <summary>The demo's records that the pages' route parameters point at.</summary>
    public sealed record DemoIds(
        int Pair, int Goal, int Meeting, int Work, int ClosedPair, int OpenCohort, int MatchingCohort, int ActiveCohort,
        int MenteeApplication, int MentorApplication, int PublicMentorApplication, int Membership, int Track, int LibraryItem,
        int Event, int Webinar, int Workbook, int WorkbookShare, string MenteeUserId);

    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Page path + parameter name → the value to use, per role (only applications differ by role: each applicant edits her own).</summary>
    private static readonly Dictionary<string, Func<DemoIds, string, string>> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Agreements/Goal:pairId"] = (d, _) => S(d.Pair),
        ["/Agreements/Goal:goalId"] = (d, _) => S(d.Goal),
        ["/Agreements/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Applications/Edit:id"] = (d, role) => S(role == "mentor" ? d.MentorApplication : d.MenteeApplication),
        ["/Applications/Review:id"] = (d, _) => S(d.MenteeApplication),
        ["/Applications/Withdraw:id"] = (d, role) => S(role == "mentor" ? d.MentorApplication : d.MenteeApplication),
        ["/CheckIns/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Closure/Certificate:pairId"] = (d, _) => S(d.ClosedPair),
        ["/Closure/Pair:pairId"] = (d, _) => S(d.Pair),
        ["/Cohorts/Details:id"] = (d, _) => S(d.OpenCohort),
        ["/Cohorts/Edit:id"] = (d, _) => S(d.OpenCohort),
        ["/Cohorts/Transition:id"] = (d, _) => S(d.ActiveCohort),
        ["/Cohorts/Transition:to"] = (_, _) => "Closing",
        ["/Events/Details:id"] = (d, _) => S(d.Event),
        ["/Events/Edit:id"] = (d, _) => S(d.Event),
        ["/Events/Invite:id"] = (d, _) => S(d.Event),
        ["/Feedback/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Library/Edit:id"] = (d, _) => S(d.LibraryItem),
        ["/Library/Item:id"] = (d, _) => S(d.LibraryItem),
        ["/Matching/Index:cohortId"] = (d, _) => S(d.MatchingCohort),
        ["/Matching/Rank:cohortId"] = (d, _) => S(d.OpenCohort),
        ["/Matching/Publish:cohortId"] = (d, _) => S(d.MatchingCohort),
        ["/Members/Member:userId"] = (d, _) => d.MenteeUserId,
        ["/Meetings/Details:id"] = (d, _) => S(d.Meeting),
        ["/Meetings/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Memberships/Edit:id"] = (d, _) => S(d.Membership),
        ["/Messages/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Pairs/Details:id"] = (d, _) => S(d.Pair),
        ["/Profiles/View:userId"] = (d, _) => d.MenteeUserId,
        ["/Programs/Track:id"] = (d, _) => S(d.Track),
        ["/Reports/Cohort:id"] = (d, _) => S(d.ActiveCohort),
        ["/Public/Mentor:applicationId"] = (d, _) => S(d.PublicMentorApplication),
        ["/Sharing/Index:pairId"] = (d, _) => S(d.Pair),
        ["/Sharing/Work:id"] = (d, _) => S(d.Work),
        ["/Webinars/Details:id"] = (d, _) => S(d.Webinar),
        ["/Webinars/Edit:id"] = (d, _) => S(d.Webinar),
        ["/Webinars/Invite:id"] = (d, _) => S(d.Webinar),
        ["/Workbooks/Manage:id"] = (d, _) => S(d.Workbook),
        ["/Workbooks/Shared:id"] = (d, _) => S(d.WorkbookShare),
        ["/Workbooks/Work:id"] = (d, _) => S(d.Workbook),
    };

    /// <summary>Query strings a page needs to show its real content.</summary>
    private static readonly Dictionary<string, Func<DemoIds, string>> Queries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Applications/Apply"] = d => $"?cohortId={S(d.OpenCohort)}&role=Mentee",
        ["/Pairs/OverviewExport"] = d => $"?cohortId={S(d.ActiveCohort)}",
        ["/Pairs/Overview"] = d => $"?cohortId={S(d.ActiveCohort)}",
    };

    /// <summary>The URLs to look at as this role. Optional parameters are looked at both ways (the blank form and an edit).</summary>
    public static IReadOnlyList<SitePage> For(TandemFactory factory, DemoIds ids, string role, List<string> unfilled)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!.ViewEnginePath, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var pages = new List<SitePage>();
        foreach (var group in endpoints)
        {
            // "/Index" is also served as "/"; take the shortest route of each page.
            var pattern = group.Select(e => e.Endpoint.RoutePattern).OrderBy(p => (p.RawText ?? "").Length).First();
            var query = Queries.TryGetValue(group.Key, out var q) ? q(ids) : "";
            var required = new List<string>();
            var withOptional = new List<string>();
            foreach (var segment in pattern.PathSegments)
            {
                var part = segment.Parts.Single();
                if (part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal)
                {
                    required.Add(literal.Content);
                    withOptional.Add(literal.Content);
                    continue;
                }
                var parameter = (Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart)part;
                if (!Values.TryGetValue($"{group.Key}:{parameter.Name}", out var value))
                {
                    unfilled.Add($"{group.Key} {{{parameter.Name}}}: add its demo value to SitePages.Values");
                    goto next;
                }
                if (!parameter.IsOptional) required.Add(value(ids, role));
                withOptional.Add(value(ids, role));
            }
            pages.Add(new SitePage(group.Key, "/" + string.Join('/', required) + query));
            if (withOptional.Count != required.Count) pages.Add(new SitePage(group.Key, "/" + string.Join('/', withOptional) + query));
        next:;
        }
        return pages;
    }

    /// <summary>Reads the ids from the seeded demo, and adds the two things the demo lacks for a page to show: a workbook
    /// section the mentee shared with her mentor, and a certificate (a completed earlier pair) for the demo mentor.</summary>
    public static async Task<DemoIds> PrepareAsync(TandemFactory factory)
    {
        string UserId(TandemDb db, string role)
        {
            var email = DemoData.SignIns.Single(s => s.Role == role).Email;
            return db.Users.Where(u => u.Email == email).Select(u => u.Id).Single();
        }
        var (menteeId, mentorId) = await factory.WithDbAsync(db => Task.FromResult((UserId(db, "mentee"), UserId(db, "mentor"))));

        var pair = await factory.WithDbAsync(db => db.Pairs.Where(p => p.MenteeId == menteeId && p.MentorId == mentorId && p.Status == PairStatus.Active).SingleAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TandemDb>();
            if (!await db.WorkbookShares.AnyAsync(s => s.PairId == pair.Id))
            {
                var section = await db.WorkbookSections.Where(s => db.Workbooks.Any(w => w.Id == s.WorkbookId && w.Published))
                    .OrderBy(s => s.WorkbookId).ThenBy(s => s.Position).Select(s => s.Id).FirstAsync();
                await scope.ServiceProvider.GetRequiredService<WorkbookStore>().ShareAsync(section, menteeId, CancellationToken.None);
                (await db.WorkbookShares.AnyAsync(s => s.PairId == pair.Id)).ShouldBeTrue("the demo mentee could not share a workbook section with her mentor");
            }
            if (!await db.Pairs.AnyAsync(p => p.MentorId == mentorId && p.Status != PairStatus.Active))
            {
                // The mentor mentored in the last closed cohort too: her first completed pair there becomes hers.
                var application = await db.Applications.Where(a => a.UserId == mentorId && a.Role == ApplicationRole.Mentor)
                    .Join(db.Cohorts.Where(c => c.Status == CohortStatus.Closed), a => a.CohortId, c => c.Id, (a, c) => a).OrderByDescending(a => a.CohortId).FirstAsync();
                var completed = await db.Pairs.Where(p => p.CohortId == application.CohortId && p.Status == PairStatus.Completed).OrderBy(p => p.Id).FirstAsync();
                completed.MentorId = mentorId;
                completed.MentorApplicationId = application.Id;
                await db.SaveChangesAsync();
            }
        }

        return await factory.WithDbAsync(async db =>
        {
            var open = await Need(db.Cohorts.Where(c => c.Status == CohortStatus.Open).Select(c => c.Id), "open cohort");
            var matching = await db.MatchRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (int?)r.CohortId).FirstOrDefaultAsync() ?? open;
            return new DemoIds(
                Pair: pair.Id,
                Goal: await Need(db.Goals.Where(g => g.PairId == pair.Id).OrderBy(g => g.Id).Select(g => g.Id), "goal of the demo pair"),
                Meeting: await Need(db.Meetings.Where(m => m.PairId == pair.Id).OrderBy(m => m.Id).Select(m => m.Id), "meeting of the demo pair"),
                Work: await Need(db.SharedWork.Where(w => w.PairId == pair.Id).OrderBy(w => w.Id).Select(w => w.Id), "shared work of the demo pair"),
                ClosedPair: await Need(db.Pairs.Where(p => p.MentorId == mentorId && p.Status != PairStatus.Active).OrderBy(p => p.Id).Select(p => p.Id), "closed pair of the demo mentor"),
                OpenCohort: open,
                MatchingCohort: matching,
                ActiveCohort: pair.CohortId,
                MenteeApplication: await Need(db.Applications.Where(a => a.UserId == menteeId && a.CohortId == open).Select(a => a.Id), "application of the demo mentee"),
                MentorApplication: await Need(db.Applications.Where(a => a.UserId == mentorId && a.CohortId == open).Select(a => a.Id), "application of the demo mentor"),
                PublicMentorApplication: await Need(db.Applications.Where(a => a.UserId == mentorId && a.PublicProfile && a.CohortId != open).Select(a => a.Id), "published mentor profile"),
                Membership: await Need(db.Memberships.Where(m => m.UserId == menteeId).Select(m => m.Id), "membership of the demo mentee"),
                Track: await Need(db.Tracks.OrderBy(t => t.Id).Select(t => t.Id), "track"),
                LibraryItem: await Need(db.LibraryItems.Where(i => i.Status == LibraryStatus.Published).OrderBy(i => i.Id).Select(i => i.Id), "published library item"),
                Event: await Need(db.Events.Where(e => e.CohortId == null || e.CohortId == pair.CohortId || e.CohortId == open).OrderBy(e => e.Id).Select(e => e.Id), "event"),
                Webinar: await Need(db.Webinars.Where(w => w.CohortId == open).OrderBy(w => w.Id).Select(w => w.Id), "webinar of the open cohort"),
                Workbook: await Need(db.Workbooks.Where(w => w.Published).OrderBy(w => w.Id).Select(w => w.Id), "published workbook"),
                WorkbookShare: await Need(db.WorkbookShares.Where(s => s.PairId == pair.Id).Select(s => s.Id), "shared workbook section"),
                MenteeUserId: menteeId);
        });
    }

    private static async Task<T> Need<T>(IQueryable<T> query, string what) =>
        await query.Take(1).ToListAsync() is [var found] ? found : throw new InvalidOperationException($"The demo data has no {what}: the accessibility test needs one.");
}
