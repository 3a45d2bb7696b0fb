namespace ProjectHub.Calendar;

/// <summary>
/// One known year precomputed into per-day arrays, so every query is an index lookup with no allocation.
/// </summary>
internal sealed class YearTable
{
    private readonly DayKind[] _kinds;

    // 0 = no holiday; k = Holidays[k - 1]. Years have a handful of holidays, so a byte is plenty.
    private readonly byte[] _holidayIndex;

    // _delta[i]: (working days) − (Monday–Friday days) over day-of-year 1 … i + 1.
    private readonly int[] _delta;

    public YearTable(CalendarYear year)
    {
        Year = year.Year;
        Holidays = year.Holidays;
        var length = DateTime.IsLeapYear(year.Year) ? 366 : 365;
        _kinds = new DayKind[length];
        _holidayIndex = new byte[length];
        _delta = new int[length];
        var firstDayNumber = new DateOnly(year.Year, 1, 1).DayNumber;

        for (var i = 0; i < length; i++)
        {
            _kinds[i] = WeekdayMath.IsWeekday(firstDayNumber + i) ? DayKind.WorkingDay : DayKind.Weekend;
        }

        for (var h = 0; h < year.Holidays.Count; h++)
        {
            var holiday = year.Holidays[h];
            for (var d = holiday.First; d <= holiday.Last; d = d.AddDays(1))
            {
                Mark(d, DayKind.Holiday, h);
            }

            foreach (var d in holiday.AdjustedWorkdays)
            {
                Mark(d, DayKind.AdjustedWorkday, h);
            }
        }

        var running = 0;
        for (var i = 0; i < length; i++)
        {
            var working = _kinds[i] is DayKind.WorkingDay or DayKind.AdjustedWorkday ? 1 : 0;
            var weekday = WeekdayMath.IsWeekday(firstDayNumber + i) ? 1 : 0;
            running += working - weekday;
            _delta[i] = running;
        }
    }

    public int Year { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Working days minus weekdays over the whole year.</summary>
    public int YearDelta => _delta[^1];

    public DayKind KindOf(int dayOfYear) => _kinds[dayOfYear - 1];

    public Holiday? HolidayOf(int dayOfYear)
    {
        var index = _holidayIndex[dayOfYear - 1];
        return index == 0 ? null : Holidays[index - 1];
    }

    public bool IsWorkingDay(int dayOfYear) => _kinds[dayOfYear - 1] is DayKind.WorkingDay or DayKind.AdjustedWorkday;

    public int DeltaThrough(int dayOfYear) => _delta[dayOfYear - 1];

    private void Mark(DateOnly date, DayKind kind, int holiday)
    {
        _kinds[date.DayOfYear - 1] = kind;
        _holidayIndex[date.DayOfYear - 1] = checked((byte)(holiday + 1));
    }
}
