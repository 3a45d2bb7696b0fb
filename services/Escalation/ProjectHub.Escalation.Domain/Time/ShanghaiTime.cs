namespace ProjectHub.Escalation.Domain.Time;

/// <summary>
/// Converts instants to Asia/Shanghai calendar dates and back.
/// </summary>
/// <remarks>
/// China has kept UTC+08:00 without daylight saving since 1991, so a fixed offset is exact for every instant this
/// system handles and keeps the domain independent of the host's time-zone database.
/// </remarks>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Shanghai calendar date on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>00:00 Shanghai time on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
