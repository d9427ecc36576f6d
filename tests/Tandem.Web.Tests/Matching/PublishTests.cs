using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Matching;

public sealed class PublishTests
{
    [Fact]
    public async Task PublishingCreatesThePairsEmailsBothPeopleAndActivatesTheCohort()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, small.Id);
        var proposals = await MatchingWorld.ProposalsAsync(client, small.Id);

        // Without "confirm": the consequences and warnings, and nothing changes.
        var preview = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var previewed = await preview.JsonAsync();
        previewed.GetProperty("done").GetBoolean().ShouldBeFalse();
        previewed.GetProperty("pairs").GetInt32().ShouldBe(3);
        previewed.GetProperty("consequences").EnumerateArray().Select(c => c.GetString()).ShouldContain(c => c!.Contains("1 accepted mentees left without a mentor"));
        previewed.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ShouldBe(["unmatchedMentees"]);
        (await world.Factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(0);
        (await world.Factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(0);
        (await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == small.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Matching);

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { confirm = true });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var published = await response.JsonAsync();
        published.GetProperty("done").GetBoolean().ShouldBeTrue();
        published.GetProperty("pairs").GetInt32().ShouldBe(3);
        // Both people of each pair, and the mentee left over.
        published.GetProperty("emailsQueued").GetInt32().ShouldBe(7);

        var pairs = await world.Factory.WithDbAsync(d => d.Pairs.AsNoTracking().ToListAsync());
        pairs.Select(p => (p.MenteeApplicationId, p.MentorApplicationId)).ShouldBe(proposals.Select(kv => (kv.Key, kv.Value)), ignoreOrder: true);
        pairs.ShouldAllBe(p => p.Origin == PairOrigin.Matched && p.Status == PairStatus.Active && p.Score > 0 && p.PublishedAt == MatchingWorld.Now.UtcDateTime);
        (await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == small.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Active);

        var mails = await world.Factory.MailAsync();
        mails.Count.ShouldBe(7);
        var leftOver = small.Mentees.Single(m => !proposals.ContainsKey(m));
        mails.Single(m => m.To == $"mentee{small.Mentees.ToList().IndexOf(leftOver) + 1}@example.com").Subject.ShouldBe("Spring 2027: no mentor this time");
        var first = pairs[0];
        var menteeMail = mails.Single(m => m.To == $"mentee{small.Mentees.ToList().IndexOf(first.MenteeApplicationId) + 1}@example.com");
        var mentorName = $"mentor{small.Mentors.ToList().IndexOf(first.MentorApplicationId) + 1}";
        menteeMail.Subject.ShouldContain(mentorName);
        menteeMail.Body.ShouldContain("What happens next");
        menteeMail.Body.ShouldNotContain("接下来");
        menteeMail.Body.ShouldContain(TandemFactory.PublicUrl + "/Pairs/");
        menteeMail.Body.ShouldContain(mentorName);
        menteeMail.Body.ShouldNotContain("score", Case.Insensitive);

        // Publishing again is refused: the cohort is Active now.
        var again = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { confirm = true });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await world.Factory.WithDbAsync(d => d.Pairs.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task PublishingWithoutARunIsRefused()
    {
        using var world = await MatchingWorld.CreateAsync();
        var small = await world.SmallAsync();
        var client = await world.CoordinatorAsync();
        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { confirm = true });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorTextAsync()).ShouldContain("Run the matching first");
        (await world.Factory.WithDbAsync(d => d.Cohorts.Where(c => c.Id == small.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CohortStatus.Matching);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoCoordinatorsPublishingAtOnceMakeExactlyOneSetOfPairs(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var cohort = await world.CohortAsync();
        for (var i = 0; i < 12; i++) await world.MenteeAsync(cohort, $"mentee{i}@example.com");
        for (var i = 0; i < 5; i++) await world.MentorAsync(cohort, $"mentor{i}@example.com", capacity: 2);
        await world.Factory.CreateUserAsync("second@example.com", coordinator: true);
        var first = await world.CoordinatorAsync();
        var second = await world.Factory.ApiClientAsync("second@example.com");
        var run = await MatchingWorld.RunAsync(first, cohort);
        var matched = run.GetProperty("matched").GetInt32();
        matched.ShouldBe(10);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? first : second).PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/publish", new { confirm = true })));
        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        attempts.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);

        var pairs = await world.Factory.WithDbAsync(d => d.Pairs.AsNoTracking().ToListAsync());
        pairs.Count.ShouldBe(matched);
        pairs.GroupBy(p => p.MenteeApplicationId).ShouldAllBe(g => g.Count() == 1);
        pairs.GroupBy(p => p.MentorApplicationId).ShouldAllBe(g => g.Count() <= 2);
        // The losing publishers' notices went with their rolled-back pairs: one notice and one email per person paired,
        // and per mentee left over.
        var told = matched * 2 + (12 - matched);
        (await world.Factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(told);
        (await world.Factory.WithDbAsync(d => d.QueuedEmails.CountAsync())).ShouldBe(told);
        (await world.Factory.MailAsync()).Count.ShouldBe(told);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task PublishingTellsTheUnmatchedAndTheWaitlistedInTheirOwnLanguageExactlyOnce(Db db)
    {
        using var world = await MatchingWorld.CreateAsync(db);
        var small = await world.SmallAsync();
        await world.MenteeAsync(small.Id, "waiting@example.com", status: ApplicationStatus.Waitlisted);
        await world.MentorAsync(small.Id, "waiting.mentor@example.com", status: ApplicationStatus.Waitlisted);
        await world.Factory.WithDbAsync(d => d.Users.Where(u => u.Email == "waiting@example.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "zh-Hans")));
        var client = await world.CoordinatorAsync();
        await MatchingWorld.RunAsync(client, small.Id);
        var proposals = await MatchingWorld.ProposalsAsync(client, small.Id);
        var leftOver = $"mentee{small.Mentees.ToList().IndexOf(small.Mentees.Single(m => !proposals.ContainsKey(m))) + 1}@example.com";

        var preview = await (await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { })).JsonAsync();
        preview.GetProperty("consequences").EnumerateArray().Select(c => c.GetString()).ShouldContain("2 waitlisted applicants are told they remain on the waitlist.");
        (await client.PostAsJsonAsync($"/api/v1/cohorts/{small.Id}/matching/publish", new { confirm = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var kinds = await world.Factory.WithDbAsync(d => d.Notifications.AsNoTracking()
            .Join(d.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.Kind }).ToListAsync());
        kinds.Where(k => k.Kind == NoticeKinds.MatchingLeftUnmatched.Key).Select(k => k.Email).ShouldBe([leftOver]);
        kinds.Where(k => k.Kind == NoticeKinds.MatchingStillWaitlisted.Key).Select(k => k.Email).ShouldBe(["waiting@example.com", "waiting.mentor@example.com"], ignoreOrder: true);

        var mails = await world.Factory.MailAsync();
        mails.Single(m => m.To == leftOver).Body.ShouldContain("could not find a mentor for you");
        mails.Single(m => m.To == "waiting.mentor@example.com").Subject.ShouldBe("Spring 2027: you remain on the waitlist");
        var chinese = mails.Single(m => m.To == "waiting@example.com");
        chinese.Subject.ShouldBe("Spring 2027：您仍在候补名单上");
        chinese.Body.ShouldContain(TandemFactory.PublicUrl + "/Applications/Mine");
    }
}
