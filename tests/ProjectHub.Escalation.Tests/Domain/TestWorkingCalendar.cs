using ProjectHub.Calendar;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>
/// Test double of <see cref="IWorkingCalendar"/> holding the 2025/2026 facts from shared/domain/calendar-cn.md.
/// Stands in until libs/ProjectHub.Calendar ships its implementation; the tests then switch to the real one.
/// </summary>
public sealed class TestWorkingCalendar : IWorkingCalendar
{
    public static TestWorkingCalendar Instance { get; } = new();

    private static readonly HashSet<DateOnly> DaysOff =
    [
        // 2025
        D(2025, 1, 1), .. Span(2025, 1, 28, 2025, 2, 4), .. Span(2025, 4, 4, 2025, 4, 6), .. Span(2025, 5, 1, 2025, 5, 5),
        .. Span(2025, 5, 31, 2025, 6, 2), .. Span(2025, 10, 1, 2025, 10, 8),
        // 2026
        .. Span(2026, 1, 1, 2026, 1, 3), .. Span(2026, 2, 15, 2026, 2, 23), .. Span(2026, 4, 4, 2026, 4, 6),
        .. Span(2026, 5, 1, 2026, 5, 5), .. Span(2026, 6, 19, 2026, 6, 21), .. Span(2026, 9, 25, 2026, 9, 27),
        .. Span(2026, 10, 1, 2026, 10, 7),
    ];

    // 调休上班: weekend days that are working days.
    private static readonly HashSet<DateOnly> AdjustedWorkdays =
    [
        D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11),
        D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10),
    ];

    public bool IsKnownYear(int year) => year is 2025 or 2026;

    public bool IsWorkingDay(DateOnly date) =>
        AdjustedWorkdays.Contains(date)
        || (!DaysOff.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var date = start;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IEnumerable<DateOnly> Span(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        for (var date = D(y1, m1, d1); date <= D(y2, m2, d2); date = date.AddDays(1))
        {
            yield return date;
        }
    }
}
