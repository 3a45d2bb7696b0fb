using static ProjectHub.Calendar.Tests.Calendars;

namespace ProjectHub.Calendar.Tests;

public class ArithmeticTests
{
    [Theory]
    // Spring Festival 2026: off 02-15 … 02-23, worked Sat 02-14 and Sat 02-28.
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    [InlineData("2026-02-12", 5, "2026-02-26")]
    [InlineData("2026-02-12", 7, "2026-02-28")]
    [InlineData("2026-02-12", 8, "2026-03-02")]
    [InlineData("2026-02-15", 1, "2026-02-24")] // starting on a holiday
    [InlineData("2026-02-21", 0, "2026-02-21")] // zero keeps even a day off
    // National Day 2025: off 10-01 … 10-08, worked Sun 09-28 and Sat 10-11.
    [InlineData("2025-09-26", 1, "2025-09-28")]
    [InlineData("2025-09-26", 3, "2025-09-30")]
    [InlineData("2025-09-26", 4, "2025-10-09")]
    [InlineData("2025-09-26", 6, "2025-10-11")]
    [InlineData("2025-09-26", 7, "2025-10-13")]
    [InlineData("2025-10-03", 1, "2025-10-09")]
    public void Add_across_holidays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Default.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-02-24", -2, "2026-02-13")]
    // From a day off, the half-open contract counts the working day before it as the first step back:
    // (02-13, 02-20] holds one working day (02-14), so -1 lands on 02-13. This keeps Count(Add) == n.
    [InlineData("2026-02-20", -1, "2026-02-13")]
    [InlineData("2026-02-21", -2, "2026-02-12")]
    [InlineData("2025-10-09", -1, "2025-09-30")]
    [InlineData("2025-10-13", -2, "2025-10-10")] // the adjusted Saturday 10-11 is the -1
    [InlineData("2025-10-13", -7, "2025-09-26")]
    [InlineData("2025-01-02", -1, "2024-12-31")]
    public void Add_negative(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Default.AddWorkingDays(D(start), days));
        Assert.Equal(days, Default.CountWorkingDays(D(start), D(expected)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-24", 2)] // (Fri, Tue]: Sat 02-14 and Tue 02-24
    [InlineData("2026-02-24", "2026-02-13", -2)]
    [InlineData("2026-02-14", "2026-02-23", 0)]
    [InlineData("2025-09-30", "2025-10-12", 3)] // 10-09, 10-10, 10-11
    [InlineData("2025-06-15", "2025-06-15", 0)]
    public void Count_is_half_open(string from, string to, int expected)
    {
        Assert.Equal(expected, Default.CountWorkingDays(D(from), D(to)));
    }

    [Fact]
    public void Count_and_add_are_inverse_over_every_day_of_2025_and_2026()
    {
        var failures = new List<string>();
        for (var d = D("2025-01-01"); d <= D("2026-12-31"); d = d.AddDays(1))
        {
            for (var n = -30; n <= 30; n++)
            {
                var result = Default.AddWorkingDays(d, n);
                if (Default.CountWorkingDays(d, result) != n
                    || (n != 0 && !Default.IsWorkingDay(result))
                    || result != Reference.Add(d, n))
                {
                    failures.Add($"{d} {n:+#;-#;0} -> {result}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Add_of_count_returns_every_working_day_of_2025_and_2026()
    {
        var anchor = D("2025-01-01");
        var failures = new List<DateOnly>();
        for (var d = D("2025-01-01"); d <= D("2026-12-31"); d = d.AddDays(1))
        {
            var count = Default.CountWorkingDays(anchor, d);
            if (count != Reference.Count(anchor, d)
                || (Default.IsWorkingDay(d) && Default.AddWorkingDays(anchor, count) != d))
            {
                failures.Add(d);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Large_counts_cross_years_consistently()
    {
        var start = D("2024-06-03");
        var end = Default.AddWorkingDays(start, 1000);

        Assert.Equal(1000, Default.CountWorkingDays(start, end));
        Assert.Equal(start, Default.AddWorkingDays(end, -1000));
    }

    [Fact]
    public void Next_and_previous_working_day()
    {
        Assert.Equal(D("2026-02-24"), Default.NextWorkingDay(D("2026-02-14")));
        Assert.Equal(D("2026-02-14"), Default.PreviousWorkingDay(D("2026-02-24")));
    }

    [Fact]
    public void Adding_past_the_end_of_time_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.AddWorkingDays(DateOnly.MaxValue.AddDays(-3), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.AddWorkingDays(DateOnly.MinValue, -1));
    }

    /// <summary>Day-by-day walk over the independent expected table: slow, obviously right.</summary>
    private static class Reference
    {
        public static DateOnly Add(DateOnly start, int n)
        {
            if (n >= 0)
            {
                var d = start;
                for (var left = n; left > 0;)
                {
                    d = d.AddDays(1);
                    left -= ExpectedCalendar.IsWorkingDay(d) ? 1 : 0;
                }

                return d;
            }

            // Backwards: the working day r with exactly |n| working days in (r, start].
            var seen = 0;
            for (var d = start; ; d = d.AddDays(-1))
            {
                if (ExpectedCalendar.IsWorkingDay(d))
                {
                    if (seen == -n)
                    {
                        return d;
                    }

                    seen++;
                }
            }
        }

        public static int Count(DateOnly from, DateOnly to)
        {
            var sign = to >= from ? 1 : -1;
            var (low, high) = to >= from ? (from, to) : (to, from);
            var count = 0;
            for (var d = low.AddDays(1); d <= high; d = d.AddDays(1))
            {
                count += ExpectedCalendar.IsWorkingDay(d) ? 1 : 0;
            }

            return sign * count;
        }
    }
}
