using static ProjectHub.Calendar.Tests.Calendars;

namespace ProjectHub.Calendar.Tests;

public class FallbackTests
{
    [Theory]
    [InlineData("2024-10-01")] // National Day 2024, unknown here: a plain Tuesday
    [InlineData("2027-10-01")] // a Friday
    public void Unknown_years_are_weekdays_and_report_fallback(string date)
    {
        var calendar = Fresh();
        var reported = new List<(int, int)>();
        calendar.FallbackUsed += (_, e) => reported.Add((e.FirstYear, e.LastYear));

        var working = calendar.IsWorkingDay(D(date));

        Assert.True(working);
        Assert.False(calendar.IsKnownYear(D(date).Year));
        Assert.Equal([(D(date).Year, D(date).Year)], reported);
    }

    [Fact]
    public void Unknown_weekends_are_off()
    {
        var calendar = Fresh();
        var day = calendar.DescribeDay(D("2027-01-02"));

        Assert.Equal(DayKind.Weekend, day.Kind);
        Assert.False(day.IsKnownYear);
        Assert.Null(day.Holiday);
    }

    [Fact]
    public void Known_years_do_not_report()
    {
        var calendar = Fresh();
        var reports = 0;
        calendar.FallbackUsed += (_, _) => reports++;

        calendar.IsWorkingDay(D("2025-05-05"));
        calendar.AddWorkingDays(D("2025-12-30"), 1);
        calendar.AddWorkingDays(D("2026-01-05"), -1);
        calendar.CountWorkingDays(D("2024-12-31"), D("2026-12-31")); // (from, to] is all known
        calendar.DescribeDay(D("2026-02-14"));

        Assert.Equal(0, reports);
    }

    [Theory]
    [InlineData("2026-12-30", 5, 2027, 2027)]
    [InlineData("2025-01-03", -5, 2024, 2024)]
    public void Adding_into_an_unknown_year_reports_it(string start, int days, int first, int last)
    {
        var calendar = Fresh();
        var reported = new List<(int, int)>();
        calendar.FallbackUsed += (_, e) => reported.Add((e.FirstYear, e.LastYear));

        var result = calendar.AddWorkingDays(D(start), days);

        Assert.Equal(days, calendar.CountWorkingDays(D(start), result));
        Assert.Contains((first, last), reported);
    }

    [Fact]
    public void A_span_over_known_years_reports_each_unknown_run_once()
    {
        var calendar = Fresh();
        var reported = new List<(int, int)>();
        calendar.FallbackUsed += (_, e) => reported.Add((e.FirstYear, e.LastYear));

        var count = calendar.CountWorkingDays(D("2020-06-01"), D("2030-06-01"));

        Assert.True(count > 0);
        Assert.Equal([(2020, 2024), (2027, 2030)], reported);
    }

    [Fact]
    public void A_gap_between_known_years_falls_back_and_reports_the_gap()
    {
        var y2025 = Calendars.Default.HolidaysOf(2025);
        var calendar = new WorkingCalendar(
        [
            new CalendarYear(2025, null, y2025, "test-2025"),
            new CalendarYear(2027, null, [], "test-2027"),
        ]);
        var reported = new List<(int, int)>();
        calendar.FallbackUsed += (_, e) => reported.Add((e.FirstYear, e.LastYear));

        var isWorking = calendar.IsWorkingDay(D("2026-02-17")); // Spring Festival 2026, but 2026 is not loaded
        var count = calendar.CountWorkingDays(D("2025-12-31"), D("2027-01-01"));

        Assert.True(isWorking);
        Assert.Equal(261 + 1, count); // 2026 as 261 weekdays, plus Fri 2027-01-01 (2027 known with no holidays)
        Assert.Equal([(2026, 2026), (2026, 2026)], reported);
        Assert.False(calendar.IsKnownYear(2026));
        Assert.True(calendar.IsKnownYear(2027));
    }

    [Fact]
    public void An_empty_calendar_is_plain_weekdays()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(D("2025-10-06"), calendar.AddWorkingDays(D("2025-10-03"), 1));
        Assert.Equal(5, calendar.CountWorkingDays(D("2025-09-28"), D("2025-10-05")));
        Assert.Empty(calendar.KnownYears);
    }

    [Fact]
    public void Day_number_zero_is_a_monday()
    {
        // The weekday arithmetic depends on it.
        Assert.Equal(DayOfWeek.Monday, DateOnly.MinValue.DayOfWeek);
    }
}
