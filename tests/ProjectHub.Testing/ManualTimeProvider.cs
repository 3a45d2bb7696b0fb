namespace ProjectHub.Testing;

/// <summary>
/// A clock the test sets by hand; timers created from it never fire on their own (tests drive sweeps directly).
/// Thread-safe, because the service under test reads it from request and background threads.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>UTC, so nothing depends on the machine's zone; the services convert to Asia/Shanghai themselves.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
