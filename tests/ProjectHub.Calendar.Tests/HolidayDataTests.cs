using static ProjectHub.Calendar.Tests.Calendars;

namespace ProjectHub.Calendar.Tests;

public class HolidayDataTests
{
    [Theory]
    [MemberData(nameof(ExpectedCalendar.HolidayFirstAndLastDays), MemberType = typeof(ExpectedCalendar))]
    public void First_and_last_day_of_every_holiday_is_off(string id, string date)
    {
        var day = Default.DescribeDay(D(date));

        Assert.False(Default.IsWorkingDay(D(date)));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal(id, day.Holiday?.Id);
        Assert.True(day.IsKnownYear);
    }

    [Theory]
    [MemberData(nameof(ExpectedCalendar.HolidayFirstAndLastDays), MemberType = typeof(ExpectedCalendar))]
    public void Holiday_ranges_match_the_published_table(string id, string date)
    {
        var holiday = Default.HolidaysOf(D(date).Year).Single(h => h.Id == id);

        Assert.True(holiday.Contains(D(date)));
        Assert.Contains(D(date), new[] { holiday.First, holiday.Last });
    }

    [Theory]
    [MemberData(nameof(ExpectedCalendar.AdjustedWorkdayData), MemberType = typeof(ExpectedCalendar))]
    public void Every_adjusted_workday_is_a_working_weekend_day(string id, string date)
    {
        var day = Default.DescribeDay(D(date));

        Assert.True(Default.IsWorkingDay(D(date)));
        Assert.Equal(DayKind.AdjustedWorkday, day.Kind);
        Assert.Equal(id, day.Holiday?.Id);
        Assert.True(D(date).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Every_day_of_2025_and_2026_matches_the_published_table()
    {
        var mismatches = new List<DateOnly>();
        for (var d = D("2025-01-01"); d <= D("2026-12-31"); d = d.AddDays(1))
        {
            if (Default.IsWorkingDay(d) != ExpectedCalendar.IsWorkingDay(d))
            {
                mismatches.Add(d);
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Working_days_per_year(int year, int expected)
    {
        // 261 weekdays, minus weekday holidays (18 in 2025, 19 in 2026), plus adjusted workdays (5, 6).
        Assert.Equal(expected, Default.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Fact]
    public void Holiday_names_carry_english_and_chinese()
    {
        var spring = Default.DescribeDay(D("2026-02-17")).Holiday;

        Assert.Equal("Spring Festival", spring?.Name);
        Assert.Equal("春节", spring?.NameZh);
    }

    [Theory]
    [InlineData("2025-03-03", DayKind.WorkingDay)]
    [InlineData("2025-03-08", DayKind.Weekend)]
    [InlineData("2026-10-03", DayKind.Holiday)] // a Saturday inside a holiday is a holiday, not a weekend
    public void Day_kinds(string date, DayKind expected)
    {
        Assert.Equal(expected, Default.DescribeDay(D(date)).Kind);
    }

    [Fact]
    public void Known_years_are_the_shipped_ones()
    {
        Assert.Equal([2025, 2026], Default.KnownYears);
        Assert.True(Default.IsKnownYear(2025));
        Assert.True(Default.IsKnownYear(2026));
        Assert.False(Default.IsKnownYear(2024));
        Assert.False(Default.IsKnownYear(2027));
    }
}
