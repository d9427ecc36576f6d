namespace Tandem.Web.Tests.Infrastructure;

/// <summary>A clock the test sets and moves: application windows, decisions and reminders depend on "today".</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
