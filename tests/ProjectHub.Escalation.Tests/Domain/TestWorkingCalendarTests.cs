namespace ProjectHub.Escalation.Tests.Domain;

// The double must be right before anything is built on it: these are the checks calendar-cn.md gives.
public class TestWorkingCalendarTests
{
    private readonly TestWorkingCalendar _calendar = TestWorkingCalendar.Instance;

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-14")] // Fri → Sat adjusted workday
    [InlineData("2026-02-14", 1, "2026-02-24")] // across the Spring Festival
    [InlineData("2025-09-30", 1, "2025-10-09")] // across National Day
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-02-10", 0, "2026-02-10")]
    public void AddWorkingDays_matches_published_checks(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _calendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void CountWorkingDays_is_half_open_and_inverse_of_add()
    {
        Assert.Equal(1, _calendar.CountWorkingDays(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 24)));
        Assert.Equal(0, _calendar.CountWorkingDays(new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23)));
        Assert.Equal(-1, _calendar.CountWorkingDays(new DateOnly(2026, 2, 24), new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Knows_only_2025_and_2026()
    {
        Assert.True(_calendar.IsKnownYear(2026));
        Assert.False(_calendar.IsKnownYear(2027));
    }

    [Fact]
    public void The_real_calendar_agrees_with_the_double_on_every_day_of_2025_and_2026()
    {
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            Assert.True(_calendar.IsWorkingDay(day) == Fixtures.Calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd}");
        }
    }
}
