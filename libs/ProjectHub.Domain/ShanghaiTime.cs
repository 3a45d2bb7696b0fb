namespace ProjectHub.Domain;

/// <summary>
/// Every date in ProjectHub is an Asia/Shanghai calendar date. China has kept UTC+08:00 without daylight saving
/// since 1991, so a fixed offset is exact for every instant this system handles and needs no time-zone database
/// (which minimal containers may lack).
/// </summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Shanghai calendar date on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>00:00 Shanghai time on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>Today in Shanghai by this clock.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>Now as Unix milliseconds, the instant columns' unit.</summary>
    public static long NowMs(this TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();
}
