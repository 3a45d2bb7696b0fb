namespace ProjectHub.Calendar.Tests;

/// <summary>
/// The facts of shared/domain/calendar-cn.md, typed in again here on purpose: the tests check the shipped data
/// files against an independent copy, so a typo in either shows up.
/// </summary>
internal static class ExpectedCalendar
{
    public static readonly (string Id, string First, string Last)[] Holidays =
    [
        ("NEW_YEAR", "2025-01-01", "2025-01-01"),
        ("SPRING_FESTIVAL", "2025-01-28", "2025-02-04"),
        ("QINGMING", "2025-04-04", "2025-04-06"),
        ("LABOUR_DAY", "2025-05-01", "2025-05-05"),
        ("DRAGON_BOAT", "2025-05-31", "2025-06-02"),
        ("NATIONAL_DAY_MID_AUTUMN", "2025-10-01", "2025-10-08"),
        ("NEW_YEAR", "2026-01-01", "2026-01-03"),
        ("SPRING_FESTIVAL", "2026-02-15", "2026-02-23"),
        ("QINGMING", "2026-04-04", "2026-04-06"),
        ("LABOUR_DAY", "2026-05-01", "2026-05-05"),
        ("DRAGON_BOAT", "2026-06-19", "2026-06-21"),
        ("MID_AUTUMN", "2026-09-25", "2026-09-27"),
        ("NATIONAL_DAY", "2026-10-01", "2026-10-07"),
    ];

    public static readonly (string Id, string Date)[] AdjustedWorkdays =
    [
        ("SPRING_FESTIVAL", "2025-01-26"),
        ("SPRING_FESTIVAL", "2025-02-08"),
        ("LABOUR_DAY", "2025-04-27"),
        ("NATIONAL_DAY_MID_AUTUMN", "2025-09-28"),
        ("NATIONAL_DAY_MID_AUTUMN", "2025-10-11"),
        ("NEW_YEAR", "2026-01-04"),
        ("SPRING_FESTIVAL", "2026-02-14"),
        ("SPRING_FESTIVAL", "2026-02-28"),
        ("LABOUR_DAY", "2026-05-09"),
        ("NATIONAL_DAY", "2026-09-20"),
        ("NATIONAL_DAY", "2026-10-10"),
    ];

    public static TheoryData<string, string> HolidayFirstAndLastDays()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, first, last) in Holidays)
        {
            data.Add(id, first);
            if (last != first)
            {
                data.Add(id, last);
            }
        }

        return data;
    }

    public static TheoryData<string, string> AdjustedWorkdayData()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, date) in AdjustedWorkdays)
        {
            data.Add(id, date);
        }

        return data;
    }

    private static readonly HashSet<DateOnly> Worked = AdjustedWorkdays.Select(a => Parse(a.Date)).ToHashSet();

    private static readonly HashSet<DateOnly> Off = Holidays
        .SelectMany(h => Enumerable.Range(0, Parse(h.Last).DayNumber - Parse(h.First).DayNumber + 1)
            .Select(i => Parse(h.First).AddDays(i)))
        .ToHashSet();

    /// <summary>Straight from the table above, sharing no code with the library.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        Worked.Contains(date)
        || (!Off.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private static DateOnly Parse(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
