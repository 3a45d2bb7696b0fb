using ProjectHub.Domain;

namespace ProjectHub.Escalation.Tests.Domain;

public class ShanghaiTimeTests
{
    [Fact]
    public void Date_of_an_instant_is_the_Shanghai_date_not_the_UTC_date()
    {
        // 16:00 UTC on 02-13 is already 00:00 on 02-14 in Shanghai.
        Assert.Equal(new DateOnly(2026, 2, 14), ShanghaiTime.DateOf(new DateTimeOffset(2026, 2, 13, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 2, 13), ShanghaiTime.DateOf(new DateTimeOffset(2026, 2, 13, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Start_of_day_is_midnight_at_plus_eight() =>
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 16, 0, 0, TimeSpan.Zero), ShanghaiTime.StartOfDay(new DateOnly(2026, 2, 14)));
}
