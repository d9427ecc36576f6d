using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared.Email;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Notifications;

public sealed class EmailQueueTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Queues one message notice per sender name to the recipient, committed as a caller would.</summary>
    private static Task QueueAsync(IServiceProvider services, string recipientId, IEnumerable<string> senders) =>
        WithScopeAsync(services, async sp =>
        {
            var notices = sp.GetRequiredService<Notices>();
            await notices.AddAsync(NoticeKinds.MessageReceived, senders.Select(s => new Notice(recipientId, "/Messages/1", [NoticeArg.Name(s)])).ToList(), default);
            await sp.GetRequiredService<TandemDb>().SaveChangesAsync();
        });

    private static async Task WithScopeAsync(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        using var scope = services.CreateScope();
        await work(scope.ServiceProvider);
    }

    private static async Task<int> DeliverAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EmailQueue>().DeliverDueAsync(default);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task TwoInstancesDeliveringTheSameQueueAtOnceSendEveryEmailExactlyOnce(Db provider)
    {
        using var first = new TandemFactory(provider);
        var recipient = await first.CreateUserAsync("queue@example.com");
        var senders = Enumerable.Range(1, 60).Select(i => $"Sender {i:00}").ToList();
        await QueueAsync(first.Services, recipient, senders);
        using var second = new TandemFactory(provider, new() { ["ConnectionStrings:Tandem"] = first.ConnectionString });
        _ = second.Services;

        var counts = await Task.WhenAll(
            Task.Run(() => DeliverAsync(first.Services)), Task.Run(() => DeliverAsync(second.Services)),
            Task.Run(() => DeliverAsync(first.Services)), Task.Run(() => DeliverAsync(second.Services)));

        counts.Sum().ShouldBe(60);
        var mails = Outbox.Read(first.Outbox).Concat(Outbox.Read(second.Outbox)).ToList();
        mails.Count.ShouldBe(60);
        mails.Select(m => m.Subject).Distinct().Count().ShouldBe(60);
        mails.ShouldAllBe(m => m.To == "queue@example.com");
        // Each row was claimed once: a second claim would have counted a second attempt.
        var rows = await first.WithDbAsync(d => d.QueuedEmails.AsNoTracking().ToListAsync());
        rows.Count.ShouldBe(60);
        rows.ShouldAllBe(e => e.Status == EmailStatus.Sent && e.Attempts == 1 && e.SentAt != null && e.ClaimedUntil == null);
        (await DeliverAsync(first.Services)).ShouldBe(0);
        (await DeliverAsync(second.Services)).ShouldBe(0);
    }

    [Fact]
    public async Task AFailedSendIsRetriedLaterAndRecordedWhenItFinallyGoesOut()
    {
        var clock = new FakeClock(Now);
        var relay = new FlakyRelay(failures: 1);
        using var factory = new TandemFactory(clock: clock);
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(relay)));
        var recipient = await factory.CreateUserAsync("retry@example.com");
        await QueueAsync(app.Services, recipient, ["Zhao Min"]);

        (await DeliverAsync(app.Services)).ShouldBe(0);
        var failed = await factory.WithDbAsync(d => d.QueuedEmails.AsNoTracking().SingleAsync());
        failed.Status.ShouldBe(EmailStatus.Queued);
        failed.Attempts.ShouldBe(1);
        failed.LastError!.ShouldContain("relay refused");
        failed.NextAttemptAt.ShouldBe(Now.UtcDateTime.AddMinutes(1));

        (await DeliverAsync(app.Services)).ShouldBe(0);  // not due yet
        relay.Sent.ShouldBeEmpty();

        clock.Advance(TimeSpan.FromMinutes(1));
        (await DeliverAsync(app.Services)).ShouldBe(1);
        relay.Sent.ShouldHaveSingleItem().To.ShouldBe("retry@example.com");
        var sent = await factory.WithDbAsync(d => d.QueuedEmails.AsNoTracking().SingleAsync());
        (sent.Status, sent.Attempts, sent.SentAt, sent.LastError).ShouldBe((EmailStatus.Sent, 2, (DateTime?)Now.UtcDateTime.AddMinutes(1), (string?)null));
        (await DeliverAsync(app.Services)).ShouldBe(0);
        relay.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnEmailThatKeepsFailingIsGivenUpAfterTheLastAttempt()
    {
        var clock = new FakeClock(Now);
        var relay = new FlakyRelay(failures: int.MaxValue);
        using var factory = new TandemFactory(extra: new() { ["Notices:MaxAttempts"] = "3" }, clock: clock);
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(relay)));
        var recipient = await factory.CreateUserAsync("bounce@example.com");
        await QueueAsync(app.Services, recipient, ["Zhao Min"]);

        foreach (var wait in new[] { 0, 1, 5, 30, 120 })
        {
            clock.Advance(TimeSpan.FromMinutes(wait));
            await DeliverAsync(app.Services);
        }
        var row = await factory.WithDbAsync(d => d.QueuedEmails.AsNoTracking().SingleAsync());
        (row.Status, row.Attempts, row.SentAt).ShouldBe((EmailStatus.Failed, 3, (DateTime?)null));
        relay.Attempts.ShouldBe(3);
    }

    [Theory, MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task ANoticeIsWrittenOnlyWithTheChangeThatCausedIt(Db provider)
    {
        using var factory = new TandemFactory(provider);
        var recipient = await factory.CreateUserAsync("cause@example.com");
        await WithScopeAsync(factory.Services, async sp =>
        {
            var db = sp.GetRequiredService<TandemDb>();
            await sp.GetRequiredService<Notices>().AddAsync(NoticeKinds.MessageReceived, new Notice(recipient, "/Messages/1", [NoticeArg.Name("Wang Li")]), default);
            // The cause cannot be saved (its people do not exist): the notice must not be saved either.
            db.Pairs.Add(new Pair { CohortId = 999, MenteeId = "nobody", MentorId = "nobody-else", MenteeApplicationId = 1, MentorApplicationId = 2, PublishedAt = Now.UtcDateTime });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        (await factory.WithDbAsync(d => d.Notifications.CountAsync())).ShouldBe(0);
        (await factory.WithDbAsync(d => d.QueuedEmails.CountAsync())).ShouldBe(0);
        (await factory.MailAsync()).ShouldBeEmpty();
    }

    /// <summary>A relay that refuses the first <c>failures</c> emails, then takes them.</summary>
    private sealed class FlakyRelay(int failures) : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];
        public int Attempts { get; private set; }

        public Task SendAsync(EmailMessage message, CancellationToken ct = default)
        {
            lock (Sent)
            {
                Attempts++;
                if (Attempts <= failures) throw new IOException("relay refused the connection");
                Sent.Add(message);
            }
            return Task.CompletedTask;
        }
    }
}
