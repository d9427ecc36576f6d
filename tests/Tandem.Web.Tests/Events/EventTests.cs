using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Events;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Community;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Events;

public sealed class EventTests : IAsyncLifetime
{
    private CommunityWorld world = null!;
    private TandemFactory Factory => world.Factory;
    private static readonly DateTime Tomorrow = new(2027, 3, 11, 0, 30, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => world = await CommunityWorld.CreateAsync();

    public ValueTask DisposeAsync()
    {
        world.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<int> EventAsync(string title = "Morning coffee in Guomao", int? capacity = null, Audience audience = Audience.All, int? cohortId = null, DateTime? starts = null) =>
        Factory.WithDbAsync(async db =>
        {
            var start = starts ?? Tomorrow;
            var e = new GroupEvent { Title = title, Kind = EventKind.MorningCoffee, StartsAt = start, EndsAt = start.AddHours(1), Capacity = capacity, Audience = audience, CohortId = cohortId, Location = "Café, Guomao" };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    private static object Body(string title = "Spring lunch", DateTime? starts = null, DateTime? ends = null, int? capacity = 10) => new
    {
        kind = "Lunch", title, description = "Bring a friend", startsAt = starts ?? Tomorrow, endsAt = ends ?? Tomorrow.AddHours(2),
        location = "Sanlitun", capacity, audience = "All",
    };

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task PeopleRacingForTheLastSeatsNeverExceedTheCapacity(Db provider)
    {
        if (provider != Db.Sqlite)
        {
            world.Dispose();
            world = await CommunityWorld.CreateAsync(provider);
        }
        var people = Enumerable.Range(1, 6).Select(i => $"racer{i}@example.com").ToList();
        foreach (var p in people) await world.MenteeAsync(p);
        var id = await EventAsync(capacity: 2);
        var clients = await Task.WhenAll(people.Select(p => Factory.ApiClientAsync(p)));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/events/{id}/rsvp", null)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var statuses = await Factory.WithDbAsync(db => db.EventRsvps.Where(r => r.EventId == id).Select(r => r.Status).ToListAsync());
        statuses.Count.ShouldBe(6);
        statuses.Count(s => s == RsvpStatus.Going).ShouldBe(2);
        statuses.Count(s => s == RsvpStatus.Waitlisted).ShouldBe(4);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task AFullEventWaitlistsAndACancellationPromotesTheFirstWaitingPersonByEmail(Db provider)
    {
        if (provider != Db.Sqlite)
        {
            world.Dispose();
            world = await CommunityWorld.CreateAsync(provider);
        }
        foreach (var who in new[] { "a", "b", "c", "d" }) await world.MenteeAsync($"{who}@example.com");
        var id = await EventAsync(capacity: 2);
        async Task<string> Rsvp(string who) =>
            (await (await (await Factory.ApiClientAsync($"{who}@example.com")).PostAsync($"/api/v1/events/{id}/rsvp", null)).JsonAsync()).GetProperty("myRsvp").GetString()!;

        (await Rsvp("a")).ShouldBe("Going");
        (await Rsvp("b")).ShouldBe("Going");
        (await Rsvp("c")).ShouldBe("Waitlisted");
        var dPage = await Factory.PageClientAsync("d@example.com");
        (await Pages.PostFormAsync(dPage, $"/Events/{id}", [], "Rsvp")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pages.GetDocumentAsync(dPage, $"/Events/{id}")).QuerySelector("#my-rsvp")!.TextContent.ShouldBe("On the waitlist (number 2)");
        (await Rsvp("a")).ShouldBe("Going");
        (await Factory.MailAsync()).ShouldBeEmpty();

        var a = await Factory.ApiClientAsync("a@example.com");
        a.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");  // whoever frees the seat, the email speaks the recipient's language
        (await a.DeleteAsync($"/api/v1/events/{id}/rsvp")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var statuses = await Factory.WithDbAsync(db => db.EventRsvps.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Email, r.Status }).ToListAsync());
        statuses.Single(s => s.Email == "a@example.com").Status.ShouldBe(RsvpStatus.Cancelled);
        statuses.Single(s => s.Email == "c@example.com").Status.ShouldBe(RsvpStatus.Going);
        statuses.Single(s => s.Email == "d@example.com").Status.ShouldBe(RsvpStatus.Waitlisted);
        var mail = (await Factory.MailAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe("c@example.com");
        mail.Subject.ShouldBe("A seat opened up: Morning coffee in Guomao");
        mail.Body.ShouldContain("(Asia/Shanghai, UTC+08:00)");
        mail.Body.ShouldContain(TandemFactory.PublicUrl + $"/Events/{id}");
        mail.Body.ShouldNotContain("好消息");
        (await Pages.GetDocumentAsync(dPage, $"/Events/{id}")).QuerySelector("#my-rsvp")!.TextContent.ShouldBe("On the waitlist (number 1)");
    }

    [Fact]
    public async Task RaisingTheCapacityPromotesWaitingPeople()
    {
        await world.MenteeAsync("a@example.com");
        await world.MenteeAsync("b@example.com");
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var id = (await (await coordinator.PostAsJsonAsync("/api/v1/events", Body(capacity: 1))).JsonAsync()).GetProperty("id").GetInt32();
        await (await Factory.ApiClientAsync("a@example.com")).PostAsync($"/api/v1/events/{id}/rsvp", null);
        await (await Factory.ApiClientAsync("b@example.com")).PostAsync($"/api/v1/events/{id}/rsvp", null);
        (await coordinator.PutAsJsonAsync($"/api/v1/events/{id}", Body(capacity: 2))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.EventRsvps.CountAsync(r => r.Status == RsvpStatus.Going))).ShouldBe(2);
        (await Factory.MailAsync()).ShouldHaveSingleItem().To.ShouldBe("b@example.com");
    }

    [Fact]
    public async Task AudienceAndCohortDecideWhoMayComeAndCoordinatorsSeeEverything()
    {
        await world.MenteeAsync("mentee@example.com");
        var otherCohort = await world.World.CohortAsync("Autumn 2027", Features.Cohorts.CohortStatus.Active);
        await world.MenteeAsync("elsewhere@example.com", otherCohort);
        var forMentors = await EventAsync("Mentor circle", audience: Audience.Mentors);
        var forCohort = await EventAsync("Spring lunch", cohortId: world.CohortId);
        var open = await EventAsync("Open coffee");

        var mentee = await Factory.ApiClientAsync("mentee@example.com");
        (await mentee.GetAsync($"/api/v1/events/{forMentors}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mentee.PostAsync($"/api/v1/events/{forMentors}/rsvp", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mentee.GetAsync($"/api/v1/events/{forCohort}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await Factory.ApiClientAsync("elsewhere@example.com");
        (await elsewhere.PostAsync($"/api/v1/events/{forCohort}/rsvp", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await elsewhere.GetAsync("/api/v1/events")).JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ShouldBe([open]);
        var all = await (await (await Factory.ApiClientAsync("coord@example.com")).GetAsync("/api/v1/events")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(3);
        (await Factory.WithDbAsync(db => db.EventRsvps.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TheCalendarGroupsByMonthInTheViewersTimeZoneAndListsWebinars()
    {
        await world.MenteeAsync("mentee@example.com");
        await EventAsync("March coffee", starts: new DateTime(2027, 3, 31, 17, 0, 0, DateTimeKind.Utc));
        await EventAsync("Old coffee", starts: new DateTime(2027, 2, 1, 1, 0, 0, DateTimeKind.Utc));
        await Factory.WithDbAsync(async db =>
        {
            db.Webinars.Add(new Features.Webinars.Webinar { CohortId = world.CohortId, Title = "Dilemmas at work", StartsAt = Tomorrow.AddDays(2), EndsAt = Tomorrow.AddDays(2).AddHours(1), Audience = Audience.Mentees });
            await db.SaveChangesAsync();
        });
        var client = await Factory.PageClientAsync("mentee@example.com");
        var page = await Pages.GetDocumentAsync(client, "/Events");
        // 17:00 UTC on 31 March is 1 April in Beijing (the mentee's profile zone).
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldBe(["March 2027", "April 2027"]);
        page.QuerySelectorAll(".calendar-entry a").Select(a => a.TextContent).ShouldBe(["Dilemmas at work", "March coffee"]);
        var past = await Pages.GetDocumentAsync(client, "/Events?past=true");
        past.QuerySelectorAll(".calendar-entry a").Select(a => a.TextContent).ShouldBe(["Old coffee"]);
    }

    [Fact]
    public async Task TheInvitationIsAValidCalendarFile()
    {
        await world.MenteeAsync("mentee@example.com");
        var id = await EventAsync("Coffee, croissants; and careers");
        var response = await (await Factory.PageClientAsync("mentee@example.com")).GetAsync($"/Events/{id}/invite.ics");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var parsed = await IcsParser.ParseAsync(await response.Content.ReadAsStringAsync());
        var e = parsed.GetProperty("events")[0];
        e.GetProperty("SUMMARY").GetString().ShouldBe("Coffee, croissants; and careers");
        e.GetProperty("DTSTART").GetString().ShouldBe("2027-03-11T00:30:00+00:00");
        e.GetProperty("LOCATION").GetString().ShouldBe("Café, Guomao");
        e.GetProperty("UID").GetString().ShouldBe($"event-{id}@tandem");
    }

    [Fact]
    public async Task CoordinatorsTakeAttendanceWhichCountsTowardEngagement()
    {
        var a = await world.MenteeAsync("a@example.com");
        var b = await world.MenteeAsync("b@example.com");
        var id = await EventAsync(starts: new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc));
        await Factory.WithDbAsync(async db =>
        {
            db.EventRsvps.AddRange(new EventRsvp { EventId = id, UserId = a, Status = RsvpStatus.Going }, new EventRsvp { EventId = id, UserId = b, Status = RsvpStatus.Going });
            await db.SaveChangesAsync();
        });
        var member = await Factory.ApiClientAsync("a@example.com");
        (await member.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { attendedUserIds = new[] { a } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/v1/people/{a}/engagement")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberPage = await Factory.PageClientAsync("a@example.com");
        (await Pages.PostFormAsync(memberPage, $"/Events/{id}", new() { ["attended"] = a }, "Attendance")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.EventRsvps.CountAsync(r => r.Attended))).ShouldBe(0);

        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var stranger = await Factory.CreateUserAsync("stranger@example.com");
        var bad = await coordinator.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { attendedUserIds = new[] { a, stranger } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.EventRsvps.CountAsync(r => r.Attended))).ShouldBe(0);

        var page = await Factory.PageClientAsync("coord@example.com");
        (await Pages.PostFormAsync(page, $"/Events/{id}", new() { ["attended"] = a }, "Attendance")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var engagement = await (await coordinator.GetAsync($"/api/v1/people/{a}/engagement")).JsonAsync();
        engagement.GetProperty("eventsAttended").GetInt32().ShouldBe(1);
        engagement.GetProperty("webinarsAttended").GetInt32().ShouldBe(0);
        (await (await coordinator.GetAsync($"/api/v1/people/{b}/engagement")).JsonAsync()).GetProperty("eventsAttended").GetInt32().ShouldBe(0);
        (await coordinator.GetAsync("/api/v1/people/nobody/engagement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadEventsAreRefusedWithClearMessagesAndChangeNothing()
    {
        var coordinator = await Factory.ApiClientAsync("coord@example.com");
        var bad = await coordinator.PostAsJsonAsync("/api/v1/events", Body(title: "", ends: Tomorrow.AddHours(-1), capacity: 0));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ErrorFieldsAsync()).ShouldBe(["Title", "EndsAt", "Capacity"], ignoreOrder: true);
        var page = await Factory.PageClientAsync("coord@example.com");
        var refused = await Pages.PostFormAsync(page, "/Events/Edit", new() { ["Input.Kind"] = "Lunch", ["Input.Title"] = "Lunch", ["Input.Audience"] = "All", ["Input.StartsAt"] = "2027-03-20T12:00", ["Input.EndsAt"] = "2027-03-20T11:00" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Pages.Errors(await Pages.ParseAsync(await refused.Content.ReadAsStringAsync())).ShouldContain("It must end after it starts.");
        (await Factory.WithDbAsync(db => db.Events.CountAsync())).ShouldBe(0);

        var saved = await Pages.PostFormAsync(page, "/Events/Edit", new() { ["Input.Kind"] = "Lunch", ["Input.Title"] = "Lunch", ["Input.Audience"] = "All", ["Input.StartsAt"] = "2027-03-20T12:00", ["Input.EndsAt"] = "2027-03-20T13:30" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The coordinator has no time zone in the profile: the program's (Beijing, UTC+8) applies.
        (await Factory.WithDbAsync(db => db.Events.SingleAsync())).StartsAt.ShouldBe(new DateTime(2027, 3, 20, 4, 0, 0));
    }

    [Fact]
    public async Task EveryRouteHasItsAuthorizationRule()
    {
        await world.MenteeAsync("mentee@example.com");
        var id = await EventAsync();
        var anonymous = Factory.Anonymous();
        foreach (var url in new[] { "/api/v1/events", $"/api/v1/events/{id}", $"/api/v1/events/{id}/attendees", "/api/v1/people/x/engagement" })
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        (await anonymous.PostAsync($"/api/v1/events/{id}/rsvp", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var url in new[] { "/Events", $"/Events/{id}", $"/Events/{id}/invite.ics", "/Events/Edit" })
            await CommunityWorld.AssertPageRedirectAsync(anonymous, url, "/Account/Login");

        var member = await Factory.ApiClientAsync("mentee@example.com");
        (await member.PostAsJsonAsync("/api/v1/events", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/events/{id}", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsync($"/api/v1/events/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/v1/events/{id}/attendees")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var memberPages = await Factory.PageClientAsync("mentee@example.com");
        await CommunityWorld.AssertPageRedirectAsync(memberPages, "/Events/Edit", "/Account/AccessDenied");
        await CommunityWorld.AssertPageRedirectAsync(memberPages, $"/Events/Edit/{id}", "/Account/AccessDenied");
        (await Pages.PostFormAsync(memberPages, $"/Events/{id}", [], "CancelEvent")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.Events.SingleAsync())).Cancelled.ShouldBeFalse();
        (await Pages.GetDocumentAsync(memberPages, $"/Events/{id}")).QuerySelector("#coordinator").ShouldBeNull();
    }
}
