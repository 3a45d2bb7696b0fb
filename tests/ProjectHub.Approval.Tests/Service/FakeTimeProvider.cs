namespace ProjectHub.Approval.Tests.Service;

/// <summary>A clock the tests set by hand. Timers still run on real time (the sweep's hourly delay never fires in a test).</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now) => _now = now;
}
