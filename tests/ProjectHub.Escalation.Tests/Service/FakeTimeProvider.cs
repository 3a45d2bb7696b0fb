namespace ProjectHub.Escalation.Tests.Service;

/// <summary>A clock the test sets by hand; timers still run on real time (the sweep is driven explicitly).</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
