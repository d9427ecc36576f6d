using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Reminders;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.PairsProgress;

public sealed class RemindersTests
{
    [Fact]
    public async Task ABehindPairNudgesTheMenteeOnceAndAnAtRiskPairWarnsBothOnce()
    {
        using var w = await PairWorld.CreateAsync();
        await w.SetPairAsync(w.OtherPairId, PairStatus.Completed);
        // Contact on day 20 keeps the six-week rule quiet; no meeting held yet.
        await w.MeetingAsync(w.PairId, PairWorld.At(40), MeetingStatus.Proposed, createdAt: PairWorld.At(20));

        w.Day(30);
        (await w.RunRemindersAsync()).ShouldBe(1);
        var first = await w.NotificationsAsync();
        first.ShouldHaveSingleItem().ShouldBe((w.MenteeId, NoticeKinds.ReminderBehind.InApp));
        var mail = (await w.Factory.MailAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe(PairWorld.Mentee);
        mail.Subject.ShouldBe("Time for your next meeting");
        mail.Body.ShouldContain("You have held 0 of the 1 meetings expected by now with Mona Mentor.");
        mail.Body.ShouldContain(TandemFactory.PublicUrl + $"/Pairs/{w.PairId}");
        mail.Body.ShouldNotContain("目前应已见面");

        (await w.RunRemindersAsync()).ShouldBe(0);
        w.Day(31);
        (await w.RunRemindersAsync()).ShouldBe(0);
        (await w.NotificationsAsync()).Count.ShouldBe(1);

        w.Day(61);  // at risk (0 of 2), and the month-2 check-in (due 1 March) for both
        (await w.RunRemindersAsync()).ShouldBe(2);
        var all = await w.NotificationsAsync();
        all.Where(n => n.Text == NoticeKinds.ReminderAtRisk.InApp).ShouldBe([(w.MenteeId, NoticeKinds.ReminderAtRisk.InApp), (w.MentorId, NoticeKinds.ReminderAtRisk.InApp)], ignoreOrder: true);
        all.Count(n => n.Text == NoticeKinds.ReminderBehind.InApp).ShouldBe(1);
        (await w.Factory.MailAsync()).Count.ShouldBe(5);
        (await w.RunRemindersAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAcceptedMeetingIsRemindedToBothOnceWithinTwentyFourHoursOfItsStart()
    {
        using var w = await PairWorld.CreateAsync();
        await w.SetPairAsync(w.OtherPairId, PairStatus.Completed);
        await w.MeetingAsync(w.PairId, PairWorld.At(2, 10), MeetingStatus.Held, createdAt: PairWorld.At(1));
        await w.MeetingAsync(w.PairId, PairWorld.At(10, 10), MeetingStatus.Accepted, createdAt: PairWorld.At(3));
        w.Day(9, 9);   // 25 hours before
        (await w.RunRemindersAsync()).ShouldBe(0);
        w.Day(9, 10);  // exactly 24 hours before
        (await w.RunRemindersAsync()).ShouldBe(1);
        (await w.NotificationsAsync()).ShouldBe([(w.MenteeId, NoticeKinds.ReminderMeetingSoon.InApp), (w.MentorId, NoticeKinds.ReminderMeetingSoon.InApp)], ignoreOrder: true);
        var mails = await w.Factory.MailAsync();
        mails.Select(m => m.To).ShouldBe([PairWorld.Mentee, PairWorld.Mentor], ignoreOrder: true);
        // 10:00 UTC, told in the program's zone (neither has chosen one), never as UTC.
        mails.ShouldAllBe(m => m.Body.Contains("6:00") && m.Body.Contains("(Asia/Shanghai, UTC+08:00)") && !m.Body.Contains("10:00"));
        w.Day(10, 9);
        (await w.RunRemindersAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CheckInsAreRemindedWhenDueToWhoeverHasNotAnsweredAndFeedbackWhenTheCohortIsClosing()
    {
        using var w = await PairWorld.CreateAsync();
        await w.SetPairAsync(w.OtherPairId, PairStatus.Completed);
        foreach (var day in new[] { 5, 50, 100 }) await w.MeetingAsync(w.PairId, PairWorld.At(day), MeetingStatus.Held);
        w.Day(58);  // 28 February: the month-2 point is 1 March
        (await w.RunRemindersAsync()).ShouldBe(0);
        await w.Factory.WithDbAsync(async d =>
        {
            d.CheckIns.Add(new Tandem.Web.Features.CheckIns.CheckIn { PairId = w.PairId, UserId = w.MentorId, Month = 2, Progress = 4, Relationship = 4, SubmittedAt = PairWorld.At(59) });
            await d.SaveChangesAsync();
        });
        w.Day(59);
        (await w.RunRemindersAsync()).ShouldBe(1);
        (await w.NotificationsAsync()).ShouldHaveSingleItem().ShouldBe((w.MenteeId, NoticeKinds.ReminderCheckInDue.InApp));
        (await w.RunRemindersAsync()).ShouldBe(0);

        await w.SetCohortAsync(CohortStatus.Closing);
        w.Day(60);
        (await w.RunRemindersAsync()).ShouldBe(1);
        (await w.NotificationsAsync()).Where(n => n.Text == NoticeKinds.ReminderFeedbackDue.InApp).Select(n => n.UserId).ShouldBe([w.MenteeId, w.MentorId], ignoreOrder: true);
    }

    [Fact]
    public async Task NoReminderGoesToAClosedPair()
    {
        using var w = await PairWorld.CreateAsync();
        await w.MeetingAsync(w.PairId, PairWorld.At(100, 10), MeetingStatus.Accepted, createdAt: PairWorld.At(3));
        await w.SetPairAsync(w.PairId, PairStatus.ClosedEarly);
        await w.SetPairAsync(w.OtherPairId, PairStatus.Completed);
        await w.SetCohortAsync(CohortStatus.Closing);
        w.Day(99, 12);   // behind, at risk, check-ins due, meeting tomorrow, cohort closing
        (await w.RunRemindersAsync()).ShouldBe(0);
        (await w.NotificationsAsync()).ShouldBeEmpty();
        (await w.Factory.MailAsync()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoInstancesRunningAtOnceOnOneDatabaseSendEachReminderOnce(Db provider)
    {
        using var w = await PairWorld.CreateAsync(provider);
        for (var i = 0; i < 6; i++)
        {
            var mentee = await w.Factory.CreateUserAsync($"extra-mentee-{i}@example.com");
            var mentor = await w.Factory.CreateUserAsync($"extra-mentor-{i}@example.com");
            var pair = await w.PairAsync(mentee, mentor);
            await w.MeetingAsync(pair, PairWorld.At(70, 10), MeetingStatus.Accepted, createdAt: PairWorld.At(50));
        }
        w.Day(69, 12);  // every pair: at risk (0 of 2 held), month-2 check-in due; extra pairs: a meeting tomorrow
        var pairs = 8;
        var expected = pairs * 2 + 6;

        using var scopeA = w.Factory.Services.CreateScope();
        using var scopeB = w.Factory.Services.CreateScope();
        var a = scopeA.ServiceProvider.GetRequiredService<RemindersJob>();
        var b = scopeB.ServiceProvider.GetRequiredService<RemindersJob>();
        var sent = await Task.WhenAll(Task.Run(() => a.RunOnceAsync(CancellationToken.None)), Task.Run(() => b.RunOnceAsync(CancellationToken.None)));
        sent.Sum().ShouldBe(expected);
        (await w.RunRemindersAsync()).ShouldBe(0);

        var claims = await w.Factory.WithDbAsync(d => d.RemindersSent.AsNoTracking().Select(r => new { r.PairId, r.Kind, r.Key }).ToListAsync());
        claims.Count.ShouldBe(expected);
        claims.Count(c => c.Kind == ReminderKind.AtRisk).ShouldBe(pairs);
        claims.Count(c => c.Kind == ReminderKind.CheckInDue).ShouldBe(pairs);
        claims.Count(c => c.Kind == ReminderKind.MeetingSoon).ShouldBe(6);
        var notes = await w.NotificationsAsync();
        notes.Count.ShouldBe(expected * 2);
        notes.GroupBy(n => n).ShouldAllBe(g => g.Count() == 1);
        (await w.Factory.MailAsync()).Count.ShouldBe(expected * 2);
    }
}
