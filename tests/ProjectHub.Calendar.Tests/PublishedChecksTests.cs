using static ProjectHub.Calendar.Tests.Calendars;

namespace ProjectHub.Calendar.Tests;

/// <summary>The three checks at the bottom of calendar-cn.md.</summary>
public class PublishedChecksTests
{
    [Theory]
    [InlineData("2026-02-13", "2026-02-14")] // Fri + 1 = Sat, an adjusted workday
    [InlineData("2026-02-14", "2026-02-24")] // Sat + 1 = Tue after Spring Festival
    [InlineData("2025-09-30", "2025-10-09")] // Tue + 1 = Thu after National Day
    public void Plus_one_working_day(string start, string expected)
    {
        Assert.Equal(D(expected), Default.AddWorkingDays(D(start), 1));
        Assert.Equal(1, Default.CountWorkingDays(D(start), D(expected)));
    }
}
