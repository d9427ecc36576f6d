using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Sharing;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Pairs;

/// <summary>
/// Every route of the pair's private space, read from the app's own endpoint table, against everyone who might try it:
/// the pair's mentee and mentor get in; a member of another pair and a coordinator are told it does not exist;
/// anonymous callers are sent to sign in (pages) or get 401 (API). A new route fails the test until it is listed here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private enum Who { Mentee, Mentor, OtherPair, Coordinator, Anonymous }

    private enum Expect { Allowed, NotFound, Unauthorized, LoginRedirect, Forbidden, AccessDenied }

    private static readonly string[] Prefixes = ["/Pairs", "/Meetings", "/Messages", "/Agreements", "/Sharing", "/api/v1/pairs", "/api/v1/me/pairs", "/calendar"];

    private sealed record Ids(int Pair, int Meeting, int Goal, int Work, int Introduction, string Token, int Cohort);

    /// <summary>Route (method + pattern as the app registered it) → the URL to call, and whether only the pair may use it.</summary>
    private static Dictionary<string, (Func<Ids, string> Url, Scope Scope)> Matrix() => new()
    {
        ["GET /Pairs/Mine"] = (_ => "/Pairs/Mine", Scope.AnyMember),
        ["GET /Pairs/{id:int}"] = (i => $"/Pairs/{i.Pair}", Scope.Pair),
        ["GET /Agreements/{pairId:int}"] = (i => $"/Agreements/{i.Pair}", Scope.Pair),
        ["GET /Agreements/{pairId:int}/Goals/{goalId:int}"] = (i => $"/Agreements/{i.Pair}/Goals/{i.Goal}", Scope.Pair),
        ["GET /Meetings/Pair/{pairId:int}"] = (i => $"/Meetings/Pair/{i.Pair}", Scope.Pair),
        ["GET /Meetings/{id:int}"] = (i => $"/Meetings/{i.Meeting}", Scope.Pair),
        ["GET /Meetings/Calendar"] = (_ => "/Meetings/Calendar", Scope.AnyMember),
        ["GET /Meetings/{id:int}/invite.ics"] = (i => $"/Meetings/{i.Meeting}/invite.ics", Scope.Pair),
        ["GET /calendar/{token}.ics"] = (i => $"/calendar/{i.Token}.ics", Scope.SecretLink),
        ["GET /Messages/{pairId:int}"] = (i => $"/Messages/{i.Pair}", Scope.Pair),
        ["GET /Sharing/{pairId:int}"] = (i => $"/Sharing/{i.Pair}", Scope.Pair),
        ["GET /Sharing/Work/{id:int}"] = (i => $"/Sharing/Work/{i.Work}", Scope.Pair),
        ["GET /api/v1/me/pairs"] = (_ => "/api/v1/me/pairs", Scope.AnyMemberApi),
        ["GET /api/v1/pairs/{id:int}"] = (i => $"/api/v1/pairs/{i.Pair}", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/journey"] = (i => $"/api/v1/pairs/{i.Pair}/journey", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/agreement"] = (i => $"/api/v1/pairs/{i.Pair}/agreement", Scope.PairApi),
        ["PUT /api/v1/pairs/{id:int}/agreement"] = (i => $"/api/v1/pairs/{i.Pair}/agreement", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/agreement/confirm"] = (i => $"/api/v1/pairs/{i.Pair}/agreement/confirm", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/goals"] = (i => $"/api/v1/pairs/{i.Pair}/goals", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/goals"] = (i => $"/api/v1/pairs/{i.Pair}/goals", Scope.PairApi),
        ["PUT /api/v1/pairs/{id:int}/goals/{goalId:int}"] = (i => $"/api/v1/pairs/{i.Pair}/goals/{i.Goal}", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/goals/{goalId:int}/updates"] = (i => $"/api/v1/pairs/{i.Pair}/goals/{i.Goal}/updates", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/meetings"] = (i => $"/api/v1/pairs/{i.Pair}/meetings", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings"] = (i => $"/api/v1/pairs/{i.Pair}/meetings", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/held"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/held", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/meetings/suggestions"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/suggestions", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/meetings/{meetingId:int}"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/{meetingId:int}/accept"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/accept", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/{meetingId:int}/counter"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/counter", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/{meetingId:int}/reschedule"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/reschedule", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/{meetingId:int}/cancel"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/cancel", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/meetings/{meetingId:int}/held"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/held", Scope.PairApi),
        ["PUT /api/v1/pairs/{id:int}/meetings/{meetingId:int}/note"] = (i => $"/api/v1/pairs/{i.Pair}/meetings/{i.Meeting}/note", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/contacts"] = (i => $"/api/v1/pairs/{i.Pair}/contacts", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/contacts"] = (i => $"/api/v1/pairs/{i.Pair}/contacts", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/messages/"] = (i => $"/api/v1/pairs/{i.Pair}/messages", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/messages/"] = (i => $"/api/v1/pairs/{i.Pair}/messages", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/resources"] = (i => $"/api/v1/pairs/{i.Pair}/resources", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/resources"] = (i => $"/api/v1/pairs/{i.Pair}/resources", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/work"] = (i => $"/api/v1/pairs/{i.Pair}/work", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/work"] = (i => $"/api/v1/pairs/{i.Pair}/work", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/work/{workId:int}"] = (i => $"/api/v1/pairs/{i.Pair}/work/{i.Work}", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/work/{workId:int}/comments"] = (i => $"/api/v1/pairs/{i.Pair}/work/{i.Work}/comments", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/introductions"] = (i => $"/api/v1/pairs/{i.Pair}/introductions", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/introductions"] = (i => $"/api/v1/pairs/{i.Pair}/introductions", Scope.PairApi),
        // Check-ins, feedback and closure (engagement facts reach coordinators; personal texts do not: see PairsProgressHttpTests).
        ["GET /api/v1/pairs/{id:int}/checkins/"] = (i => $"/api/v1/pairs/{i.Pair}/checkins", Scope.PairOrCoordinatorApi),
        ["POST /api/v1/pairs/{id:int}/checkins/"] = (i => $"/api/v1/pairs/{i.Pair}/checkins", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/feedback/"] = (i => $"/api/v1/pairs/{i.Pair}/feedback", Scope.PairOrCoordinatorApi),
        ["POST /api/v1/pairs/{id:int}/feedback/"] = (i => $"/api/v1/pairs/{i.Pair}/feedback", Scope.PairApi),
        ["GET /api/v1/pairs/{id:int}/closure"] = (i => $"/api/v1/pairs/{i.Pair}/closure", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/close"] = (i => $"/api/v1/pairs/{i.Pair}/close", Scope.PairOrCoordinatorApi),
        ["PUT /api/v1/pairs/{id:int}/reverse"] = (i => $"/api/v1/pairs/{i.Pair}/reverse", Scope.PairOrCoordinatorApi),
        ["POST /api/v1/pairs/{id:int}/reflection"] = (i => $"/api/v1/pairs/{i.Pair}/reflection", Scope.PairApi),
        ["POST /api/v1/pairs/{id:int}/repair"] = (i => $"/api/v1/pairs/{i.Pair}/repair", Scope.CoordinatorApi),
        ["GET /Pairs/Overview"] = (_ => "/Pairs/Overview", Scope.CoordinatorPage),
        ["GET /Pairs/Overview/Export"] = (i => $"/Pairs/Overview/Export?cohortId={i.Cohort}", Scope.CoordinatorPage),
        ["PUT /api/v1/pairs/{id:int}/introductions/{introductionId:int}"] = (i => $"/api/v1/pairs/{i.Pair}/introductions/{i.Introduction}", Scope.PairApi),
    };

    private enum Scope { Pair, PairApi, PairOrCoordinatorApi, CoordinatorPage, CoordinatorApi, AnyMember, AnyMemberApi, SecretLink }

    private static Expect Expected(Scope scope, Who who) => (scope, who) switch
    {
        (Scope.SecretLink, _) => Expect.Allowed,
        (Scope.Pair or Scope.AnyMember or Scope.CoordinatorPage, Who.Anonymous) => Expect.LoginRedirect,
        (_, Who.Anonymous) => Expect.Unauthorized,
        (Scope.CoordinatorPage or Scope.CoordinatorApi, Who.Coordinator) => Expect.Allowed,
        (Scope.CoordinatorPage, _) => Expect.AccessDenied,
        (Scope.CoordinatorApi, _) => Expect.Forbidden,
        (Scope.PairOrCoordinatorApi, Who.Coordinator) => Expect.Allowed,
        (Scope.AnyMember or Scope.AnyMemberApi, _) => Expect.Allowed,
        (_, Who.Mentee or Who.Mentor) => Expect.Allowed,
        _ => Expect.NotFound,
    };

    /// <summary>The page handlers that write (POST), each checked for the people outside the pair.</summary>
    private static IEnumerable<Func<Ids, string>> PagePosts() =>
    [
        i => $"/Agreements/{i.Pair}", i => $"/Agreements/{i.Pair}?handler=Confirm", i => $"/Agreements/{i.Pair}?handler=Goal", i => $"/Agreements/{i.Pair}?handler=Reverse",
        i => $"/Agreements/{i.Pair}/Goals/{i.Goal}", i => $"/Agreements/{i.Pair}/Goals/{i.Goal}?handler=Edit",
        i => $"/Meetings/Pair/{i.Pair}?handler=Propose", i => $"/Meetings/Pair/{i.Pair}?handler=Log", i => $"/Meetings/Pair/{i.Pair}?handler=Contact",
        i => $"/Meetings/{i.Meeting}?handler=Accept", i => $"/Meetings/{i.Meeting}?handler=Counter", i => $"/Meetings/{i.Meeting}?handler=Cancel", i => $"/Meetings/{i.Meeting}?handler=Reschedule",
        i => $"/Meetings/{i.Meeting}?handler=Held", i => $"/Meetings/{i.Meeting}?handler=Note",
        i => $"/Messages/{i.Pair}",
        i => $"/Sharing/{i.Pair}?handler=Recommend", i => $"/Sharing/{i.Pair}?handler=Share", i => $"/Sharing/{i.Pair}?handler=Introduce",
        i => $"/Sharing/{i.Pair}?handler=Outcome&introductionId={i.Introduction}", i => $"/Sharing/Work/{i.Work}",
    ];

    [Fact]
    public async Task EveryRouteOfThePairSpaceLetsInOnlyThePairsMenteeAndMentor()
    {
        using var w = await PairWorld.CreateAsync();
        var ids = await SeedAsync(w);
        var matrix = Matrix();

        var routes = Routes(w.Factory);
        routes.Where(r => !matrix.ContainsKey(r)).ShouldBeEmpty("routes of the pair space missing from the authorization matrix");
        matrix.Keys.Where(k => !routes.Contains(k)).ShouldBeEmpty("matrix entries for routes the app no longer has");

        var clients = new Dictionary<Who, (HttpClient Page, HttpClient Api)>
        {
            [Who.Mentee] = (await w.Factory.PageClientAsync(PairWorld.Mentee), await w.Factory.ApiClientAsync(PairWorld.Mentee)),
            [Who.Mentor] = (await w.Factory.PageClientAsync(PairWorld.Mentor), await w.Factory.ApiClientAsync(PairWorld.Mentor)),
            [Who.OtherPair] = (await w.Factory.PageClientAsync(PairWorld.OtherMentee), await w.Factory.ApiClientAsync(PairWorld.OtherMentee)),
            [Who.Coordinator] = (await w.Factory.PageClientAsync(PairWorld.Coordinator), await w.Factory.ApiClientAsync(PairWorld.Coordinator)),
            [Who.Anonymous] = (w.Factory.Anonymous(), w.Factory.Anonymous()),
        };

        var failures = new List<string>();
        // Outsiders first: their calls must change nothing the pair's own calls then depend on.
        foreach (var who in new[] { Who.Anonymous, Who.OtherPair, Who.Coordinator, Who.Mentor, Who.Mentee })
            foreach (var (route, (url, scope)) in matrix)
            {
                var method = route[..route.IndexOf(' ')];
                var isApi = scope is Scope.PairApi or Scope.AnyMemberApi or Scope.PairOrCoordinatorApi or Scope.CoordinatorApi;
                var client = isApi ? clients[who].Api : clients[who].Page;
                using var request = new HttpRequestMessage(new HttpMethod(method), url(ids));
                if (method != "GET") request.Content = JsonContent.Create(new { });
                var response = await client.SendAsync(request);
                var expected = Expected(scope, who);
                if (!Matches(response, expected))
                    failures.Add($"{who} {route} ({url(ids)}): expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryPageFormOfThePairSpaceIsClosedToPeopleOutsideThePair()
    {
        using var w = await PairWorld.CreateAsync();
        var ids = await SeedAsync(w);
        var failures = new List<string>();
        // Each form's handler exists, so the 404s below come from the ownership check, not from a typo.
        foreach (var url in PagePosts())
            if (!await w.Factory.PageHandlesAsync("POST", url(ids))) failures.Add($"POST {url(ids)}: no such page handler");
        failures.ShouldBeEmpty();
        foreach (var email in new[] { PairWorld.OtherMentor, PairWorld.Coordinator })
        {
            var client = await w.Factory.PageClientAsync(email);
            // A valid antiforgery token for this person, from the sign-out form every signed-in page carries.
            var token = (await Pages.GetDocumentAsync(client, "/Pairs/Mine")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var url in PagePosts())
            {
                var response = await client.PostAsync(url(ids), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Input.Body"] = "intruder", ["Input.Note"] = "intruder", ["Input.Text"] = "intruder",
                }));
                if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{email} POST {url(ids)}: {(int)response.StatusCode}");
            }
        }
        var anonymous = w.Factory.Anonymous();
        foreach (var url in PagePosts())
        {
            var response = await anonymous.PostAsync(url(ids), new FormUrlEncodedContent([]));
            if (!Matches(response, Expect.LoginRedirect)) failures.Add($"anonymous POST {url(ids)}: {(int)response.StatusCode}");
        }
        failures.ShouldBeEmpty();
        (await w.Factory.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(d.Messages))).ShouldBe(0);
        (await w.Factory.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(d.MeetingNotes))).ShouldBe(0);

        // The same forms answer the pair's own mentee (after the counts above, since her posts may write).
        var mentee = await w.Factory.PageClientAsync(PairWorld.Mentee);
        var own = (await Pages.GetDocumentAsync(mentee, "/Pairs/Mine")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in PagePosts())
        {
            var response = await mentee.PostAsync(url(ids), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = own }));
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.InternalServerError or HttpStatusCode.BadRequest)
                failures.Add($"the pair's mentee POST {url(ids)}: {(int)response.StatusCode}");
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>"Allowed" means the caller got past authentication and ownership: a success, or the rules' own 400 for the
    /// empty body the matrix sends to writes (the feature tests check the writes themselves).</summary>
    private static bool Matches(HttpResponseMessage response, Expect expected) => expected switch
    {
        Expect.Allowed => (int)response.StatusCode is >= 200 and < 300 or 400,
        Expect.NotFound => response.StatusCode == HttpStatusCode.NotFound,
        Expect.Unauthorized => response.StatusCode == HttpStatusCode.Unauthorized,
        Expect.Forbidden => response.StatusCode == HttpStatusCode.Forbidden,
        Expect.AccessDenied => response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal),
        _ => response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal),
    };

    private static HashSet<string> Routes(TandemFactory factory)
    {
        factory.CreateClient().Dispose(); // starts the server, so the endpoint table is built
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in endpoints)
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (!Prefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal))) continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]; // pages answer GET (and their POST handlers)
            foreach (var m in methods) routes.Add($"{m} {pattern}");
        }
        return routes;
    }

    private static async Task<Ids> SeedAsync(PairWorld w) => await w.Factory.WithDbAsync(async d =>
    {
        var now = PairWorld.Now.UtcDateTime;
        var meeting = new Meeting { PairId = w.PairId, ProposedById = w.MenteeId, StartsAt = now.AddDays(2), DurationMinutes = 60, Agenda = "Q?", CreatedAt = now, UpdatedAt = now };
        var goal = new Goal { PairId = w.PairId, Title = "Lead planning", Measure = "Run Q3 planning", TargetDate = new(2027, 8, 1), CreatedAt = now, UpdatedAt = now };
        var work = new SharedWork { PairId = w.PairId, ById = w.MenteeId, Title = "Deck", Text = "Slides", CreatedAt = now };
        var intro = new Introduction { PairId = w.PairId, ById = w.MentorId, ToWhom = "Li Na", Why = "Finance lead", CreatedAt = now, UpdatedAt = now };
        d.AddRange(meeting, goal, work, intro);
        d.CalendarFeeds.Add(new CalendarFeed { UserId = w.MenteeId, Token = "matrix-token-0123456789abcdefghijklmnopqrstu", CreatedAt = now });
        await d.SaveChangesAsync();
        return new Ids(w.PairId, meeting.Id, goal.Id, work.Id, intro.Id, "matrix-token-0123456789abcdefghijklmnopqrstu", w.CohortId);
    });
}
