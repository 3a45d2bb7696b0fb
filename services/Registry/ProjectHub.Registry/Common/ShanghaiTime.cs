namespace ProjectHub.Registry.Common;

/// <summary>
/// Dates in the registry are Asia/Shanghai dates. China has no daylight saving, so a fixed UTC+8 offset is exact
/// and needs no time-zone database (which minimal containers may lack).
/// </summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static long NowMs(this TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();
}
