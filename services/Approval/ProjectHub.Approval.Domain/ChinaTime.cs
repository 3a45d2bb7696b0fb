namespace ProjectHub.Approval.Domain;

/// <summary>Asia/Shanghai calendar dates from instants.</summary>
public static class ChinaTime
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date this
    // system handles and needs no time-zone database.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
