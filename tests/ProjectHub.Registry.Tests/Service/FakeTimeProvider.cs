namespace ProjectHub.Registry.Tests.Service;

/// <summary>A clock the test moves by hand. Timers still run on real time (nothing here waits on them).</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
